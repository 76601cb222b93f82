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

/** Files the tests themselves may write: the suite changes `cmlog.rules` in the workspace settings and restores it. */
export const TEST_WRITABLE = [/^\.vscode\/settings\.json$/];

/** Build the workspace in `dest` (removed first). */
export function buildWorkspace(dest) {
  fs.rmSync(dest, { recursive: true, force: true });
  for (const [src, rel] of WORKSPACE_PARTS) {
    if (!fs.existsSync(src)) throw new Error(`fixture source ${path.relative(REPO, src)} is missing`);
    const to = path.join(dest, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.cpSync(src, to, { recursive: true });
  }
  return dest;
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
