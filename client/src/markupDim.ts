// Dims the records' markup (`<![LOG[`, `]LOG]!><time=...>`, the legacy `$$<...>` tail) with the
// contributed colour `cmlog.markupForeground`, on the lines in view: no TextMate scope is grey in
// every default theme (Light+ colours tag punctuation maroon), and a decoration's colour wins over
// the token colours. The server says where the markup is (Requests.markupRanges).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, Requests } from '../../server/src/protocol';

/** Lines painted beyond the visible ones, so that scrolling a little shows no undimmed markup. */
const MARGIN = 200;

export function registerMarkupDim(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const dim = vscode.window.createTextEditorDecorationType({ color: new vscode.ThemeColor('cmlog.markupForeground') });
  context.subscriptions.push(dim);
  const timers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();

  const paint = async (editor: vscode.TextEditor) => {
    const doc = editor.document;
    if (!vscode.workspace.getConfiguration('cmlog', doc.uri).get<boolean>('dimMarkup', true) || !client()?.isRunning()) {
      editor.setDecorations(dim, []);
      return;
    }
    const visible = editor.visibleRanges;
    if (visible.length === 0) return;
    const startLine = Math.max(0, visible[0].start.line - MARGIN);
    const endLine = Math.min(doc.lineCount - 1, visible[visible.length - 1].end.line + MARGIN);
    const version = doc.version;
    const ranges = await client()!.sendRequest(Requests.markupRanges, { uri: doc.uri.toString(), startLine, endLine }).catch(() => null);
    if (!ranges || doc.version !== version) return; // a newer paint follows the change
    editor.setDecorations(dim, ranges.map((r) => doc.validateRange(new vscode.Range(r.line, r.start, r.line, r.end))));
  };
  /** One paint per editor after a burst of scrolling or typing. */
  const schedule = (editor: vscode.TextEditor | undefined) => {
    if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
    clearTimeout(timers.get(editor));
    timers.set(editor, setTimeout(() => { timers.delete(editor); void paint(editor); }, 50));
  };
  const all = () => vscode.window.visibleTextEditors.forEach(schedule);
  context.subscriptions.push(
    vscode.window.onDidChangeVisibleTextEditors(all),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => schedule(e.textEditor)),
    vscode.workspace.onDidChangeTextDocument((e) => vscode.window.visibleTextEditors.filter((x) => x.document === e.document).forEach(schedule)),
    // Markup ranges come from the parsed log: repaint when the server has it (diagnostics follow a parse).
    vscode.languages.onDidChangeDiagnostics(all),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('cmlog.dimMarkup')) all(); }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  all();
}
