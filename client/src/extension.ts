// activate(): start the language server and register the client-side pieces. Nothing here reads
// or writes log files: the server gets the text from the editor, and the extension never saves.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, LANGUAGE_ID, Notifications, type InitializationOptions } from '../../server/src/protocol';
import { LOG_GLOB } from '../../server/src/parse/formats/logName';
import { registerCommands } from './commands';
import { registerFolderOffset } from './folderOffset';
import { quietRestarts } from './errorHandler';
import { registerLanguageDetection } from './languageDetection';
import { registerLineBackgrounds } from './lineBackgrounds';
import { registerMarkupDim } from './markupDim';
import { registerRecordWalk } from './recordWalk';
import { registerTimelineCommands } from './timeline';
import { registerStatusBar } from './statusBar';
import { registerTableCommands } from './table/commands';
import { TableEditors } from './table/editors';
import { registerLargeLogTabs } from './table/largeLogTabs';

let client: LanguageClient | undefined;

/** What the extension exports: the running language client (for tests and other extensions). */
export interface CmlogApi {
  languageClient(): LanguageClient | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<CmlogApi> {
  const output = vscode.window.createOutputChannel('CMLog Lens');
  context.subscriptions.push(output);
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID, scheme: 'file' }, { language: LANGUAGE_ID, scheme: 'untitled' }],
    // Live logs: writes to log files reach the server, which reads only the appended bytes; and the
    // folders' own rules, read again when they change.
    synchronize: {
      configurationSection: ['cmlog', 'files.exclude', 'search.exclude'],
      fileEvents: [vscode.workspace.createFileSystemWatcher(LOG_GLOB), vscode.workspace.createFileSystemWatcher('**/.cmlog/rules.json')],
    },
    // A workspace's own rules run only when the workspace is trusted.
    initializationOptions: { trusted: vscode.workspace.isTrusted } satisfies InitializationOptions,
    outputChannel: output,
    errorHandler: quietRestarts(output),
    // Hovers link a code to its lookup. Only that command may run from hover Markdown: the link is
    // built from the parsed number alone, and log text in hovers is escaped (explain/markdown.ts).
    markdown: { isTrusted: { enabledCommands: [Commands.lookupErrorCode] } },
  };
  client = new LanguageClient('cmlog', 'CMLog Lens', serverOptions, clientOptions);
  registerLanguageDetection(context);
  registerCommands(context, () => client, output);
  registerFolderOffset(context, () => client);
  registerLineBackgrounds(context, () => client);
  registerMarkupDim(context, () => client);
  registerTimelineCommands(context, () => client);
  // The table (and merges) are webviews fed by the server's table service; registered before the
  // client starts so a table restored with the window waits for the server rather than failing.
  const tables = new TableEditors(context, () => client);
  tables.register();
  registerStatusBar(context, () => client, tables);
  registerTableCommands(context, tables);
  registerLargeLogTabs(context);
  registerRecordWalk(context, () => client);
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(Notifications.workspaceTrusted)));
  await client.start();
  return { languageClient: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
