// Next / previous error or warning record (CMTrace's "next error"), with keys beside F8's problem
// walk: the server finds the record's line, the editor moves there.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, LANGUAGE_ID, Requests } from '../../server/src/protocol';
import { walkMessage, type WalkOutcome } from './recordWalkMessage';

export function registerRecordWalk(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const say = (outcome: WalkOutcome, severity: 'error' | 'warning', direction: 'next' | 'previous') => {
    const m = walkMessage(outcome, severity, direction);
    if (m?.shout) void vscode.window.showInformationMessage(m.text);
    else if (m) vscode.window.setStatusBarMessage(m.text, 3000);
  };
  const walk = (severity: 'error' | 'warning', direction: 'next' | 'previous') => async () => {
    const editor = vscode.window.activeTextEditor;
    const c = client();
    if (!editor || editor.document.languageId !== LANGUAGE_ID) return say('notLog', severity, direction);
    if (!c?.isRunning()) return say('notReady', severity, direction);
    const answer: WalkOutcome = await c.sendRequest(Requests.stepToRecord, {
      uri: editor.document.uri.toString(), line: editor.selection.active.line, severity, direction,
    }).then((a) => a, () => 'failed' as const);
    say(answer, severity, direction);
    if (answer === null || typeof answer === 'string') return;
    const pos = new vscode.Position(answer.line, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.nextErrorRecord, walk('error', 'next')),
    vscode.commands.registerCommand(Commands.previousErrorRecord, walk('error', 'previous')),
    vscode.commands.registerCommand(Commands.nextWarningRecord, walk('warning', 'next')),
    vscode.commands.registerCommand(Commands.previousWarningRecord, walk('warning', 'previous')),
  );
}
