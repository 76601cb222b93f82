// A log VS Code blocks ("very large file") or opens as a bare text tab (the extension never gets its
// document): reopen it in the table, where the server reads it from disk (`cmlog.table.openLargeLogs`);
// one the text editor shows without colours or folding: offer the table (largeLog.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { confirmationLimit, isLogName, largeLogAction } from './largeLog';
import { TABLE_VIEW_TYPE } from './viewTypes';
import { largeLogOfferMessage } from '../notifications';

/**
 * Logs not to take from the text editor again: those the user opened as text from the table, and
 * those reopened once already (a second text tab of the same log is the user's choice).
 */
const asText = new Set<string>();

export function keepAsText(uri: string): void {
  asText.add(uri);
}

export function registerLargeLogTabs(context: vscode.ExtensionContext): void {
  const check = (tabs: readonly vscode.Tab[]) => { for (const tab of tabs) void reopenIfLarge(tab); };
  context.subscriptions.push(vscode.window.tabGroups.onDidChangeTabs((e) => check(e.opened)));
  // Tabs restored with the window, opened before the extension started.
  check(vscode.window.tabGroups.all.flatMap((g) => g.tabs));
}

async function reopenIfLarge(tab: vscode.Tab): Promise<void> {
  if (!(tab.input instanceof vscode.TabInputText)) return;
  const uri = tab.input.uri;
  // No stat for other files' tabs; everything else is largeLogAction's to decide.
  if (uri.scheme !== 'file' || !isLogName(uri.path)) return;
  const key = uri.toString();
  const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
  if (!stat) return;
  const action = largeLogAction({
    fileName: uri.path, size: stat.size, userChoseText: asText.has(key),
    enabled: vscode.workspace.getConfiguration('cmlog.table', uri).get<boolean>('openLargeLogs') !== false,
    synced: vscode.workspace.textDocuments.some((d) => d.uri.toString() === key),
    confirmLimit: confirmationLimit(vscode.workspace.getConfiguration('workbench', uri).get('editorLargeFileConfirmation')),
    optimizations: vscode.workspace.getConfiguration('editor', uri).get('largeFileOptimizations') !== false,
  });
  if (action === 'none') return;
  asText.add(key); // offered or reopened once
  if (action === 'offer') {
    const open = 'Open in CMLog Table';
    const mb = Math.round(stat.size / (1024 * 1024));
    const pick = await vscode.window.showInformationMessage(largeLogOfferMessage(path.basename(uri.fsPath), mb), open);
    if (pick === open) await vscode.commands.executeCommand('vscode.openWith', uri, TABLE_VIEW_TYPE, { viewColumn: tab.group.viewColumn });
    return;
  }
  await vscode.commands.executeCommand('vscode.openWith', uri, TABLE_VIEW_TYPE, { viewColumn: tab.group.viewColumn, preview: tab.isPreview });
  // The bare text tab goes (if it is still there): the table replaces it. Looked up afresh: opening the table
  // changed the group, and closing the Tab object from before failed ("Tab close: Invalid tab not found!").
  const group = vscode.window.tabGroups.all.find((g) => g.viewColumn === tab.group.viewColumn);
  const still = group?.tabs.find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key);
  if (still) await vscode.window.tabGroups.close(still, true);
}
