// Code lens targets: peek the entries other logs wrote around a record (nearest first), and jump
// to a line (the cycle of a 24-hour full sync).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Requests } from '../../server/src/protocol';
import { nothingRelatedMessage } from './notifications';

export function registerTimelineCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showRelated, async (uri: string, entryIndex: number, line: number) => {
      const answer = await client()?.sendRequest(Requests.related, { uri, entryIndex });
      if (!answer || answer.locations.length === 0) {
        void vscode.window.showInformationMessage(nothingRelatedMessage(answer?.windowSeconds));
        return;
      }
      const locations = answer.locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Position(l.line, 0)));
      await vscode.commands.executeCommand('editor.action.peekLocations', vscode.Uri.parse(uri), new vscode.Position(line, 0), locations, 'peek');
    }),
    vscode.commands.registerCommand(Commands.reveal, async (uri: string, line: number) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const pos = new vscode.Position(line, 0);
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
    }),
  );
}
