// The "CMLog Table" editors: the custom editor `cmlog.table` on one log, and a webview panel for a
// merge of several logs (a merge has no single file to be the editor's resource). Both are the same
// page (html.ts) driven by a TableSession. Read-only: nothing here writes to a log.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { Commands, TableNotifications, type TableChangedParams } from '../../../server/src/protocol';
import { pickListText } from '../../../server/src/explain/plainText';
import { tableMessage } from '../notifications';
import { makeNonce, tableHtml } from './html';
import type { WebviewOptions } from './messages';
import { keepAsText } from './largeLogTabs';
import { TableSession, type TableCommand, type TableServer } from './session';
import { MERGE_VIEW_TYPE, TABLE_VIEW_TYPE } from './viewTypes';
import { userSetting } from './userSetting';
import { mergeTitle, savedMergeUris, stillFiles } from './mergeState';
import { textEditorOpen } from './textEditorOpen';
import { changeOnly } from './currentChange';


interface OpenTable { session: TableSession; panel: vscode.WebviewPanel }

export class TableEditors implements vscode.CustomReadonlyEditorProvider {
  private readonly open = new Set<OpenTable>();
  private active: OpenTable | undefined;
  private wasRunning = false;
  private readonly currentChanged = new vscode.EventEmitter<void>();
  /** The table in front changed (another one, or none), or its table opened (its logs' names known): the status bar follows it. */
  readonly onDidChangeCurrent = this.currentChanged.event;
  // The key is the server's table once open: a reopened table (server restart) names its logs anew.
  private readonly tableChanged = new vscode.EventEmitter<TableChangedParams>();
  /** The server's word that a table's rows changed (any open table's: compare its id with `currentTableId`). */
  readonly onDidChangeTable = this.tableChanged.event;
  private readonly noteCurrent = changeOnly(() => { const t = this.current(); return t && (t.session.tableId ?? t); }, () => this.currentChanged.fire());

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: () => LanguageClient | undefined) {}

  register(): void {
    const c = this.client();
    this.context.subscriptions.push(
      this.currentChanged,
      this.tableChanged,
      vscode.window.registerCustomEditorProvider(TABLE_VIEW_TYPE, this, {
        // The page keeps its filter, scroll and selection while hidden (it holds only the visible rows).
        webviewOptions: { retainContextWhenHidden: true },
        supportsMultipleEditorsPerDocument: true,
      }),
    );
    // A merge tab comes back after a window reload, over the logs its page saved (checked: untrusted).
    this.context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(MERGE_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => this.restoreMerge(panel, state),
    }));
    if (!c) return;
    this.context.subscriptions.push(
      c.onNotification(TableNotifications.changed, (change) => {
        for (const t of this.open) t.session.changed(change);
        this.tableChanged.fire(change);
      }),
      // A restarted server has lost every table: open ours again.
      c.onDidChangeState(({ newState }) => {
        if (newState !== State.Running) return;
        if (this.wasRunning) for (const t of this.open) void t.session.reopen()?.then(() => this.noteCurrent());
        this.wasRunning = true;
      }),
    );
  }

  // A log's table needs no document model: the server reads the file.
  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    this.attach([document.uri], panel, path.basename(document.uri.path));
  }

  /** A merge of several logs, or one log, in a new panel. */
  openMerge(uris: readonly vscode.Uri[]): OpenTable {
    const title = mergeTitle(uris.map((u) => path.basename(u.path)));
    const panel = vscode.window.createWebviewPanel(MERGE_VIEW_TYPE, title, vscode.ViewColumn.Active, { retainContextWhenHidden: true });
    return this.attach(uris, panel, title);
  }

  /** A merge panel VS Code restored: its saved logs that are still files, else the tab goes. */
  private async restoreMerge(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const uris = await stillFiles(savedMergeUris(state).map((u) => vscode.Uri.parse(u, true)),
      (uri) => Promise.resolve(vscode.workspace.fs.stat(uri)).then((st) => (st.type & vscode.FileType.File) !== 0, () => false));
    if (uris.length === 0) return panel.dispose();
    panel.title = mergeTitle(uris.map((u) => path.basename(u.path)));
    this.attach(uris, panel, panel.title);
  }

  /** The table in front (the target of the table's commands and keys). */
  current(): OpenTable | undefined {
    return this.active?.panel.active ? this.active : undefined;
  }

  /** The server's id of the table in front, once open. */
  currentTableId(): string | undefined {
    return this.current()?.session.tableId;
  }

  /** The logs of the table in front (one, or a merge's). */
  currentUris(): readonly string[] | undefined {
    return this.current()?.session.uris;
  }

  /** An open table of exactly this one log. */
  tableOf(uri: vscode.Uri): OpenTable | undefined {
    const key = uri.toString();
    for (const t of this.open) if (t.session.uris.length === 1 && t.session.uris[0] === key) return t;
    return undefined;
  }

  command(command: TableCommand): void {
    this.current()?.session.command(command);
  }

  private attach(uris: readonly vscode.Uri[], panel: vscode.WebviewPanel, title: string): OpenTable {
    const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [dist] };
    const session = new TableSession(uris.map((u) => u.toString()), () => this.server(), {
      post: (m) => void webview.postMessage(m),
      options: () => webviewOptions(),
      openInEditor: (uri, line) => void openInEditor(vscode.Uri.parse(uri), line),
      openLog: (logs) => void openLog(logs),
      clipboard: (text) => void vscode.env.clipboard.writeText(text).then(() => vscode.window.setStatusBarMessage('CMLog Lens: copied to the clipboard', 3000)),
      openAsText: (text, cut) => void openAsText(title, text, cut),
      lookup: (code) => void vscode.commands.executeCommand(Commands.lookupErrorCode, code),
      useFolderOffset: (uri) => void vscode.commands.executeCommand(Commands.useFolderOffset, uri),
      notify: (level, message) => notify(level, message),
    });
    const entry: OpenTable = { session, panel };
    this.open.add(entry);
    if (panel.active) { this.active = entry; this.noteCurrent(); }
    webview.html = tableHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
      title,
      nonce: makeNonce(),
    });
    let wasVisible = panel.visible;
    const subs = [
      webview.onDidReceiveMessage((m) => void session.receive(m)),
      panel.onDidChangeViewState(() => {
        if (panel.active) this.active = entry;
        this.noteCurrent();
        if (panel.visible && !wasVisible) session.shown();
        wasVisible = panel.visible;
      }),
    ];
    panel.onDidDispose(() => {
      for (const s of subs) s.dispose();
      this.open.delete(entry);
      if (this.active === entry) this.active = undefined;
      this.noteCurrent();
      session.dispose();
    });
    void session.open().then(() => this.noteCurrent());
    return entry;
  }

  /** The running client; waits (bounded) while it starts or restarts. */
  private async server(): Promise<TableServer> {
    const c = this.client();
    if (!c) throw new Error('the CMLog Lens server is not running');
    if (!c.isRunning()) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => { sub.dispose(); reject(new Error('the CMLog Lens server did not start')); }, 60_000);
        const sub = c.onDidChangeState(({ newState }) => {
          if (newState !== State.Running) return;
          clearTimeout(timer);
          sub.dispose();
          resolve();
        });
      });
    }
    return c;
  }
}

function webviewOptions(): WebviewOptions {
  const config = vscode.workspace.getConfiguration('cmlog.table');
  return { utcColumn: userSetting(config.inspect<boolean>('utcColumn')), follow: config.get<boolean>('follow') !== false };
}

/** A log in the text editor, at a line (or its top); also over 50 MB, where VS Code opens it bare (textEditorOpen.ts). */
async function openInEditor(uri: vscode.Uri, line?: number): Promise<void> {
  keepAsText(uri.toString());
  const at = line === undefined ? undefined : new vscode.Position(line, 0);
  await vscode.commands.executeCommand(...textEditorOpen(uri, at && new vscode.Range(at, at)));
}

/** A log of the table in the text editor, at its top: in a merge, the one the user picks. */
async function openLog(uris: readonly string[]): Promise<void> {
  const logs = uris.map((u) => vscode.Uri.parse(u));
  const pick = logs.length === 1 ? logs[0] : (await vscode.window.showQuickPick(
    logs.map((u) => ({ label: pickListText(path.basename(u.path)), description: pickListText(vscode.workspace.asRelativePath(u, true)), uri: u })),
    { title: 'CMLog: Open which log in the text editor? (select a row to open its log at its line)' },
  ))?.uri;
  if (pick) await openInEditor(pick);
}

/**
 * The rows as an untitled document (never saved by the extension; the server bounds its size), in
 * VS Code's Log language: its lines (UTC, log, time as written, ...) are no log format the server
 * reads, so as a ConfigMgr log it said "plain text · no records" and opened an empty table.
 */
async function openAsText(title: string, text: string, cut: boolean): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'log', content: text });
  await vscode.window.showTextDocument(doc, { preview: false });
  if (cut) notify('info', `CMLog Lens: "${title}" has more rows than a text document should hold: the text holds the first of them.`);
}

/** Page and server text is untrusted: it goes through notificationText (no live command links). */
function notify(level: 'info' | 'warning' | 'error', message: string): void {
  const text = tableMessage(message);
  if (level === 'error') void vscode.window.showErrorMessage(text);
  else if (level === 'warning') void vscode.window.showWarningMessage(text);
  else void vscode.window.showInformationMessage(text);
}
