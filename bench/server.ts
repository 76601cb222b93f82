// The language server on a folder of many small logs (issue #13, Scale): how long until the
// problems of 10,000 logs are published, and how fast the next request is answered after an append
// to one of them. Drives the server over stdio, as an editor does: the test entry
// (test/support/testServer.ts, bundled beside the bench in out/), whose cmlog/test/stats request
// gives the counts. Prints figures, never fails on them.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, DidChangeWatchedFilesNotification, FileChangeType, InitializedNotification, InitializeRequest,
  StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { fmt, median } from './util';

const LOGS = Number(process.env.BENCH_SERVER_LOGS ?? 10_000);
const SERVER = path.resolve(__dirname, 'testServer.js');
const rec = (msg: string, s: number, type = 1) =>
  `<![LOG[${msg}]LOG]!><time="10:00:${String(s % 60).padStart(2, '0')}.000+000" date="02-23-2020" component="Bench" context="" type="${type}" thread="1" file="">\r\n`;

interface Stats { validated: number; published: number; parses: number; idle: boolean }

export async function benchServer(): Promise<void> {
  const ws = mkdtempSync(path.join(tmpdir(), 'cmlog-bench-ws-'));
  const folder = path.join(ws, 'Logs');
  mkdirSync(folder);
  // Small logs in one folder; every 10th has a cut-off record (a problem to publish).
  for (let k = 0; k < LOGS; k++) writeFileSync(path.join(folder, `Log${k}.log`), rec(`log ${k} started`, k) + (k % 10 === 0 ? '<![LOG[cut off\r\n' : '') + rec(`log ${k} running`, k + 1));
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const c = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  let published = 0;
  c.onNotification('textDocument/publishDiagnostics', () => { published++; });
  c.onNotification('window/logMessage', () => undefined);
  c.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  for (const m of ['window/workDoneProgress/create', 'client/registerCapability', 'workspace/semanticTokens/refresh', 'workspace/codeLens/refresh']) c.onRequest(m, () => null);
  c.onNotification('$/progress', () => undefined);
  c.listen();
  const stats = () => c.sendRequest('cmlog/test/stats') as Promise<Stats>;
  const until = async (ok: (s: Stats) => boolean, what: string, ms = 600_000): Promise<Stats> => {
    for (const deadline = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 20))) {
      const s = await stats();
      if (ok(s)) return s;
      if (Date.now() > deadline) throw new Error(`bench: ${what} not reached: ${JSON.stringify(s)}`);
    }
  };
  try {
    const t0 = performance.now();
    const root = pathToFileURL(ws).toString();
    await c.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'bench' }], capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } } });
    await c.sendNotification(InitializedNotification.type, {});
    const first = await until((s) => s.validated >= LOGS && s.idle, 'all problems');
    const allMs = performance.now() - t0;
    console.log(`\n## Language server, ${LOGS} small logs in one folder (shared machine: figures vary)`);
    console.log(`problems of every log (start, index, validate): ${fmt(allMs / 1000, 2)} s; ${first.validated} validations, ${published} diagnostics sent (${LOGS / 10} logs have problems)`);
    // Appends to one log: the next request's answer time, and the work each append causes.
    const answers: number[] = [];
    const work: number[] = [];
    for (let k = 0; k < 10; k++) {
      const before = await stats();
      const file = path.join(folder, `Log${k * 7}.log`);
      appendFileSync(file, rec(`appended ${k}`, k));
      await c.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type: FileChangeType.Changed }] });
      const ta = performance.now();
      await c.sendRequest('cmlog/fileInfo', { uri: pathToFileURL(path.join(folder, 'Log1.log')).toString() });
      answers.push(performance.now() - ta);
      const after = await until((s) => s.validated > before.validated && s.idle, 'the append\'s validation');
      work.push(after.validated - before.validated);
    }
    console.log(`append to one log: next request answered in ${fmt(median(answers))} ms (median of 10, max ${fmt(Math.max(...answers))} ms); logs re-validated per append: ${[...new Set(work)].join(', ')}`);
  } finally {
    c.dispose();
    proc.kill();
    rmSync(ws, { recursive: true, force: true });
  }
}

// Run alone: node --import tsx bench/server.ts (BENCH_SERVER_LOGS=n for another count).
if (process.argv[1]?.endsWith(path.join('bench', 'server.ts'))) benchServer().catch((e) => { console.error(e); process.exitCode = 1; });
