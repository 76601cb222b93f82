// The filter a table's page keeps in its webview state (as its hidden columns), so that after a
// window reload the page shows the same narrowing at once. That state comes back from a page that
// renders untrusted log text, so it is read as untrusted: types checked, sizes bounded, and a pick
// of a machine or log that is no longer part of the table dropped. A kept regex is only text here:
// it is sent to the server as a typed one is, and runs there under its time budget. Pure, for tests.
import type { TableSource } from '../../server/src/protocol';
import { severityName, type SeverityName } from '../../server/src/severity';

/** The record severities (server/src/severity.ts, a leaf the page may bundle), most severe first as the filter bar shows them. */
export const SEVERITIES: readonly SeverityName[] = [...severityName].reverse();
export type TextMode = 'contains' | 'notContains' | 'regex';
export type PickEntry = [name: string, how: 'include' | 'exclude'];
export interface KeptTime { utc: number; shown: string }

export interface KeptFilter {
  /** The severities shown (every one: not narrowed). */
  severities: SeverityName[];
  components: PickEntry[];
  threads: PickEntry[];
  machines: PickEntry[];
  /** Logs picked, by URI. */
  logs: PickEntry[];
  from: KeptTime | null;
  to: KeptTime | null;
  contains: string[];
  notContains: string[];
  /** The filter box: its text and what it means. */
  text: string;
  mode: TextMode;
  caseSensitive: boolean;
}

/** At most this many names kept per picker, and texts (contains / not) per list. */
export const KEPT_NAMES_MAX = 200;
/** A longer name is no component or thread (components are short; kept state must not cost much). */
const NAME_MAX = 512;
/** A longer text is dropped, not cut: a cut regex would mean something else. */
export const KEPT_TEXT_MAX = 4096;
const SHOWN_MAX = 100;
const MODES: readonly TextMode[] = ['contains', 'notContains', 'regex'];

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const arrayOf = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, KEPT_NAMES_MAX) : []);

function picks(v: unknown, allowed?: ReadonlySet<string>): PickEntry[] {
  const out = new Map<string, 'include' | 'exclude'>();
  for (const e of arrayOf(v)) {
    if (!Array.isArray(e) || !isString(e[0], NAME_MAX) || (e[1] !== 'include' && e[1] !== 'exclude')) continue;
    if (allowed && !allowed.has(e[0])) continue;
    out.set(e[0], e[1]);
  }
  return [...out];
}

function time(v: unknown): KeptTime | null {
  const t = v as Partial<KeptTime> | null;
  if (typeof t !== 'object' || t === null || typeof t.utc !== 'number' || !Number.isFinite(t.utc)) return null;
  return { utc: t.utc, shown: isString(t.shown, SHOWN_MAX) ? t.shown : '' };
}

const texts = (v: unknown): string[] => [...new Set(arrayOf(v).filter((t): t is string => isString(t, KEPT_TEXT_MAX) && t !== ''))];

/**
 * The filter kept in `v` (a page state's `filter`) that still fits a table of `sources`; null when
 * nothing is kept or it is a new bar's. Also what a page saves: the same bounds both ways.
 */
export function readKeptFilter(v: unknown, sources: readonly TableSource[]): KeptFilter | null {
  if (typeof v !== 'object' || v === null) return null;
  const k = v as Record<keyof KeptFilter, unknown>;
  const sev = new Set(arrayOf(k.severities));
  const f: KeptFilter = {
    severities: Array.isArray(k.severities) ? SEVERITIES.filter((s) => sev.has(s)) : [...SEVERITIES],
    components: picks(k.components),
    threads: picks(k.threads),
    machines: picks(k.machines, new Set(sources.map((s) => s.machine))),
    logs: picks(k.logs, new Set(sources.map((s) => s.uri))),
    from: time(k.from),
    to: time(k.to),
    contains: texts(k.contains),
    notContains: texts(k.notContains),
    text: isString(k.text, KEPT_TEXT_MAX) ? k.text : '',
    mode: MODES.includes(k.mode as TextMode) ? (k.mode as TextMode) : 'contains',
    caseSensitive: k.caseSensitive === true,
  };
  return isFresh(f) ? null : f;
}

/** Whether `f` is a new filter bar's: nothing to keep. */
function isFresh(f: KeptFilter): boolean {
  return f.severities.length === SEVERITIES.length && !f.components.length && !f.threads.length && !f.machines.length && !f.logs.length &&
    f.from === null && f.to === null && !f.contains.length && !f.notContains.length && f.text === '' && f.mode === 'contains' && !f.caseSensitive;
}
