// The active log's error and warning record counts (see statusText.ts), its format and its time zone, in the status bar.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, LANGUAGE_ID, Requests, type FileInfo } from '../../server/src/protocol';
import { refreshOnFileInfoChanged, statusRefresh } from './statusRefresh';
import { statusText } from './statusText';

export function registerStatusBar(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const item = vscode.window.createStatusBarItem('cmlog.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'CMLog Lens';
  item.command = Commands.showOutput;
  context.subscriptions.push(item);
  const refresher = statusRefresh<FileInfo>({
    ask: async (uri) => {
      const c = client();
      if (!c?.isRunning()) return null; // starting: asked again shortly
      return c.sendRequest(Requests.fileInfo, { uri });
    },
    show: (uri, info) => {
      const { text, tooltip, label } = statusText(info);
      item.text = text;
      item.tooltip = tooltip;
      item.accessibilityInformation = { label };
      // An offset the folder's other logs write is offered: the click takes it (never applied otherwise).
      item.command = info.offer ? { title: 'Use this offset for the folder', command: Commands.useFolderOffset, arguments: [uri] } : Commands.showOutput;
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
  const update = () => refresher.refresh(activeLog());
  context.subscriptions.push(
    { dispose: () => refresher.dispose() },
    vscode.window.onDidChangeActiveTextEditor(update),
    // A language switch (detection, or the user's pick) reopens the document under its new language.
    vscode.workspace.onDidOpenTextDocument((d) => { if (d === vscode.window.activeTextEditor?.document) update(); }),
  );
  const c = client();
  // The server's word that the active log was parsed or grew (no diagnostics event says so when nothing new is wrong).
  if (c) context.subscriptions.push(c.onDidChangeState(update), refreshOnFileInfoChanged(c, activeLog, refresher));
  update();
}
