// The table's commands: open a log in the table (Open With…, the editor title, the Explorer), show
// the cursor's line in it, go back to the text editor, merge any set of logs, and the table's keys
// (forwarded to the page as `command` messages).
import { open } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../server/src/protocol';
import { noLogsMessage, tableMessage } from '../notifications';
import type { TableEditors } from './editors';
import { isLogName } from './largeLog';
import { LOG_GLOB } from '../../../server/src/parse/formats/logName';
import { recordsInSample, SAMPLE_BYTES } from './pickList';
import { MAX_MERGE_LOGS } from './mergeState';
import { runMergePick } from './mergePickList';
import { FORWARDED, TableCommands } from './commandIds';
import { folderLabel } from './folderLabel';
import { TABLE_VIEW_TYPE } from './viewTypes';

export function registerTableCommands(context: vscode.ExtensionContext, editors: TableEditors): void {
  const reg = (id: string, run: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  for (const [id, command] of Object.entries(FORWARDED)) reg(id, () => editors.command(command));

  reg(TableCommands.openTable, async (uri?: unknown) => {
    const target = uri instanceof vscode.Uri ? uri : activeLogUri();
    if (!target) return void vscode.window.showWarningMessage('CMLog Lens: open or select a log first.');
    await openInTable(target);
  });

  reg(TableCommands.showInTable, async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const uri = editor.document.uri;
    const line = editor.selection.active.line;
    const existing = editors.tableOf(uri);
    if (existing) existing.panel.reveal();
    else await openInTable(uri);
    await editors.tableOf(uri)?.session.revealLine(uri.toString(), line);
  });

  // The page knows the selected row: it opens that row's log at its line, or asks the host (openLog in editors.ts).
  reg(TableCommands.openInTextEditor, () => editors.command('openInTextEditor'));

  reg(TableCommands.openAsText, async () => {
    await editors.current()?.session.openAsText().catch((e: unknown) => vscode.window.showErrorMessage(tableMessage(`CMLog Lens could not export the rows: ${String(e)}`)));
  });

  // From the Explorer, VS Code passes the clicked item and the whole selection.
  reg(Commands.mergeLogs, async (uri?: unknown, uris?: unknown) => {
    const selection = Array.isArray(uris) && uris.length > 0 ? uris.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : uri instanceof vscode.Uri ? [uri] : [];
    const logs = selection.length > 0 ? await logsOf(selection) : await pickLogs();
    if (!logs) return;
    if (logs.length === 0) return void vscode.window.showWarningMessage(noLogsMessage(selection.map((u) => vscode.workspace.asRelativePath(u, true)).join(', ') || 'the workspace'));
    editors.openMerge(logs);
  });
}

async function openInTable(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('vscode.openWith', uri, TABLE_VIEW_TYPE);
}

/** The log in front: a text editor's, or a text tab's whose document VS Code did not hand over (over 50 MB). */
function activeLogUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/** The selected files as they are (a log need not be named *.log) and every log under the selected folders. */
async function logsOf(selection: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const out = new Map<string, vscode.Uri>();
  for (const uri of selection) {
    const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
    if (!stat) continue;
    if (stat.type & vscode.FileType.Directory) {
      for (const f of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, LOG_GLOB), undefined, MAX_MERGE_LOGS)) out.set(f.toString(), f);
    } else {
      out.set(uri.toString(), uri);
    }
    if (out.size >= MAX_MERGE_LOGS) break;
  }
  if (out.size >= MAX_MERGE_LOGS) void vscode.window.showInformationMessage(`CMLog Lens: the merge holds the first ${MAX_MERGE_LOGS} logs of the selection.`);
  return Array.from(out.values()).slice(0, MAX_MERGE_LOGS);
}

/**
 * Whether a file's start holds a record of a format (pickList's recordsInSample): only its first
 * SAMPLE_BYTES are read. A file that cannot be read is listed as a log (the merge says why).
 */
async function hasRecords(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme !== 'file') return true;
  try {
    const file = await open(uri.fsPath, 'r');
    try {
      const { buffer, bytesRead } = await file.read(new Uint8Array(SAMPLE_BYTES), 0, SAMPLE_BYTES, 0);
      return recordsInSample(buffer.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  } catch {
    return true;
  }
}

/** A log's folder as the pick list names it (folderLabel.ts), from where VS Code says it is. */
function folderLabelOf(dir: vscode.Uri): string {
  const ws = vscode.workspace.getWorkspaceFolder(dir);
  const at = ws ? { relative: path.posix.relative(ws.uri.path, dir.path), workspace: ws.name } : undefined;
  return folderLabel(at, vscode.workspace.workspaceFolders?.length ?? 0, dir.fsPath);
}

/**
 * One pick list of every log in the workspace, grouped by folder (plain-text files last); the active
 * log is picked. Shown at once, busy while the logs' starts are read (mergePickList.ts).
 */
async function pickLogs(): Promise<vscode.Uri[] | undefined> {
  const files = await vscode.workspace.findFiles(LOG_GLOB, undefined, MAX_MERGE_LOGS);
  if (files.length === 0) return [];
  const active = activeLogUri();
  const byUri = new Map(files.map((f) => [f.toString(), f]));
  const picked = await runMergePick(vscode.window.createQuickPick(), files.map((f) => {
    const dir = vscode.Uri.joinPath(f, '..');
    return { uri: f.toString(), dir: dir.toString(), folder: folderLabelOf(dir), name: path.basename(f.path) };
  }), {
    title: files.length >= MAX_MERGE_LOGS ? `CMLog: Merge Logs (the first ${MAX_MERGE_LOGS} logs)` : 'CMLog: Merge Logs',
    picked: new Set(active && isLogName(active.path) ? [active.toString()] : []),
    hasRecords: (f) => hasRecords(byUri.get(f.uri)!),
    toItem: (r): vscode.QuickPickItem => (r.kind === 'folder'
      ? { label: r.label, kind: vscode.QuickPickItemKind.Separator }
      : { label: r.label, description: r.description }),
  });
  return picked?.flatMap((u) => { const f = byUri.get(u); return f ? [f] : []; });
}
