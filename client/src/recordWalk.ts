// Next / previous error or warning record (CMTrace's "next error"), with keys beside F8's problem
// walk: the server finds the record's line, the editor moves there.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, LANGUAGE_ID, Requests } from '../../server/src/protocol';

export function registerRecordWalk(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const walk = (severity: 'error' | 'warning', direction: 'next' | 'previous') => async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID || !client()?.isRunning()) return;
    const answer = await client()!.sendRequest(Requests.stepToRecord, {
      uri: editor.document.uri.toString(), line: editor.selection.active.line, severity, direction,
    }).catch(() => null);
    if (!answer) {
      vscode.window.setStatusBarMessage(`No ${severity} record in this log`, 3000);
      return;
    }
    if (answer.wrapped) vscode.window.setStatusBarMessage(direction === 'next' ? 'Wrapped to the start of the log' : 'Wrapped to the end of the log', 3000);
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
