// Drives the built language server (dist/server.js) over stdio with a real JSON-RPC client, as an
// editor would; with `hooks`, the test entry (test/support/testServer.ts, run from source) that
// adds test requests and faults. Waits are bounded polls on the state expected, never fixed sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { TestContext } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, ShutdownRequest, ExitNotification,
  StreamMessageReader, StreamMessageWriter, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, ConfigurationRequest,
  DidChangeConfigurationNotification, RegistrationRequest,
  type Diagnostic, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');
/** The server with test hooks (the cmlog/test/stats request, injected faults), run through tsx. */
export const TEST_SERVER = path.resolve(__dirname, 'testServer.ts');

/** What the test entry adds: `faults` (e.g. 'throwing-rule', 'throwing-hover'); the stats request is always there. */
export interface TestHooks { faults?: string[] }

/** VS Code's default `files.exclude`: a real client always has some. */
export const VSCODE_FILES_EXCLUDE: Record<string, boolean> = { '**/.git': true, '**/.svn': true, '**/.hg': true, '**/CVS': true, '**/.DS_Store': true, '**/Thumbs.db': true };
/** VS Code's default `search.exclude` (it also skips what files.exclude does). */
export const VSCODE_SEARCH_EXCLUDE: Record<string, boolean> = { '**/node_modules': true, '**/bower_components': true, '**/*.code-search': true };
/** What the extension passes as `synchronize.configurationSection` (client/src/extension.ts). */
export const SYNCHRONIZED = ['cmlog', 'files.exclude', 'search.exclude'];

/**
 * Settings are served and announced as vscode-languageclient 9 does (lib/common/configuration.js):
 * `workspace/configuration` answered per item and scope; with `synchronize.configurationSection`
 * a change is announced right after `initialized`, and again for every
 * `workspace/didChangeConfiguration` registration of the server, each registration announcing
 * every later change too.
 */
export class TestClient {
  readonly diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
  readonly logs: string[] = [];
  /** Set when the server reports the end of its indexing progress. */
  indexed = false;
  /** workspace/codeLens/refresh requests received (declared with `lensRefresh`). */
  lensRefreshes = 0;
  /** Indexing progresses begun (one per index build). */
  progressBegins = 0;
  /** `cmlog.*` per workspace folder (URI), over `settings` (folder settings.json). */
  readonly folderSettings = new Map<string, Record<string, unknown>>();
  filesExclude: Record<string, boolean> = { ...VSCODE_FILES_EXCLUDE };
  searchExclude: Record<string, boolean> = { ...VSCODE_SEARCH_EXCLUDE };
  /** The sections each configuration listener announces (undefined: `settings: null`). */
  private readonly listeners: (string[] | undefined)[] = [];
  private versions = new Map<string, number>();
  private exited: Promise<number | null>;

  private constructor(readonly proc: ChildProcess, readonly connection: ProtocolConnection, public settings: Record<string, unknown>, readonly folders: string[]) {
    this.exited = new Promise((resolve) => proc.on('close', (code) => resolve(code)));
  }

  /**
   * `lensRefresh`: declare workspace.codeLens.refreshSupport. `holdProgress`: answer the server's
   * window/workDoneProgress/create (which starts its indexing) only once this settles.
   */
  static async start(settings: Record<string, unknown> = {}, opts: { folder?: string; folders?: string[]; env?: Record<string, string>; execArgv?: string[]; hooks?: TestHooks; synchronize?: string[] | null; folderSettings?: Record<string, Record<string, unknown>>; lensRefresh?: boolean; holdProgress?: Promise<unknown>; textDocument?: Record<string, unknown>; searchExclude?: Record<string, boolean>; initializationOptions?: unknown } = {}): Promise<TestClient> {
    const entry = opts.hooks ? ['--import', 'tsx', TEST_SERVER, `--faults=${(opts.hooks.faults ?? []).join(',')}`] : [SERVER];
    const proc = spawn(process.execPath, [...(opts.execArgv ?? []), ...entry, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const folders = (opts.folders ?? (opts.folder ? [opts.folder] : [])).map(fileUri);
    const client = new TestClient(proc, connection, settings, folders);
    for (const [folder, s] of Object.entries(opts.folderSettings ?? {})) client.folderSettings.set(fileUri(folder), s);
    if (opts.searchExclude) client.searchExclude = { ...client.searchExclude, ...opts.searchExclude };
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => client.diagnostics.set(p.uri, { version: p.version, diagnostics: p.diagnostics }));
    connection.onNotification('window/logMessage', (p: { message: string }) => client.logs.push(p.message));
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) => client.configuration(item.section ?? undefined, item.scopeUri ?? undefined)));
    connection.onRequest('window/workDoneProgress/create', async () => { await opts.holdProgress; return null; });
    connection.onNotification('$/progress', (p: { value?: { kind: string } }) => {
      if (p.value?.kind === 'begin') client.progressBegins++;
      if (p.value?.kind === 'end') client.indexed = true;
    });
    connection.onRequest(RegistrationRequest.type, (p) => {
      // SyncConfigurationFeature.register: listen, and announce at once when a section is given.
      for (const r of p.registrations) {
        if (r.method !== DidChangeConfigurationNotification.method) continue;
        const section = (r.registerOptions as { section?: string | string[] } | undefined)?.section;
        const sections = typeof section === 'string' ? [section] : section;
        client.listeners.push(sections);
        if (sections !== undefined) void client.announce(sections);
      }
      return null;
    });
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => { client.lensRefreshes++; return null; });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: folders[0] ?? null, initializationOptions: opts.initializationOptions,
      workspaceFolders: folders.length ? folders.map((uri, k) => ({ uri, name: `ws${k}` })) : null,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, codeLens: { refreshSupport: !!opts.lensRefresh } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, ...opts.textDocument },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    // initializeFeatures(): the static registration of `synchronize.configurationSection`.
    const sync = opts.synchronize === undefined ? SYNCHRONIZED : opts.synchronize;
    if (sync) {
      client.listeners.push(sync);
      void client.announce(sync);
    }
    return client;
  }

  /** The value of a section for a resource, as VS Code's getConfiguration(section, scope) gives it. */
  configuration(section: string | undefined, scopeUri?: string): unknown {
    const folder = scopeUri ? this.folders.find((f) => scopeUri === f || scopeUri.startsWith(f.endsWith('/') ? f : f + '/')) : undefined;
    if (section === 'cmlog') return { ...this.settings, ...(folder ? this.folderSettings.get(folder) : undefined) };
    if (section === 'files.exclude') return this.filesExclude;
    if (section === 'search.exclude') return this.searchExclude;
    return null;
  }

  /** The user changed settings: every listener announces it, as vscode-languageclient does. */
  async settingsChanged(): Promise<void> {
    for (const sections of this.listeners) await this.announce(sections);
  }

  private announce(sections: string[] | undefined): Promise<void> {
    if (sections === undefined) return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    // extractSettingsInformation: `files.exclude` becomes { files: { exclude } }.
    interface Tree { [key: string]: unknown }
    const settings: Tree = {};
    for (const key of sections) {
      const value = this.configuration(key);
      if (!value) continue;
      const parts = key.split('.');
      let at = settings;
      for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Tree;
      at[parts[parts.length - 1]] = value;
    }
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  async open(uri: string, text: string, languageId = 'cmlog'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Inserts `text` at the given end position (line, character) of the document: a live log growing. */
  async append(uri: string, line: number, character: number, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const at = { line, character };
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text }] });
    return version;
  }

  /** Waits until the diagnostics of `uri` satisfy `ok` (bounded). */
  async waitForDiagnostics(uri: string, ok: (d: Diagnostic[], version?: number) => boolean, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = this.diagnostics.get(uri);
      if (got && ok(got.diagnostics, got.version)) return got.diagnostics;
      if (Date.now() > deadline) throw new Error(`diagnostics for ${uri} not as expected within ${timeoutMs} ms: ${JSON.stringify(got)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits (bounded) until `ok()` holds. */
  async until(ok: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The process's exit code once it exits by itself (bounded wait). */
  async exitCode(timeoutMs = 10_000): Promise<number | null> {
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs))]);
    if (code === 'timeout') throw new Error(`the server did not exit within ${timeoutMs} ms`);
    this.connection.dispose();
    return code;
  }

  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    this.connection.dispose();
    if (code === 'timeout') {
      this.proc.kill('SIGKILL');
      throw new Error('server did not exit after shutdown/exit');
    }
    return code;
  }
}

export const fileUri = (p: string) => pathToFileURL(p).toString();

/**
 * A client over a fresh copy of samples/ whose workspace index waits until `release()` (the client
 * holds its answer to the server's progress request), so what happens before and after indexing is
 * certain, with no timing involved. Stopped and removed after the test.
 */
export async function startWithHeldIndex(t: TestContext, prefix: string, opts: { lensRefresh?: boolean } = {}): Promise<{ client: TestClient; ws: string; release: () => void }> {
  const ws = mkdtempSync(path.join(tmpdir(), prefix));
  t.after(() => rmSync(ws, { recursive: true, force: true }));
  cpSync(path.resolve(__dirname, '../../samples'), ws, { recursive: true });
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  const client = await TestClient.start({}, { folder: ws, holdProgress: held, ...opts });
  t.after(() => client.stop().catch(() => client.proc.kill()));
  return { client, ws, release };
}
