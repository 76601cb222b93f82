// The settings the server uses, read from the client per workspace folder (settings declared
// "scope": "resource" in package.json may differ between folders) and validated: a value of the
// wrong type, range or enum falls back to its default, and the output says so once.
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { ParseOptions } from '../model';
import type { ServerSettings } from '../protocol';
import { isRuleLevel, ruleLevels } from '../severity';
import type { LogFile } from '../logFile';
import { innermostFolder, toPath } from '../uri';
import { placedByFolder } from './folderOffset';
import { lensDefaults } from './codeLens';
import { inlayHintDefaults } from './inlayHints';

export const defaults: ServerSettings = {
  defaultOffset: null, folderOffsets: {}, offsetConvention: 'bias', rules: {}, problemsScope: 'workspace', include: [], codeLens: lensDefaults, inlayHints: inlayHintDefaults,
};

/** The settings of one scope: the window, or a workspace folder. */
export interface Scoped { settings: ServerSettings; filesExclude: string[]; searchExclude: string[] }

/** What indexing leaves out unread in a scope: `files.exclude` and `search.exclude` (VS Code's search skips both). */
export const excludedGlobs = (s: Scoped): string[] => [...s.filesExclude, ...s.searchExclude];

/** The sections read from the client, and announced to the server when they change. */
export const SECTIONS = ['cmlog', 'files.exclude', 'search.exclude'];
/** The window's settings and each folder's (absolute paths). */
export interface Fetched { window: Scoped; folders: { path: string; uri: string; scoped: Scoped }[] }

export const fallback = (folders: readonly { path: string; uri: string }[] = []): Fetched => {
  const scoped = { settings: defaults, filesExclude: [], searchExclude: [] };
  return { window: scoped, folders: folders.map((f) => ({ ...f, scoped })) };
};

/**
 * Reads `cmlog`, `files.exclude` and `search.exclude` for the window and for each folder (`scopeUri`). Window-scoped
 * settings (problems.scope, include) are the window's in every folder. `warn` gets each problem.
 */
export async function fetchSettings(connection: Connection, supported: boolean, folders: readonly { path: string; uri: string }[], warn: (m: string) => void): Promise<Fetched> {
  if (!supported) return fallback(folders);
  const items = [undefined, ...folders.map((f) => f.uri)].flatMap((scopeUri) => SECTIONS.map((section) => ({ section, scopeUri })));
  const values = (await connection.workspace.getConfiguration(items)) as unknown[];
  // A folder that inherits the window's bad value gives the same message: said once (the caller's warn).
  const n = SECTIONS.length;
  const read = (k: number): Scoped => ({
    settings: resolveFolderOffsets(validate(values[n * k], warn), k > 0 ? folders[k - 1].path : null), filesExclude: excludes(values[n * k + 1], 'files.exclude', warn), searchExclude: excludes(values[n * k + 2], 'search.exclude', warn),
  });
  const window = read(0);
  return {
    window,
    folders: folders.map((f, k) => {
      const scoped = read(k + 1);
      return { ...f, scoped: { ...scoped, settings: { ...scoped.settings, problemsScope: window.settings.problemsScope, include: window.settings.include } } };
    }),
  };
}

/** The scope of a file: the innermost folder holding it, else the window. */
export function scopeOf(fetched: Fetched, file: string | null): Scoped {
  const k = innermostFolder(fetched.folders, file);
  return k >= 0 ? fetched.folders[k].scoped : fetched.window;
}

/** A folder as a `folderOffsets` key: resolved, and without case where the file system has none. */
export function folderKey(dir: string): string {
  const p = path.resolve(dir);
  return process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p;
}

/** `folderOffsets` keys made absolute: relative ones against the workspace folder (`base`); without one they match nothing. */
function resolveFolderOffsets(s: ServerSettings, base: string | null): ServerSettings {
  const folderOffsets: Record<string, number> = {};
  for (const [dir, offset] of Object.entries(s.folderOffsets)) {
    if (path.isAbsolute(dir)) folderOffsets[folderKey(dir)] = offset;
    else if (base !== null) folderOffsets[folderKey(path.resolve(base, dir))] = offset;
  }
  return { ...s, folderOffsets };
}

/**
 * Where the offset for a file's records without one comes from: the entry in `folderOffsets` of its
 * nearest folder that has one (a device folder's entry covers its Panther, CCM\\Logs, Temp...),
 * else `defaultOffset`. `above`: the folder whose entry it is, when above the file's own (as written
 * in the file's path: the key may be lower-cased), for the hover to name it.
 */
export function placementOf(s: ServerSettings, file: string | null): { offset: number | null; byFolder: boolean; above?: string } {
  if (file !== null) {
    const own = path.dirname(file);
    for (let dir = folderKey(own), shown = own; ; dir = path.dirname(dir), shown = path.dirname(shown)) {
      const entry = s.folderOffsets[dir];
      if (entry !== undefined) return { offset: entry, byFolder: true, ...(shown !== own ? { above: shown } : {}) };
      if (path.dirname(dir) === dir) break;
    }
  }
  return { offset: s.defaultOffset, byFolder: false };
}

/** Each `cmlog.*` value checked as package.json declares it; a bad one is reported and replaced by its default. */
export function validate(raw: unknown, warn: (m: string) => void): ServerSettings {
  const o = record(raw, 'cmlog', warn);
  const bad = (name: string, value: unknown, rule: string, dflt: unknown, dfltText = show(dflt)) =>
    warn(`cmlog.${name}: ${show(value)} ${rule}; using ${dfltText}.`);
  const oneOf = <T extends string>(name: string, value: unknown, allowed: readonly T[], dflt: T): T => {
    if (value === undefined) return dflt;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    bad(name, value, `is not one of ${allowed.join(', ')}`, dflt);
    return dflt;
  };
  const num = (name: string, value: unknown, min: number, max: number, dflt: number): number => {
    if (value === undefined) return dflt;
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
    bad(name, value, `is not a number from ${min} to ${max}`, dflt);
    return dflt;
  };
  const bool = (name: string, value: unknown, dflt: boolean): boolean => {
    if (value === undefined || typeof value === 'boolean') return value ?? dflt;
    bad(name, value, 'is not true or false', dflt);
    return dflt;
  };

  const offset = o.defaultOffset;
  const defaultOffset = offset === undefined || offset === null ? null : num('defaultOffset', offset, -9999, 9999, NaN);
  const folderOffsets: Record<string, number> = {};
  for (const [dir, v] of Object.entries(record(o.folderOffsets, 'cmlog.folderOffsets', warn))) {
    const value = num(`folderOffsets.${dir}`, v, -9999, 9999, NaN);
    if (!Number.isNaN(value)) folderOffsets[dir] = value;
  }
  const rules: Record<string, string> = {};
  for (const [id, severity] of Object.entries(record(o.rules, 'cmlog.rules', warn))) {
    if (isRuleLevel(severity)) rules[id] = severity;
    else bad(`rules.${id}`, severity, `is not one of ${ruleLevels.join(', ')}`, undefined, 'the rule\'s default severity');
  }
  const problems = record(o.problems, 'cmlog.problems', warn);
  const lens = record(o.codeLens, 'cmlog.codeLens', warn);
  const hints = record(o.inlayHints, 'cmlog.inlayHints', warn);
  let include: string[] = [];
  if (typeof o.include === 'string') include = [o.include];
  else if (Array.isArray(o.include) && o.include.every((g) => typeof g === 'string')) include = o.include;
  else if (o.include !== undefined) bad('include', o.include, 'is not a list of globs', []);
  let severities = lensDefaults.severities;
  const lensKinds = ['error', 'warning', 'information'] as const;
  if (Array.isArray(lens.severities) && lens.severities.every((x) => (lensKinds as readonly unknown[]).includes(x))) severities = lens.severities;
  else if (lens.severities !== undefined) bad('codeLens.severities', lens.severities, `is not a list of ${lensKinds.join(', ')}`, severities);
  return {
    defaultOffset: Number.isNaN(defaultOffset) ? null : defaultOffset,
    folderOffsets,
    offsetConvention: oneOf('offsetConvention', o.offsetConvention, ['bias', 'utc-offset'], 'bias'),
    rules,
    problemsScope: oneOf('problems.scope', problems.scope, ['workspace', 'openFiles'], 'workspace'),
    include,
    codeLens: {
      enabled: bool('codeLens.enabled', lens.enabled, lensDefaults.enabled),
      windowSeconds: num('codeLens.windowSeconds', lens.windowSeconds, 0.001, 86_400, lensDefaults.windowSeconds),
      severities,
      maxPerFile: num('codeLens.maxPerFile', lens.maxPerFile, 0, 100_000, lensDefaults.maxPerFile),
    },
    inlayHints: {
      enabled: bool('inlayHints.enabled', hints.enabled, inlayHintDefaults.enabled),
      component: bool('inlayHints.component', hints.component, inlayHintDefaults.component),
      thread: bool('inlayHints.thread', hints.thread, inlayHintDefaults.thread),
    },
  };
}

/** `files.exclude` or `search.exclude`: the globs set to true (`{ "when": ... }` conditions are not supported: left out). */
function excludes(raw: unknown, name: string, warn: (m: string) => void): string[] {
  return Object.entries(record(raw, name, warn)).filter(([, on]) => on === true).map(([glob]) => glob);
}

/** An object setting, or {} (reported when something else was set). */
function record(value: unknown, name: string, warn: (m: string) => void): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  warn(`${name}: ${show(value)} is not an object; using the defaults.`);
  return {};
}

/** A value as JSON (control characters escaped), cut short: settings are untrusted text. */
function show(value: unknown): string {
  let s: string;
  try { s = JSON.stringify(value) ?? String(value); } catch { s = String(value); }
  return s.length > 80 ? s.slice(0, 80) + '…' : s;
}

/**
 * The settings in force: the window's and each folder's, as last read from the client. Settings
 * problems are said once each, not at every read.
 */
export class SettingsState {
  private fetched: Fetched = fallback();
  private readonly warned = new Set<string>();

  private readonly timesListeners: (() => (() => void) | void)[] = [];

  constructor(private readonly warnOutput: (m: string) => void) {}

  /**
   * How times are read changed (defaultOffset, folderOffsets, offsetConvention): handlers/configuration.ts
   * says so. A listener may return what to do once the index has re-timed its logs (`retimeIndex`).
   */
  onDidChangeTimes(listener: () => (() => void) | void): void { this.timesListeners.push(listener); }
  timesChanged(retimeIndex: () => void = () => undefined): void {
    const after = this.timesListeners.map((l) => l());
    retimeIndex();
    for (const a of after) a?.();
  }

  get scoped(): Fetched { return this.fetched; }
  get window(): ServerSettings { return this.fetched.window.settings; }

  /** The settings that apply to a file (path): its folder's, else the window's. */
  forPath(file: string | null): ServerSettings { return scopeOf(this.fetched, file).settings; }

  /** How to read a file's times: its folder's settings. */
  parseOptions(file: string | null): ParseOptions {
    const s = this.forPath(file);
    return { defaultOffset: placementOf(s, file).offset, offsetConvention: s.offsetConvention, fileName: file === null ? null : path.basename(file) };
  }

  /** Whether `key`'s records without offset were placed by its folder's cmlog.folderOffsets entry (else cmlog.defaultOffset). */
  byFolderOf(key: string, log: LogFile): boolean {
    const file = toPath(key);
    return placedByFolder(placementOf(this.forPath(file), file), log);
  }

  /** The folder above `key`'s own whose cmlog.folderOffsets entry places it, if it is one above (placementOf). */
  entryAbove(key: string): string | undefined {
    const file = toPath(key);
    return placementOf(this.forPath(file), file).above;
  }

  /** Reads the settings again (the defaults if they cannot be read). */
  async load(connection: Connection, supported: boolean, folders: readonly { path: string; uri: string }[]): Promise<void> {
    this.fetched = await fetchSettings(connection, supported, folders, (m) => this.warn(m)).catch((e) => {
      this.warn(`settings could not be read (${(e as Error)?.message}); using the defaults`);
      return fallback(folders);
    });
  }

  private warn(m: string): void {
    if (this.warned.has(m)) return;
    this.warned.add(m);
    this.warnOutput(m);
  }
}
