// The active log's error and warning record counts (see statusText.ts), its format and its time zone, in the status bar.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, LANGUAGE_ID, Requests } from '../../server/src/protocol';
import { statusText } from './statusText';

export function registerStatusBar(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const item = vscode.window.createStatusBarItem('cmlog.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'CMLog Lens';
  item.command = Commands.showOutput;
  context.subscriptions.push(item);
  let generation = 0;

  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    const mine = ++generation;
    if (!editor || editor.document.languageId !== LANGUAGE_ID || !client()?.isRunning()) {
      item.hide();
      return;
    }
    try {
      const info = await client()!.sendRequest(Requests.fileInfo, { uri: editor.document.uri.toString() });
      if (mine !== generation) return; // a newer update is on its way
      if (!info) { item.hide(); return; }
      const { text, tooltip, label } = statusText(info);
      item.text = text;
      item.tooltip = tooltip;
      item.accessibilityInformation = { label };
      // An offset the folder's other logs write is offered: the click takes it (never applied otherwise).
      item.command = info.offer ? { title: 'Use this offset for the folder', command: Commands.useFolderOffset, arguments: [editor.document.uri.toString()] } : Commands.showOutput;
      item.show();
    } catch {
      item.hide();
    }
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.languages.onDidChangeDiagnostics(() => void update()),
  );
  void update();
}
