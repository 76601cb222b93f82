// A binary file named like a log is skipped and said the same way whether it is met in a folder or
// inside a zip: not a log is not an unreadable path (exit status unchanged), and SARIF carries it
// as a warning notification, so a CI user sees that it was not checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { check, type CheckOptions } from '../../server/src/cli/check';
import { exportCommand } from '../../server/src/cli/export';
import { zipBytes } from '../support/zipBytes';

const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">\r\n`;

/** Bytes no text has: control characters throughout. */
const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 9));

/** A folder BROKEN/ with a binary junk.log beside a good log, and a zip of the same: the two places a log is met. */
function brokenFolderAndZip(): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-notalog-'));
  mkdirSync(path.join(dir, 'BROKEN'));
  writeFileSync(path.join(dir, 'BROKEN', 'junk.log'), junk);
  writeFileSync(path.join(dir, 'BROKEN', 'good.log'), rec('fine'));
  const zip = path.join(dir, 'broken.zip');
  writeFileSync(zip, zipBytes([{ name: 'BROKEN/junk.log', data: junk }, { name: 'BROKEN/good.log', data: rec('fine') }]));
  return [path.join(dir, 'BROKEN'), zip];
}

async function run(target: string, format: CheckOptions['format']) {
  const out: string[] = [], err: string[] = [];
  const code = await check([target], { format, parse: {}, rules: {}, jobs: 1 }, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('a binary junk.log: the same exit status, stderr note and SARIF warning in a folder and in a zip', async () => {
  for (const target of brokenFolderAndZip()) {
    const text = await run(target, 'text');
    assert.equal(text.code, 0, `${target}: ${text.err}`);
    assert.match(text.err, /junk\.log: binary file, not a log: skipped/);
    const json = JSON.parse((await run(target, 'json')).out);
    assert.equal(json.skipped.length, 1, target);
    assert.match(json.skipped[0].path, /junk\.log$/);
    const sarif = await run(target, 'sarif');
    assert.equal(sarif.code, 0, target);
    const [inv] = JSON.parse(sarif.out).runs[0].invocations;
    assert.equal(inv.executionSuccessful, true, target);
    assert.deepEqual(inv.toolExecutionNotifications.map((n: { level: string; message: { text: string } }) => [n.level, /junk\.log: binary file, not a log/.test(n.message.text)]),
      [['warning', true]], target);
  }
});

test('export: a binary junk.log is a note in a folder and in a zip alike, and the rest is exported', async () => {
  for (const target of brokenFolderAndZip()) {
    const chunks: string[] = [], err: string[] = [];
    const stream = new Writable({ write(c, _e, done) { chunks.push(String(c)); done(); } });
    const code = await exportCommand.run([target], { out: () => {}, err: (s) => err.push(s), stream });
    assert.equal(code, 0, `${target}: ${err.join('\n')}`);
    assert.match(err.join('\n'), /junk\.log: binary file, not a log: skipped/, target);
    const rows = chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    assert.ok(rows.some((r) => r.body === 'fine'), target);
  }
});
