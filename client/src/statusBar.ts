// The active log's error and warning record counts (see statusText.ts), its format and its time zone,
// in the status bar: the log of the text editor or of the table in front, or a merge's summary.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, LANGUAGE_ID, Requests, type FileInfo } from '../../server/src/protocol';
import { refreshOnFileInfoChanged, statusRefresh, statusSubject, subjectUris } from './statusRefresh';
import { mergeStatus } from './mergeStatus';
import { statusText, type StatusShown } from './statusText';

/** The tables, as the item needs them: the logs of the one in front, their names, and when that changes. */
export interface ActiveTable {
  currentUris(): readonly string[] | undefined;
  /** A log's name as the table in front shows it, once known. */
  currentLabelOf(uri: string): string | undefined;
  readonly onDidChangeCurrent: vscode.Event<void>;
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
      // A merge: its logs named as its table names them (the file's name until the table has opened).
      const shown = await mergeStatus(subject, (u) => tables.currentLabelOf(u) ?? path.basename(vscode.Uri.parse(u).path), infoOf);
      return shown && { shown, offer: false };
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
    // A language switch (detection, or the user's pick) reopens the document under its new language.
    vscode.workspace.onDidOpenTextDocument((d) => { if (d === vscode.window.activeTextEditor?.document) update(); }),
  );
  const c = client();
  // The server's word that the active log was parsed or grew (no diagnostics event says so when nothing new is wrong).
  if (c) context.subscriptions.push(c.onDidChangeState(update), refreshOnFileInfoChanged(c, subject, refresher));
  update();
}
