// Commands: look up an error code, copy a query offered by a code action, show the output.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Requests } from '../../server/src/protocol';
import { codeAtCursor } from './codeAtCursor';
import { LOOKUP_PROMPT, notAnErrorCodeMessage } from './notifications';

const INFO_SCHEME = 'cmlog-info';

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, output: vscode.OutputChannel): void {
  // Explanations open as read-only virtual documents: nothing to save, nothing written anywhere.
  const pages = new Map<string, string>();
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(INFO_SCHEME, { provideTextDocumentContent: (uri) => pages.get(uri.toString()) ?? '' }));
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.copyToClipboard, async (text: unknown) => {
      if (typeof text !== 'string') return;
      await vscode.env.clipboard.writeText(text);
      void vscode.window.setStatusBarMessage('CMLog Lens: copied to the clipboard', 3000);
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(Commands.lookupErrorCode, async (code?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const selected = editor?.document.getText(editor.selection).trim();
      // A short selection, else the code the cursor is in.
      const cursor = editor?.selection.active;
      const offered = selected && selected.length < 20 ? selected : (cursor && codeAtCursor(editor!.document.lineAt(cursor.line).text, cursor.character)) || '';
      const value = typeof code === 'string' ? code : await vscode.window.showInputBox({
        title: 'CMLog: Look Up Error Code',
        prompt: LOOKUP_PROMPT,
        value: offered,
      });
      if (!value) return;
      const result = await client()?.sendRequest(Requests.lookupErrorCode, { code: value });
      if (!result?.markdown) {
        void vscode.window.showWarningMessage(notAnErrorCodeMessage(value));
        return;
      }
      const uri = vscode.Uri.from({ scheme: INFO_SCHEME, path: `/Error code ${value.replace(/[^0-9A-Za-z-]/g, '')}.md` });
      pages.set(uri.toString(), result.markdown);
      await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, async () => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri)));
    }),
  );
}
