// Validation of every known log: open documents and (with `cmlog.problems.scope` = workspace) the
// logs indexed from disk. Changes are validated in batches: one list of every log (the rules'
// context) per batch, one file at a time with a yield between files so requests are answered
// meanwhile. A change re-validates only the logs that read the changed one (the rules' `reads`),
// never its whole folder. One broken rule never hides the rest of a file's problems.
import { createHash } from 'node:crypto';
import type { Connection } from 'vscode-languageserver';
import type { Finding } from '../model';
import { readersOf, rules as defaultCatalog, runRules, type LogInput, type Rule, type RuleSettings } from '../rules';
import { toDiagnostic } from './diagnostics';
import type { LogDocuments } from './documents';
import { capFindings } from './findingCap';
import type { WorkspaceLogs } from './workspaceLogs';
import { baseName } from '../uri';
import { Notifications } from '../protocol';

/** A burst of changes (keystrokes, appends) is validated once this long after the last... */
const DELAY_MS = 150;
/** ...but never later than this after the first: a log growing without a pause still gets problems. */
const MAX_DELAY_MS = 1000;
/** More changed logs than this at once: every log is re-validated (cheaper than matching each pair). */
const MANY_CHANGES = 32;

export class Validator {
  private readonly findings = new Map<string, Finding[]>();
  /** The rules each log's findings came from (its folder's user rules too): what explains them. */
  private readonly catalogs = new Map<string, readonly Rule[]>();
  /** A digest of the diagnostics last published per URI: unchanged ones are not sent again. */
  private readonly published = new Map<string, string>();
  private readonly reported = new Set<string>();
  /** Until the workspace index is built, validation waits: a `.lo_` judged without its `.log` would tell a wrong story. */
  private ready = false;
  private readonly deferred = new Set<string>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private firstPending = 0;
  private running: Promise<void> | null = null;
  /** Work done, for tests (the server's test hook) and logs: files validated, diagnostics sent. */
  readonly stats = { validated: 0, published: 0 };

  constructor(
    private readonly connection: Connection,
    private readonly documents: LogDocuments,
    private readonly logs: WorkspaceLogs,
    /** The settings of a log (its folder's rules). */
    private readonly settings: (uri: string) => { rules: RuleSettings; workspaceScope: boolean },
    private readonly catalog: readonly Rule[] = defaultCatalog,
    /** The rules of one log (the catalog and its folder's own rules); default: the catalog. */
    private readonly catalogOf: (uri: string) => readonly Rule[] = () => catalog,
  ) {}

  /** Findings of the last validation of `uri` (for hovers, code actions and lenses). */
  findingsOf(uri: string): Finding[] { return this.findings.get(uri) ?? []; }

  /** The rules the findings of `uri` came from (hovers, actions, lenses and the table explain them with these). */
  rulesOf(uri: string): readonly Rule[] { return this.catalogs.get(uri) ?? this.catalog; }

  /** Whether `uri` gets diagnostics: open, or indexed with the workspace scope. */
  covers(uri: string): boolean {
    return !!this.documents.get(uri) || (this.settings(uri).workspaceScope && this.logs.isIndexed(uri));
  }

  /** The index is built: validate what waited. */
  setReady(): void {
    this.ready = true;
    for (const uri of this.deferred) this.schedule(uri);
    this.deferred.clear();
  }

  schedule(uri: string): void {
    if (!this.ready) {
      this.deferred.add(uri);
      return;
    }
    const now = Date.now();
    if (this.pending.size === 0) this.firstPending = now;
    this.pending.add(uri);
    if (this.running) return; // the running batch takes what is pending when done
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(DELAY_MS, this.firstPending + MAX_DELAY_MS - now));
    this.timer = setTimeout(() => { this.timer = undefined; void this.drain(); }, wait);
  }

  /**
   * Re-validates `uris` and the logs that read them (rotated partners, the logs a cross-file rule
   * quotes): see the rules' `reads`. URIs of logs that are gone still name their readers.
   */
  scheduleDependents(uris: readonly string[]): void {
    for (const uri of uris) this.schedule(uri);
    const all = this.logs.all();
    if (uris.length > MANY_CHANGES) {
      for (const l of all) this.schedule(l.key);
      return;
    }
    // By name only: reading a changed document's model here would parse it on every keystroke.
    const changed = uris.map((uri) => ({ key: uri, name: baseName(uri) }));
    for (const l of readersOf(changed, all, this.catalog)) this.schedule(l.key);
  }

  /** Validates one log now against `context` (every log; built once per batch). */
  validate(uri: string, context: readonly LogInput[] = this.logs.all()): void {
    if (!this.covers(uri)) {
      if (this.findings.has(uri) || this.published.has(uri)) this.clear(uri);
      return;
    }
    const target = this.logs.get(uri);
    if (!target) return this.clear(uri);
    this.stats.validated++;
    const { rules } = this.settings(uri);
    const catalog = this.catalogOf(uri);
    const { findings: all, failures } = runRules(target, { logs: context }, rules, catalog);
    for (const f of failures) {
      const key = `${f.ruleId}: ${(f.error as Error)?.message}`;
      if (this.reported.has(key)) continue; // logged once, not once per file and keystroke
      this.reported.add(key);
      this.connection.console.error(`rule ${f.ruleId} failed on ${uri}: ${(f.error as Error)?.stack ?? f.error}`);
    }
    // Hovers and lenses see the findings shown; the summaries only say how many more there are.
    const { shown, summaries } = capFindings(all);
    this.findings.set(uri, shown);
    this.catalogs.set(uri, catalog);
    const open = this.documents.get(uri);
    const diagnostics = shown.map((f) => toDiagnostic(f, open?.document));
    for (const f of summaries) diagnostics.push(toDiagnostic(f, open?.document));
    this.publish(uri, diagnostics, open?.document.version);
    // The status bar's counts change with records that add no problem (no diagnostics are sent
    // then): tell the client, for the logs it has open only, once per validation of the log.
    if (open) void this.connection.sendNotification(Notifications.fileInfoChanged, { uri });
  }

  clear(uri: string): void {
    this.pending.delete(uri);
    this.findings.delete(uri);
    this.catalogs.delete(uri);
    this.publish(uri, []);
  }

  /** Sends diagnostics unless they are the ones last sent (an append that adds no problem sends nothing). */
  private publish(uri: string, diagnostics: ReturnType<typeof toDiagnostic>[], version?: number): void {
    const digest = diagnostics.length === 0 ? '' : createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64');
    if ((this.published.get(uri) ?? '') === digest) return;
    if (digest) this.published.set(uri, digest);
    else this.published.delete(uri);
    this.stats.published++;
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** Validates a batch now (e.g. a fresh index), yielding between files; resolves when all is done. */
  async validateAll(uris: string[]): Promise<void> {
    for (const uri of uris) this.pending.add(uri);
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.drain();
  }

  /** Validates what is pending, batch after batch, until nothing is; one run at a time. */
  private drain(): Promise<void> {
    this.running ??= (async () => {
      try {
        while (this.pending.size > 0) {
          const batch = [...this.pending];
          this.pending.clear();
          const context = this.logs.all();
          for (const uri of batch) {
            // Changed again meanwhile: the next batch validates it with the newer context.
            if (!this.pending.has(uri)) this.validate(uri, context);
            await new Promise((r) => setImmediate(r));
          }
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Nothing pending or running. */
  get idle(): boolean { return this.pending.size === 0 && !this.running && this.deferred.size === 0; }

  known(): string[] { return [...this.findings.keys()]; }
}
