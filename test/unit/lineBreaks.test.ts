// Lone CRs end lines, as in the editor and LSP: the model's lines, and every feature and CLI line
// built on them, must agree with the editor's own line model (vscode-languageserver-textdocument).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LogFile } from '../../server/src/logFile';
import { countLineBreaks, firstLine, withoutFinalBreak } from '../../server/src/parse/lineBreaks';
import { lineCountOf } from '../support/model';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const ccm = (msg: string, type = '1') => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="TSManager" context="" type="${type}" thread="1" file="">`;
const sms = (msg: string, sec = 0) => `${msg}  $$<SMS_CLOUD_USERSYNC><09-14-2014 10:23:${String(sec % 60).padStart(2, '0')}.123+420><thread=4321 (0x10E1)>`;

test('the line-break helpers count LF, CRLF and a lone CR as the editor does', () => {
  for (const text of ['a', 'a\nb', 'a\r\nb', 'a\rb', 'a\r\r\nb', '\r', '\n\r', 'a\r\n\rb\n', '']) {
    assert.equal(countLineBreaks(text) + 1, lineCountOf(text), JSON.stringify(text));
  }
  assert.equal(firstLine('one\rtwo\nthree'), 'one');
  assert.equal(withoutFinalBreak('x\r'), 'x');
  assert.equal(withoutFinalBreak('x\r\n'), 'x');
});

test('an MDT-style log with lone CRs and \\r\\r\\n in messages: every record on the editor\'s line', () => {
  // diskpart progress and PowerShell output inside messages, as real MDT and script logs hold them.
  const text = [
    ccm('Running diskpart\r  10 percent completed\r  100 percent completed\r\r\nDiskPart successfully formatted the volume.'),
    ccm('Failed to run the action: Format and Partition Disk', '3'),
    ccm('PowerShell output:\rline one\rline two'),
    ccm('after'),
  ].join('\r\n') + '\r\n';
  const doc = TextDocument.create('file:///smsts.log', 'cmlog', 0, text);
  for (const log of [LogFile.fromText(text), LogFile.fromBytes(Buffer.from(text, 'latin1'))]) {
    assert.equal(log.entryCount, 4);
    assert.equal(log.lineCount, doc.lineCount);
    for (let i = 0; i < log.entryCount; i++) {
      const e = log.entry(i);
      assert.equal(e.line, doc.positionAt(e.start).line, `line of entry ${i}`);
      // The record's last line: where its attribute block is.
      assert.equal(e.endLine, doc.positionAt(text.indexOf('>', text.indexOf(']LOG]!>', e.start) + 7)).line, `endLine of entry ${i}`);
    }
    assert.equal(log.entry(1).severity, 3);
    assert.equal(log.entryAtLine(doc.positionAt(text.indexOf('Failed')).line), 1);
  }
});

test('a legacy log with CR-only line ends reads as lines: 100 records are 100 entries', () => {
  const text = Array.from({ length: 100 }, (_, k) => sms(`Sync cycle ${k} completed`, k)).join('\r') + '\r';
  const log = LogFile.fromText(text);
  assert.equal(log.entryCount, 100);
  assert.equal(log.spans.count, 0);
  assert.equal(log.entry(99).line, 99);
  assert.equal(log.entry(42).message, 'Sync cycle 42 completed');
  assert.equal(log.lineCount, lineCountOf(text));
});

test('cmlog check: path:line of a finding after lone CRs is the editor\'s line', () => {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-cr-'));
  const text = [sms('Starting user delta sync\rprogress 1\rprogress 2'), sms('Failed to add user scott@contoso.com; reason UserNotFound', 5)].join('\r\n') + '\r\n';
  const file = path.join(dir, 'CloudUserSync.log');
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', dir], { encoding: 'utf8' });
  const found = JSON.parse(r.stdout).diagnostics.find((d: { code: string }) => d.code === 'user-not-found');
  assert.ok(found, r.stdout + r.stderr);
  const doc = TextDocument.create('file:///x', 'cmlog', 0, text);
  assert.equal(found.line, doc.positionAt(text.indexOf('Failed to add')).line + 1);
  const textOut = spawnSync(process.execPath, [CLI, 'check', dir], { encoding: 'utf8' }).stdout;
  assert.match(textOut, new RegExp(`CloudUserSync\\.log:${found.line}: `));
});
