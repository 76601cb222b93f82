// The table handler (handlers/table.ts) as registered by the server, in the test's own process: the
// real workspace logs, documents and settings, the connection and the validator stubbed. Tests
// count work the handler does (parses, lookups) that an LSP process would hide.
import { LogDocuments } from '../../server/src/features/documents';
import { SettingsState } from '../../server/src/features/settings';
import { WorkspaceLogs } from '../../server/src/features/workspaceLogs';
import type { ServerContext } from '../../server/src/handlers/context';
import { registerTableRequests } from '../../server/src/handlers/table';
import type { TableChangedParams } from '../../server/src/protocol';
import { toUri } from '../../server/src/uri';

/** The handler over `folder` (indexed first): its requests by method, and the notifications it sent. */
export async function tableHandler(folder: string) {
  const documents = new LogDocuments(() => ({ defaultOffset: null, offsetConvention: 'bias' }));
  const logs = new WorkspaceLogs(documents);
  await logs.indexFolders([folder], { parse: { defaultOffset: null, offsetConvention: 'bias' } });
  const handlers = new Map<string, (p: unknown, token: unknown) => unknown>();
  const sent: TableChangedParams[] = [];
  // Anything else the handler registers (shutdown, exit) is taken and ignored.
  const connection = new Proxy({}, {
    get: (_, name) => name === 'onRequest' ? (type: { method: string }, h: (p: unknown, token: unknown) => unknown) => handlers.set(type.method, h)
      : name === 'sendNotification' ? (_type: unknown, p: TableChangedParams) => { sent.push(p); return Promise.resolve(); }
        : () => undefined,
  });
  const validator = { findingsOf: () => [], rulesOf: () => [] };
  const server = {
    connection, documents, logs, settings: new SettingsState(() => undefined), validator, log: () => undefined,
    client: { configurationSupported: false, lensRefreshSupported: false, foldingLimit: undefined, folders: [{ path: folder, uri: toUri(folder) }] },
  } as unknown as ServerContext;
  const tables = registerTableRequests(server);
  const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
  const request = async <R>(method: string, p: unknown) => (await handlers.get(method)!(p, token)) as R;
  return { documents, logs, tables, sent, request };
}
