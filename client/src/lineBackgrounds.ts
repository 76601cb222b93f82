// CMTrace-style whole-line backgrounds (red errors, yellow warnings), off by default: the server
// says which lines, the client paints them (`cmlog.lineBackgrounds`).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, Requests } from '../../server/src/protocol';

export function registerLineBackgrounds(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const error = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('cmlog.errorLineBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.errorForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  const warning = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('cmlog.warningLineBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.warningForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  context.subscriptions.push(error, warning);

  const paint = async (editor: vscode.TextEditor | undefined) => {
    if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
    const enabled = vscode.workspace.getConfiguration('cmlog', editor.document.uri).get<boolean>('lineBackgrounds', false);
    if (!enabled || !client()?.isRunning()) {
      editor.setDecorations(error, []);
      editor.setDecorations(warning, []);
      return;
    }
    const ranges = await client()!.sendRequest(Requests.severityRanges, { uri: editor.document.uri.toString() }).catch(() => null);
    if (!ranges) return;
    const toRanges = (xs: { start: number; end: number }[]) => xs.map((r) => new vscode.Range(r.start, 0, r.end, 0));
    editor.setDecorations(error, toRanges(ranges.errors));
    editor.setDecorations(warning, toRanges(ranges.warnings));
  };
  const paintVisible = () => vscode.window.visibleTextEditors.forEach((e) => void paint(e));
  context.subscriptions.push(
    vscode.window.onDidChangeVisibleTextEditors(paintVisible),
    vscode.languages.onDidChangeDiagnostics(paintVisible),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('cmlog.lineBackgrounds')) paintVisible(); }),
  );
  paintVisible();
}
