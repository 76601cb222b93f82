// The active log's error and warning record counts (see statusText.ts), its format and its time zone,
// in the status bar: the log of the text editor or of the table in front, or a merge's summary.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, LANGUAGE_ID, Requests, TableRequests, type FileInfo, type TableChangedParams } from '../../server/src/protocol';
import { refreshOnFileInfoChanged, refreshOnTableChanged, statusRefresh, statusSubject, subjectUris } from './statusRefresh';
import { mergeStatusText, statusText, type StatusShown } from './statusText';

/** The tables, as the item needs them: the logs of the one in front, its id, when that changes, and when a table's rows change. */
export interface ActiveTable {
  currentUris(): readonly string[] | undefined;
  currentTableId(): string | undefined;
  readonly onDidChangeCurrent: vscode.Event<void>;
  readonly onDidChangeTable: vscode.Event<TableChangedParams>;
}

export function registerStatusBar(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, tables: ActiveTable): void {
  const item = vscode.window.createStatusBarItem('cmlog.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'CMLog Lens';
  item.command = Commands.showOutput;
  context.subscriptions.push(item);
  const infoOf = async (uri: string): Promise<FileInfo | null> => {
    const c = client();
    if (!c?.isRunning()) return null; // starting: asked again shortly
    return c.sendRequest(Requests.fileInfo, { uri });
  };
  const refresher = statusRefresh<{ shown: StatusShown; offer: boolean }>({
    ask: async (subject) => {
      const uris = subjectUris(subject);
      if (uris.length === 1) {
        const info = await infoOf(uris[0]!);
        return info && { shown: statusText(info), offer: !!info.offer };
      }
      // A merge: its table sums its logs in one request (null until the table is open: asked again).
      const tableId = tables.currentTableId(), c = client();
      if (tableId === undefined || !c?.isRunning()) return null;
      const status = await c.sendRequest(TableRequests.status, { tableId });
      const shown = status && mergeStatusText(status);
      return shown ? { shown, offer: false } : null;
    },
    show: (subject, { shown, offer }) => {
      item.text = shown.text;
      item.tooltip = shown.tooltip;
      item.accessibilityInformation = { label: shown.label };
      // An offset the folder's other logs write is offered: the click takes it (never applied otherwise).
      item.command = offer ? { title: 'Use this offset for the folder', command: Commands.useFolderOffset, arguments: [subject] } : Commands.showOutput;
      item.show();
    },
    hide: () => item.hide(),
    schedule: (run, ms) => {
      const t = setTimeout(run, ms);
      return () => clearTimeout(t);
    },
  });
  const activeLog = (): string | undefined => {
    const doc = vscode.window.activeTextEditor?.document;
    return doc?.languageId === LANGUAGE_ID ? doc.uri.toString() : undefined;
  };
  // A table in front has no text editor: the item is about its log, or its merge.
  const subject = () => statusSubject(activeLog(), vscode.window.activeTextEditor ? undefined : tables.currentUris());
  const update = () => refresher.refresh(subject());
  context.subscriptions.push(
    { dispose: () => refresher.dispose() },
    vscode.window.onDidChangeActiveTextEditor(update),
    tables.onDidChangeCurrent(update),
    // A merge's logs grew (or were read further, reset, failed): its table says so, once per change.
    refreshOnTableChanged(tables.onDidChangeTable, () => ({ tableId: tables.currentTableId(), subject: subject() }), refresher),
    // A language switch (detection, or the user's pick) reopens the document under its new language.
    vscode.workspace.onDidOpenTextDocument((d) => { if (d === vscode.window.activeTextEditor?.document) update(); }),
  );
  const c = client();
  // The server's word that the active log was parsed or grew (no diagnostics event says so when nothing new is wrong); a single log's only.
  if (c) context.subscriptions.push(c.onDidChangeState(update), refreshOnFileInfoChanged(c, subject, refresher));
  update();
}
