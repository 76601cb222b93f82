// Drives the built language server (dist/server.js) over stdio with a real JSON-RPC client, as an
// editor would. Waits are bounded polls on the state expected, never fixed sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, ShutdownRequest, ExitNotification,
  StreamMessageReader, StreamMessageWriter, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, ConfigurationRequest,
  type Diagnostic, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export class TestClient {
  readonly diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
  readonly logs: string[] = [];
  /** Set when the server reports the end of its indexing progress. */
  indexed = false;
  private versions = new Map<string, number>();
  private exited: Promise<number | null>;

  private constructor(readonly proc: ChildProcess, readonly connection: ProtocolConnection, public settings: Record<string, unknown>) {
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  }

  static async start(settings: Record<string, unknown> = {}, opts: { folder?: string; env?: Record<string, string>; execArgv?: string[] } = {}): Promise<TestClient> {
    const proc = spawn(process.execPath, [...(opts.execArgv ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, connection, settings);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => client.diagnostics.set(p.uri, { version: p.version, diagnostics: p.diagnostics }));
    connection.onNotification('window/logMessage', (p: { message: string }) => client.logs.push(p.message));
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) => (item.section === 'cmlog' ? client.settings : null)));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', (p: { value?: { kind: string } }) => { if (p.value?.kind === 'end') client.indexed = true; });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: opts.folder ? fileUri(opts.folder) : null,
      workspaceFolders: opts.folder ? [{ uri: fileUri(opts.folder), name: 'ws' }] : null,
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
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
