// activate(): start the language server and register the client-side pieces. Nothing here reads
// or writes log files: the server gets the text from the editor, and the extension never saves.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { quietRestarts } from './errorHandler';
import { registerLanguageDetection } from './languageDetection';
import { registerLineBackgrounds } from './lineBackgrounds';
import { registerStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('CMLog Lens');
  context.subscriptions.push(output);
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'cmlog' },
    outputChannel: output,
    errorHandler: quietRestarts(output),
  };
  client = new LanguageClient('cmlog', 'CMLog Lens', serverOptions, clientOptions);
  registerLanguageDetection(context);
  registerCommands(context, () => client, output);
  registerStatusBar(context, () => client);
  registerLineBackgrounds(context, () => client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
