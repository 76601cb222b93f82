// Per-document validation: debounced, stale results dropped, one broken rule never hides the rest.
import type { Connection } from 'vscode-languageserver';
import type { Finding } from '../model';
import { runRules, type LogInput, type RuleSettings } from '../rules';
import { toDiagnostic } from './diagnostics';
import type { LogDocuments } from './documents';

const DELAY_MS = 150;

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly findings = new Map<string, Finding[]>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: LogDocuments,
    private readonly context: () => LogInput[],
    private readonly settings: () => RuleSettings,
  ) {}

  /** Findings of the last validation of `uri` (for hovers and code actions). */
  findingsOf(uri: string): Finding[] { return this.findings.get(uri) ?? []; }

  schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    const version = this.documents.get(uri)?.document.version;
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      const open = this.documents.get(uri);
      // A newer change is on its way or the document closed: this result would be stale.
      if (!open || open.document.version !== version) return;
      this.validate(uri);
    }, DELAY_MS));
  }

  /** Re-validates open documents of the same folder: `.lo_`/`.log` partners read each other. */
  scheduleFolder(uri: string): void {
    const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
    for (const [other] of this.documents.all()) if (other.startsWith(folder)) this.schedule(other);
  }

  validate(uri: string): void {
    const open = this.documents.get(uri);
    if (!open) return;
    const target: LogInput = { key: uri, name: baseName(uri), log: open.log };
    const { findings, failures } = runRules(target, { logs: this.context() }, this.settings());
    for (const f of failures) {
      const key = `${f.ruleId}: ${(f.error as Error)?.message}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.connection.console.error(`rule ${f.ruleId} failed on ${uri}: ${(f.error as Error)?.stack ?? f.error}`);
    }
    this.findings.set(uri, findings);
    void this.connection.sendDiagnostics({ uri, version: open.document.version, diagnostics: findings.map((f) => toDiagnostic(f, open.document)) });
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.findings.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

export function baseName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try { return decodeURIComponent(name); } catch { return name; }
}
