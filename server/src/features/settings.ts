// The `cmlog.*` settings the server uses, read from the client with safe defaults.
import type { Connection } from 'vscode-languageserver';
import type { ServerSettings } from '../protocol';

export const defaults: ServerSettings = { defaultOffset: null, offsetConvention: 'bias', rules: {} };

export async function fetchSettings(connection: Connection, supported: boolean): Promise<ServerSettings> {
  if (!supported) return defaults;
  const raw = (await connection.workspace.getConfiguration({ section: 'cmlog' })) as Partial<ServerSettings> | null;
  const offset = raw?.defaultOffset;
  return {
    defaultOffset: typeof offset === 'number' && Number.isFinite(offset) && Math.abs(offset) <= 9999 ? offset : null,
    offsetConvention: raw?.offsetConvention === 'utc-offset' ? 'utc-offset' : 'bias',
    rules: raw?.rules && typeof raw.rules === 'object' ? raw.rules : {},
  };
}
