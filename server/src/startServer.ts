// Builds the language server on a connection: its state objects, then each handler module's
// registrations. The entry point (server.ts, or the tests' entry) chooses the runtime.
import type { Connection } from 'vscode-languageserver';
import { exitOnCrash } from './exitOnCrash';
import { rules as catalog, type RuleSettings } from './rules';
import { documentEncoding } from './features/documentEncoding';
import { LogDocuments } from './features/documents';
import { SettingsState } from './features/settings';
import { UserRuleSets } from './features/userRuleSets';
import { Validator } from './features/validation';
import { WorkspaceLogs } from './features/workspaceLogs';
import type { Encoding } from './model';
import { toPath } from './uri';
import { registerConfiguration } from './handlers/configuration';
import type { ClientFacts, ServerContext, ServerRuntime } from './handlers/context';
import { registerCustomRequests } from './handlers/customRequests';
import { registerDocumentSync } from './handlers/documentSync';
import { Indexer } from './handlers/indexing';
import { registerLanguageFeatures } from './handlers/languageFeatures';
import { registerLifecycle } from './handlers/lifecycle';
import { registerTableRequests } from './handlers/table';

export type { ServerRuntime } from './handlers/context';

export function startServer(connection: Connection, runtime: ServerRuntime = {}): ServerContext {
  // Anything printed goes to the Output channel, never to stdout (which may be the protocol stream).
  console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
  console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
  exitOnCrash(connection);
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));

  const log = (m: string) => connection.console.error(m);
  const client: ClientFacts = { configurationSupported: false, lensRefreshSupported: false, foldingLimit: undefined, folders: [] };
  const settings = new SettingsState((m) => connection.console.warn(m));
  // An open document's encoding is its file's: the index's reading, else the file's first bytes (read asynchronously).
  const documents = new LogDocuments((uri) => settings.parseOptions(toPath(uri)), (uri): Promise<Encoding> => documentEncoding(toPath(uri), logs.indexedEncoding(uri)));
  const logs = new WorkspaceLogs(documents);
  const userRules = new UserRuleSets(connection, runtime.rules ?? catalog);
  const validator = new Validator(connection, documents, logs, (uri) => {
    const s = settings.forPath(toPath(uri));
    return { rules: s.rules as RuleSettings, workspaceScope: settings.window.problemsScope === 'workspace' };
  }, runtime.rules ?? catalog, (uri) => userRules.catalogOf(uri));
  const base = { connection, runtime, client, settings, documents, logs, validator, userRules, log };
  const indexer = new Indexer(base);
  const server: ServerContext = { ...base, indexer };

  indexer.watch();
  registerLifecycle(server, registerConfiguration(server));
  registerDocumentSync(server);
  registerLanguageFeatures(server);
  registerCustomRequests(server);
  registerTableRequests(server);
  runtime.extend?.(server);
  connection.listen();
  return server;
}
