// Language server: wiring only. The knowledge is in rules/, the LSP shapes in features/.
import {
  createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocumentSyncKind, type InitializeResult,
} from 'vscode-languageserver/node';
import type { ParseOptions } from './model';
import { Requests, type FileInfoParams, type ServerSettings } from './protocol';
import type { LogInput, RuleSettings } from './rules';
import { LogDocuments } from './features/documents';
import { fileInfo, severityRanges } from './features/fileInfo';
import { foldingRanges } from './features/folding';
import { runSafe } from './features/runner';
import { legend, semanticTokens } from './features/semanticTokens';
import { defaults, fetchSettings } from './features/settings';
import { documentSymbols } from './features/symbols';
import { baseName, Validator } from './features/validation';

const connection = createConnection(ProposedFeatures.all);
// Anything printed goes to the Output channel, never to stdout (which may be the protocol stream).
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));

let settings: ServerSettings = defaults;
let configurationSupported = false;
const parseOptions = (): ParseOptions => ({ defaultOffset: settings.defaultOffset, offsetConvention: settings.offsetConvention });
const documents = new LogDocuments(parseOptions);
const context = (): LogInput[] => [...documents.all()].map(([uri, o]) => ({ key: uri, name: baseName(uri), log: o.log }));
const validator = new Validator(connection, documents, context, () => settings.rules as RuleSettings);
const log = (m: string) => connection.console.error(m);

connection.onInitialize((params): InitializeResult => {
  configurationSupported = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      semanticTokensProvider: { legend, full: true },
      foldingRangeProvider: true,
      documentSymbolProvider: { label: 'CMLog Lens' },
    },
    serverInfo: { name: 'CMLog Lens' },
  };
});

connection.onInitialized(async () => {
  if (configurationSupported) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cmlog' });
    settings = await fetchSettings(connection, true).catch(() => defaults);
    documents.reparseAll();
    for (const [uri] of documents.all()) validator.schedule(uri);
  }
});

connection.onDidChangeConfiguration(async () => {
  settings = await fetchSettings(connection, configurationSupported).catch(() => defaults);
  documents.reparseAll();
  for (const [uri] of documents.all()) validator.schedule(uri);
  connection.languages.semanticTokens.refresh();
});

connection.onDidOpenTextDocument((p) => {
  documents.didOpen(p);
  validator.scheduleFolder(p.textDocument.uri);
});
connection.onDidChangeTextDocument((p) => {
  if (documents.didChange(p)) validator.scheduleFolder(p.textDocument.uri);
});
connection.onDidCloseTextDocument((p) => {
  documents.didClose(p.textDocument.uri);
  validator.clear(p.textDocument.uri);
  validator.scheduleFolder(p.textDocument.uri);
});

connection.languages.semanticTokens.on((p, token) => runSafe(log, 'semanticTokens', token, { data: [] }, () => {
  const open = documents.get(p.textDocument.uri);
  return open ? semanticTokens(open.document, open.log) : { data: [] };
}));
connection.onFoldingRanges((p, token) => runSafe(log, 'foldingRanges', token, [], () => {
  const open = documents.get(p.textDocument.uri);
  return open ? foldingRanges(open.log) : [];
}));
connection.onDocumentSymbol((p, token) => runSafe(log, 'documentSymbol', token, [], () => {
  const open = documents.get(p.textDocument.uri);
  return open ? documentSymbols(open.document, open.log) : [];
}));
connection.onRequest(Requests.fileInfo, (p: FileInfoParams, token) => runSafe(log, 'fileInfo', token, null, () => {
  const open = documents.get(p.uri);
  return open ? fileInfo(open.log, settings.defaultOffset) : null;
}));
connection.onRequest(Requests.severityRanges, (p: FileInfoParams, token) => runSafe(log, 'severityRanges', token, { errors: [], warnings: [] }, () => {
  const open = documents.get(p.uri);
  return open ? severityRanges(open.log) : { errors: [], warnings: [] };
}));

connection.listen();
