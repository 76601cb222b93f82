// Index builds of the workspace folders, and what follows a change of the index: validation of
// the logs that read a changed one, and a code lens refresh. Files written on disk are read here
// too (only the appended bytes).
import { excludedGlobs } from '../features/settings';
import { CodeLensRefreshRequest, FileChangeType } from 'vscode-languageserver';
import { innermostFolder } from '../uri';
import { globMatcher } from '../workspace/globs';
import { ParseWorker } from '../workspace/parseWorker';
import type { Indexing, ServerContext } from './context';

export class Indexer implements Indexing {
  /**
   * The newest index build's number (a settings change starts another), and whether it is still
   * running. While it runs, changes to logs are not validated file by file (see `watch`): it
   * validates every log when done. A build that a newer one replaced holds nothing back.
   */
  private run = 0;
  building = false;
  private lensRefresh: NodeJS.Timeout | undefined;
  // Whole files are parsed on a worker thread: requests keep being answered while a folder is indexed.
  private readonly parser: ParseWorker;

  constructor(private readonly server: Omit<ServerContext, 'indexer'>) {
    this.parser = new ParseWorker(server.runtime.parseWorker ?? {}, server.log);
  }

  /** Wires the index's changes and the client's file watcher. */
  watch(): void {
    const { connection, documents, logs, validator, userRules, client, log } = this.server;
    logs.onDidChange((uris) => {
      // While an index is built, all are validated once it is done: one change per file, each
      // scheduling the logs that read it, would cost the square of the file count.
      if (!this.building) validator.scheduleDependents(uris);
      clearTimeout(this.lensRefresh);
      this.lensRefresh = setTimeout(() => this.refreshLenses(), 300);
    });
    // Live logs: the client's file watcher reports writes; only the appended bytes are read.
    connection.onDidChangeWatchedFiles(async (p) => {
      let rulesChanged = false;
      for (const change of p.changes) {
        if (userRules.isRulesFile(change.uri)) { rulesChanged = true; continue; }
        if (documents.get(change.uri) && change.type === FileChangeType.Changed) continue; // the editor sends its text
        await logs.refresh(change.uri).catch((e) => log(`refresh ${change.uri}: ${(e as Error)?.message}`));
      }
      // A folder's own rules changed: read them again and validate everything with them.
      if (rulesChanged) {
        await userRules.load(client.folders);
        if (!this.building) for (const uri of this.validationTargets()) validator.schedule(uri);
      }
    });
  }

  /** What validation looks at after a change of settings: what has diagnostics, and every log. */
  validationTargets(): Set<string> {
    const { validator, logs } = this.server;
    return new Set([...validator.known(), ...logs.all().map((l) => l.key)]);
  }

  /**
   * Reads every log under the workspace folders from disk (progress in the window), then validates
   * them (and clears what is no longer indexed). False when a newer build replaced this one.
   */
  async indexWorkspace(): Promise<boolean> {
    const { connection, client, settings, logs, validator, userRules, log } = this.server;
    const folders = client.folders.map((f) => f.path);
    await userRules.load(client.folders).catch((e) => log(`rules: ${(e as Error)?.message}`));
    if (folders.length === 0) {
      validator.setReady();
      for (const uri of this.validationTargets()) validator.schedule(uri);
      return true;
    }
    const run = ++this.run;
    this.building = true;
    try {
      const progress = await connection.window.createWorkDoneProgress().catch(() => null);
      progress?.begin('CMLog Lens: indexing logs', 0, undefined, false);
      try {
        const include = settings.window.include.length ? globMatcher(settings.window.include, folders) : undefined;
        // VS Code evaluates files.exclude and search.exclude relative to the folder: `hex` is the
        // top folder only. Each folder's own.
        const scoped = settings.scoped;
        const excludes = scoped.folders.map((f) => excludedGlobs(f.scoped).length ? globMatcher(excludedGlobs(f.scoped), [f.path]) : () => false);
        const exclude = (file: string) => { const k = innermostFolder(scoped.folders, file); return k >= 0 && excludes[k](file); };
        await logs.indexFolders(folders, {
          include, exclude, parse: (file) => settings.parseOptions(file), readLog: (file, options) => this.parser.read(file, options),
          progress: (done, total) => progress?.report(total ? Math.round((done / total) * 100) : 0, `${done}/${total} files`),
        });
        if (run === this.run) {
          for (const p of logs.problems) log(`not indexed: ${p.path}: ${p.reason}`);
          connection.console.info(`indexed ${logs.indexedCount} logs; ${this.parser.received} whole-file parses on the worker thread so far`);
        }
      } catch (e) {
        log(`indexing failed: ${(e as Error)?.stack ?? e}`);
      } finally {
        progress?.done();
      }
    } finally {
      if (run === this.run) this.building = false;
    }
    // A newer build replaced this one: it validates the whole index when done, not this partial one.
    if (run !== this.run) return false;
    validator.setReady();
    await validator.validateAll([...this.validationTargets()]);
    this.refreshLenses();
    return true;
  }

  /** Asks the client to fetch code lenses again (if it supports being asked). */
  refreshLenses(): void {
    if (this.server.client.lensRefreshSupported) this.server.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }
}
