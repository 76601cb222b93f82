// initialize: what the client supports, the workspace folders, the server's capabilities;
// initialized: listen for settings changes and read them (the first read starts the index).
import { SECTIONS } from '../features/settings';
import { DidChangeConfigurationNotification, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { legend } from '../features/semanticTokens';
import { RESULT_LIMIT } from '../features/symbols';
import { Notifications, type InitializationOptions } from '../protocol';
import { toPath } from '../uri';
import type { ServerContext } from './context';

export function registerLifecycle(server: ServerContext, reloadSettings: () => Promise<void>): void {
  const { connection, client, indexer, userRules, validator } = server;
  connection.onInitialize((params): InitializeResult => {
    // Untrusted unless the client says otherwise: a workspace's rules are code it brings.
    userRules.trusted = (params.initializationOptions as InitializationOptions | undefined)?.trusted === true;
    client.configurationSupported = !!params.capabilities.workspace?.configuration;
    client.lensRefreshSupported = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    const rangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
    if (typeof rangeLimit === 'number' && rangeLimit >= 0) client.foldingLimit = Math.min(rangeLimit, RESULT_LIMIT);
    const uris = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => f.uri);
    client.folders = uris.flatMap((uri) => { const path = toPath(uri); return path ? [{ path, uri }] : []; });
    indexer.building = client.folders.length > 0; // the first index build starts once the settings are read
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        semanticTokensProvider: { legend, full: true },
        foldingRangeProvider: true,
        documentSymbolProvider: { label: 'CMLog Lens' },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'CMLog Lens' },
    };
  });

  connection.onNotification(Notifications.workspaceTrusted, async () => {
    if (userRules.trusted) return;
    userRules.trusted = true;
    await userRules.load(client.folders);
    if (!indexer.building) for (const uri of indexer.validationTargets()) validator.schedule(uri);
  });

  connection.onInitialized(() => {
    if (client.configurationSupported) void connection.client.register(DidChangeConfigurationNotification.type, { section: SECTIONS });
    void reloadSettings();
  });
}
