// The fixture workspace of the end-to-end tests, built afresh for every run from real-format logs only
// (see test/e2e/workspace/README.md), and the read-only proof: a hash of every file before and after the run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './codeServer.mjs';

const MULTILINE = path.join(REPO, 'test/fixtures/corpus/ime/multiline/HealthScripts.log');

/** [source, destination relative to the workspace] */
export const WORKSPACE_PARTS = [
  [path.join(REPO, 'samples/SiteServer'), 'SiteServer'],
  [path.join(REPO, 'samples/Client'), 'Client'],
  [path.join(REPO, 'test/e2e/workspace/plain'), 'plain'],
  [MULTILINE, 'multiline/HealthScripts.log'],
  [MULTILINE, 'exported/HealthScripts.txt'],
];

/** A CMTrace log over VS Code's 50 MB sync limit, generated at setup (the table must open and scroll it). */
export const BIG_LOG = 'big/CcmExec.log';
export const BIG_LOG_BYTES = 100 * 1024 * 1024;
/** The message of its last record (unique: the check scrolls to it). */
export const BIG_LOG_LAST = 'E2E final record of the 100 MB log';
/** The folder where the live check writes a growing log of its own (created during the run). */
export const LIVE_DIR = 'live';

/**
 * Files the tests themselves may write: the suite changes `cmlog.rules` in the workspace settings and restores
 * it; the live check appends to a log it creates under live/.
 */
export const TEST_WRITABLE = [/^\.vscode\/settings\.json$/, new RegExp(`^${LIVE_DIR}/[^/]+\\.log$`)];

/** Build the workspace in `dest` (removed first). */
export function buildWorkspace(dest) {
  fs.rmSync(dest, { recursive: true, force: true });
  for (const [src, rel] of WORKSPACE_PARTS) {
    if (!fs.existsSync(src)) throw new Error(`fixture source ${path.relative(REPO, src)} is missing`);
    const to = path.join(dest, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.cpSync(src, to, { recursive: true });
  }
  writeBigLog(path.join(dest, BIG_LOG));
  return dest;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const MESSAGES = [
  (i) => `Evaluating policy assignment {6F2C${pad(i % 10000, 4)}-3B1A-4E7D-9C25-0A8F1D6E4B73} for machine`,
  (i) => `CCMEXEC: scheduled task ${i % 97} (Hardware Inventory Cycle) fired; next run in 3600 seconds`,
  (i) => `Service host thread ${i % 31} finished processing message of type CCM_Scheduler_ScheduledMessage`,
  (i) => `Failed to connect to management point CM01.CONTOSO.COM (attempt ${i % 5}). Error 0x80072ee2`,
];

/**
 * A 100 MB CMTrace log (CcmExec.log style, 10 ms apart, some warnings and errors), written in 1 MB
 * pieces so setup stays about a second; its last record says BIG_LOG_LAST.
 */
function writeBigLog(file, bytes = BIG_LOG_BYTES) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  const start = Date.UTC(2024, 0, 15, 8, 0, 0);
  const record = (i, message, type) => {
    const t = new Date(start + i * 10);
    const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)}+000`;
    const date = `${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}-${t.getUTCFullYear()}`;
    return `<![LOG[${message}]LOG]!><time="${time}" date="${date}" component="CcmExec" context="" type="${type}" thread="${2000 + (i % 7)}" file="ccmexec.cpp:${100 + (i % 400)}">\r\n`;
  };
  try {
    let written = 0;
    let i = 0;
    while (written < bytes) {
      const lines = [];
      for (let k = 0; k < 4096; k++, i++) {
        const kind = i % 4;
        lines.push(record(i, MESSAGES[kind](i), kind === 3 ? (i % 12 === 3 ? 3 : 2) : 1));
      }
      written += fs.writeSync(fd, lines.join(''));
    }
    fs.writeSync(fd, record(i, BIG_LOG_LAST, 1));
  } finally {
    fs.closeSync(fd);
  }
}

/** sha256 of every file under `dir`: Map(relative posix path -> hex). */
export function hashTree(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.set(path.relative(dir, full).split(path.sep).join('/'), crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
      else out.set(path.relative(dir, full).split(path.sep).join('/'), `(${e.isSymbolicLink() ? 'symlink' : 'special'})`);
    }
  };
  walk(dir);
  return out;
}

/** What changed between two hashTree() results, leaving out files the tests may write: ['changed: x', ...]. */
export function treeChanges(before, after, allowed = TEST_WRITABLE) {
  const ok = (rel) => allowed.some((re) => re.test(rel));
  const changes = [];
  for (const [rel, h] of before) {
    if (ok(rel)) continue;
    if (!after.has(rel)) changes.push(`deleted: ${rel}`);
    else if (after.get(rel) !== h) changes.push(`changed: ${rel}`);
  }
  for (const rel of after.keys()) if (!before.has(rel) && !ok(rel)) changes.push(`created: ${rel}`);
  return changes;
}
