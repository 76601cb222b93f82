// The active log's error and warning counts, its format and its time zone, in the status bar.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { formatName } from '../../server/src/parse/formats';
import { Commands, LANGUAGE_ID, Requests } from '../../server/src/protocol';

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
      item.text = `$(error) ${info.errors} $(warning) ${info.warnings} · ${formatName(info.format)} · ${info.timeZone}`;
      item.tooltip = `CMLog Lens: ${info.entries} records, ${info.encoding}\nTime zone: ${info.timeZone}${info.about ? `\n${info.about}` : ''}`;
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
