// Validation of every known log: open documents and (with `cmlog.problems.scope` = workspace) the
// logs indexed from disk. Debounced per URI, stale results dropped, one broken rule never hides
// the rest of a file's problems.
import type { Connection } from 'vscode-languageserver';
import type { Finding } from '../model';
import { rules as defaultCatalog, runRules, type Rule, type RuleSettings } from '../rules';
import { toDiagnostic } from './diagnostics';
import type { LogDocuments } from './documents';
import type { WorkspaceLogs } from './workspaceLogs';

const DELAY_MS = 150;

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly findings = new Map<string, Finding[]>();
  private readonly reported = new Set<string>();
  /** Until the workspace index is built, validation waits: a `.lo_` judged without its `.log` would tell a wrong story. */
  private ready = false;
  private readonly deferred = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: LogDocuments,
    private readonly logs: WorkspaceLogs,
    /** The settings of a log (its folder's rules). */
    private readonly settings: (uri: string) => { rules: RuleSettings; workspaceScope: boolean },
    private readonly catalog: readonly Rule[] = defaultCatalog,
  ) {}

  /** Findings of the last validation of `uri` (for hovers, code actions and lenses). */
  findingsOf(uri: string): Finding[] { return this.findings.get(uri) ?? []; }

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
    clearTimeout(this.timers.get(uri));
    const version = this.documents.get(uri)?.document.version;
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      // A newer change is on its way: this result would be stale.
      if (this.documents.get(uri)?.document.version !== version) return;
      this.validate(uri);
    }, DELAY_MS));
  }

  /**
   * Re-validates the logs of the folders (and below) of `uris`: `.lo_`/`.log` partners and client
   * logs read each other. One pass over the logs for any number of changes.
   */
  scheduleFolders(uris: readonly string[]): void {
    const folders = new Set(uris.map((uri) => uri.slice(0, uri.lastIndexOf('/') + 1)));
    for (const uri of uris) this.schedule(uri);
    for (const { key } of this.logs.all()) {
      // The folder of the key, then each one above it.
      for (let slash = key.lastIndexOf('/'); slash >= 0; slash = key.lastIndexOf('/', slash - 1)) {
        if (folders.has(key.slice(0, slash + 1))) {
          this.schedule(key);
          break;
        }
      }
    }
  }

  validate(uri: string): void {
    if (!this.covers(uri)) {
      if (this.findings.has(uri)) this.clear(uri);
      return;
    }
    const target = this.logs.get(uri);
    if (!target) return this.clear(uri);
    const { rules } = this.settings(uri);
    const { findings, failures } = runRules(target, { logs: this.logs.all() }, rules, this.catalog);
    for (const f of failures) {
      const key = `${f.ruleId}: ${(f.error as Error)?.message}`;
      if (this.reported.has(key)) continue; // logged once, not once per file and keystroke
      this.reported.add(key);
      this.connection.console.error(`rule ${f.ruleId} failed on ${uri}: ${(f.error as Error)?.stack ?? f.error}`);
    }
    this.findings.set(uri, findings);
    const open = this.documents.get(uri);
    void this.connection.sendDiagnostics({ uri, version: open?.document.version, diagnostics: findings.map((f) => toDiagnostic(f, open?.document)) });
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.findings.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Validates a batch, yielding between files so requests are answered meanwhile. */
  async validateAll(uris: string[]): Promise<void> {
    for (const uri of uris) {
      this.validate(uri);
      await new Promise((r) => setImmediate(r));
    }
  }

  known(): string[] { return [...this.findings.keys()]; }
}

export function baseName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try { return decodeURIComponent(name); } catch { return name; }
}
