// A table filter (protocol TableFilter) made ready to run: column tests read the column store
// only (typed arrays, name tables), so a filter by severity, component, thread, source or time
// costs no message text; text tests read the message of the rows the columns kept.
import type { LogFile } from '../logFile';
import type { TableFilter } from '../protocol';
import { severityOfName } from '../severity';
import { userRegex, type UserRegex } from './userRegex';

/** Names to keep or leave out, matched whole and case-insensitively. */
interface NameTest { include: Set<string> | null; exclude: Set<string> }

const nameTest = (p?: { include?: string[]; exclude?: string[] }): NameTest | null => {
  const lower = (a?: string[]) => (Array.isArray(a) ? new Set(a.filter((s) => typeof s === 'string').map((s) => s.toLowerCase())) : null);
  const include = p?.include?.length ? lower(p.include) : null;
  const exclude = lower(p?.exclude) ?? new Set<string>();
  return include || exclude.size > 0 ? { include, exclude } : null;
};

/** Per log and name table, which name ids pass (kept while the table does not grow). */
class NameIds {
  private readonly cache = new Map<string[], Uint8Array>();
  constructor(private readonly test: NameTest) {}
  ok(names: string[]): Uint8Array {
    let ok = this.cache.get(names);
    if (!ok || ok.length !== names.length) {
      ok = new Uint8Array(names.length);
      for (let k = 0; k < names.length; k++) {
        const n = names[k].toLowerCase();
        ok[k] = (!this.test.include || this.test.include.has(n)) && !this.test.exclude.has(n) ? 1 : 0;
      }
      this.cache.set(names, ok);
    }
    return ok;
  }
}

export class CompiledFilter {
  /** Bit per record severity (1 << severity); 15 = all. */
  readonly severities: number;
  private readonly components: NameIds | null;
  private readonly threads: NameIds | null;
  /** Per source index: shown. Null: all. */
  private readonly sources: boolean[] | null;
  private readonly from: number;
  private readonly to: number;
  private readonly contains: string[];
  private readonly notContains: string[];
  private readonly caseSensitive: boolean;
  readonly regex: UserRegex | null = null;
  /** Why a part of the filter was refused (that part then keeps nothing out). */
  readonly error?: string;

  constructor(f: TableFilter, sourceKeys: readonly string[]) {
    const sev = Array.isArray(f?.severities) ? f.severities.map((s) => severityOfName(String(s))).filter((s) => s !== undefined) : null;
    this.severities = sev ? sev.reduce((m: number, s) => m | (1 << s), 0) : 15;
    const c = nameTest(f?.components), t = nameTest(f?.threads);
    this.components = c && new NameIds(c);
    this.threads = t && new NameIds(t);
    this.sources = Array.isArray(f?.sources) ? sourceKeys.map((k) => f.sources!.includes(k)) : null;
    this.from = typeof f?.from === 'number' ? f.from : -Infinity;
    this.to = typeof f?.to === 'number' ? f.to : Infinity;
    this.caseSensitive = f?.text?.caseSensitive === true;
    const fold = (a?: string[]) => (Array.isArray(a) ? a.filter((s) => typeof s === 'string' && s !== '').map((s) => (this.caseSensitive ? s : s.toLowerCase())) : []);
    this.contains = fold(f?.text?.contains);
    this.notContains = fold(f?.text?.notContains);
    if (typeof f?.text?.regex === 'string' && f.text.regex !== '') {
      const re = userRegex(f.text.regex, this.caseSensitive);
      if ('error' in re) this.error = re.error;
      else this.regex = re;
    }
  }

  get hasText(): boolean { return this.contains.length > 0 || this.notContains.length > 0; }
  get isEmpty(): boolean {
    return this.severities === 15 && !this.components && !this.threads && !this.sources && this.from === -Infinity && this.to === Infinity && !this.hasText && !this.regex;
  }

  /** Component names of `log` that pass (null: every one). Read once per slice, not per row. */
  componentIds(log: LogFile): Uint8Array | null { return this.components?.ok(log.table.components.names) ?? null; }
  threadIds(log: LogFile): Uint8Array | null { return this.threads?.ok(log.table.threads.names) ?? null; }
  sourceShown(source: number): boolean { return !this.sources || this.sources[source]; }
  get hasTime(): boolean { return this.from !== -Infinity || this.to !== Infinity; }

  /** The time test: UTC, or the wall clock when the UTC is unknown. */
  timeOk(log: LogFile, e: number): boolean {
    let t = log.utc(e);
    if (Number.isNaN(t)) t = log.table.wall[e];
    return t >= this.from && t <= this.to;
  }

  textOk(message: string): boolean {
    const m = this.caseSensitive ? message : message.toLowerCase();
    for (const s of this.contains) if (!m.includes(s)) return false;
    for (const s of this.notContains) if (m.includes(s)) return false;
    return true;
  }
}
