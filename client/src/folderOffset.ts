// "Use the offset of CcmExec.log for this folder": the user's action on the offer a log's status bar
// and lens make (server/src/features/folderOffset.ts). It writes the offer into `cmlog.folderOffsets`,
// keyed by the folder whose logs wrote it (the log's, or its device folder above it): a collected folder is one machine, while `cmlog.defaultOffset` of a
// workspace folder would place every machine's logs below it with one machine's bias.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Requests } from '../../server/src/protocol';
import { noOfferMessage, offsetSetMessage } from './folderOffsetAnswer';
import { saveFolderOffset, type OffsetsScope } from './folderOffsetSave';

const UNDO = 'Undo';

export function registerFolderOffset(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand(Commands.useFolderOffset, async (uri?: unknown) => {
    const target = typeof uri === 'string' ? uri : vscode.window.activeTextEditor?.document.uri.toString();
    const c = client();
    if (!target || !c?.isRunning()) return;
    // Asked again, not taken from the arguments: what is written is what the server says now.
    const info = await c.sendRequest(Requests.fileInfo, { uri: target });
    const file = vscode.Uri.parse(target);
    const offer = info?.offer;
    if (!offer) {
      void vscode.window.showInformationMessage(noOfferMessage(info?.noOffer, path.basename(file.fsPath)));
      return;
    }
    // The folder whose logs wrote it: a device folder, for a log in its Panther subfolder (the setting covers subfolders).
    const folder = offer.from ? vscode.Uri.parse(offer.from).fsPath : path.dirname(file.fsPath);
    // A setting of the workspace folder, which VS Code keeps in its .vscode/settings.json (README:
    // the one file the extension has VS Code write beside logs); outside any, the user's settings.
    const ws = vscode.workspace.getWorkspaceFolder(file);
    const settingsTarget = ws ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
    const scope: OffsetsScope = {
      read: () => {
        const inspected = vscode.workspace.getConfiguration('cmlog', file).inspect<Record<string, number>>('folderOffsets');
        return ws ? inspected?.workspaceFolderValue : inspected?.globalValue;
      },
      write: (value) => vscode.workspace.getConfiguration('cmlog', file).update('folderOffsets', value, settingsTarget),
    };
    const { key, undo } = await saveFolderOffset(scope, ws?.uri.fsPath ?? null, folder, offer.offset);
    const where = ws ? `${ws.name}/.vscode/settings.json` : 'user settings';
    const answer = await vscode.window.showInformationMessage(offsetSetMessage(key, offer.zone, where), UNDO);
    if (answer === UNDO) await undo();
  }));
}
