// Code lens targets: list the entries other logs wrote around a record (nearest first, with the
// gap and the message, in a pick list that opens each as it is selected), and jump to a line (the
// cycle of a 24-hour full sync).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Requests } from '../../server/src/protocol';
import { nothingRelatedMessage } from './notifications';
import { relatedItems, relatedTitle, type RelatedItem } from './relatedItems';

export function registerTimelineCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const reveal = async (uri: string, line: number, options: vscode.TextDocumentShowOptions = {}) => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const pos = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(doc, { ...options, selection: new vscode.Range(pos, pos) });
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showRelated, async (uri: string, entryIndex: number) => {
      const answer = await client()?.sendRequest(Requests.related, { uri, entryIndex });
      if (!answer || answer.locations.length === 0) {
        void vscode.window.showInformationMessage(nothingRelatedMessage(answer?.windowSeconds));
        return;
      }
      const pick = vscode.window.createQuickPick<RelatedItem & vscode.QuickPickItem>();
      pick.title = relatedTitle(answer);
      pick.placeholder = 'Entries of other logs around this record, nearest first: type to filter by log or message';
      pick.matchOnDescription = true;
      pick.matchOnDetail = true;
      pick.items = relatedItems(answer).map((i) => (i.separator ? { ...i, kind: vscode.QuickPickItemKind.Separator } : i));
      // Selecting a row previews it beside the log (the peek's virtue); Enter opens it.
      pick.onDidChangeActive(([item]) => { if (item) void reveal(item.uri, item.line, { preview: true, preserveFocus: true, viewColumn: vscode.ViewColumn.Beside }).catch(() => undefined); });
      pick.onDidAccept(() => {
        const [item] = pick.selectedItems;
        pick.hide();
        if (item) void reveal(item.uri, item.line, { viewColumn: vscode.ViewColumn.Beside });
      });
      pick.onDidHide(() => pick.dispose());
      pick.show();
    }),
    vscode.commands.registerCommand(Commands.reveal, (uri: string, line: number) => reveal(uri, line)),
  );
}
