// The settings the server uses, read from the client with safe defaults.
import type { Connection } from 'vscode-languageserver';
import type { ServerSettings } from '../protocol';
import { lensDefaults } from './codeLens';

export const defaults: ServerSettings = {
  defaultOffset: null, offsetConvention: 'bias', rules: {}, problemsScope: 'workspace', include: [], codeLens: lensDefaults,
};

export interface Fetched { settings: ServerSettings; filesExclude: string[] }

export async function fetchSettings(connection: Connection, supported: boolean): Promise<Fetched> {
  if (!supported) return { settings: defaults, filesExclude: [] };
  const [raw, exclude] = (await connection.workspace.getConfiguration([{ section: 'cmlog' }, { section: 'files.exclude' }])) as [Record<string, any> | null, Record<string, boolean> | null];
  const offset = raw?.defaultOffset;
  const lens = raw?.codeLens ?? {};
  const num = (v: unknown, d: number, min: number, max: number) => (typeof v === 'number' && v >= min && v <= max ? v : d);
  return {
    settings: {
      defaultOffset: typeof offset === 'number' && Number.isFinite(offset) && Math.abs(offset) <= 9999 ? offset : null,
      offsetConvention: raw?.offsetConvention === 'utc-offset' ? 'utc-offset' : 'bias',
      rules: raw?.rules && typeof raw.rules === 'object' ? raw.rules : {},
      problemsScope: raw?.problems?.scope === 'openFiles' ? 'openFiles' : 'workspace',
      include: Array.isArray(raw?.include) ? raw.include.filter((g: unknown) => typeof g === 'string') : typeof raw?.include === 'string' ? [raw.include] : [],
      codeLens: {
        enabled: lens.enabled !== false,
        windowSeconds: num(lens.windowSeconds, lensDefaults.windowSeconds, 0.001, 86_400),
        severities: Array.isArray(lens.severities) ? lens.severities.filter((x: string) => ['error', 'warning', 'information'].includes(x)) : lensDefaults.severities,
        maxPerFile: num(lens.maxPerFile, lensDefaults.maxPerFile, 0, 100_000),
      },
    },
    filesExclude: Object.entries(exclude ?? {}).filter(([, on]) => on === true).map(([glob]) => glob),
  };
}
