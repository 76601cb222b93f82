// The table's detail pane on real findings: each problem carries the lookup link of the codes its
// record writes, as a hover over a code does, and the pane's Markdown turns that link into a button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { rules, runRules } from '../../server/src/rules';
import { offsetLabel } from '../../server/src/rules/timeText';
import { LOOKUPS_MAX, tableDetail } from '../../server/src/table/detail';
import { TableView } from '../../server/src/table/view';
import { parseMarkdown, type Inline } from '../../client/webview/markdown';

const cm = (msg: string, type = 3, time = '10:00:00.000+000') => `<![LOG[${msg}]LOG]!><time="${time}" date="1-1-2020" component="AppEnforce" context="" type="${type}" thread="1" file="">\r\n`;

function detailOf(text: string, row: number, placement: { defaultOffset?: number; byFolder?: boolean } = {}) {
  const key = 'file:///c/AppEnforce.log';
  const log = LogFile.fromText(text, { defaultOffset: placement.defaultOffset ?? null });
  const input = { key, name: 'AppEnforce.log', log };
  const { findings } = runRules(input, { logs: [input] });
  const view = new TableView([{ key, name: input.name, log: () => log, reading: () => false }]);
  return tableDetail(view, row, { findingsOf: (k) => (k === key ? findings : []), rulesOf: () => rules, related: () => null, placedByFolder: (k) => k === key && placement.byFolder === true, machineOf: () => 'PC1' })!;
}

/** The codes the pane shows a lookup button for. */
const buttons = (markdown: string): string[] => {
  const out: string[] = [];
  const walk = (xs: Inline[]) => { for (const x of xs) if (x.k === 'lookup') out.push(x.code); else if (x.k === 'strong' || x.k === 'em') walk(x.c); };
  for (const b of parseMarkdown(markdown)) {
    if (b.k === 'p' || b.k === 'h') walk(b.c);
    else if (b.k === 'ul' || b.k === 'ol') for (const it of b.items) walk(it);
  }
  return out;
};

test('a problem of a record that writes a code links to its lookup, which the pane shows as a button', () => {
  const d = detailOf(cm('Start', 1) + cm('Unmatched exit code (1603) is considered an execution failure (0x80070643).'), 1);
  assert.equal(d.problems.length, 1, JSON.stringify(d.problems));
  // The finding names the exit code (0x00000643); the record writes its HRESULT too.
  assert.match(d.problems[0].message, /0x00000643/);
  assert.deepEqual(buttons(d.problems[0].markdown), ['0x00000643', '0x80070643']);
});

test('many codes: a bounded few, each once, the finding\'s first', () => {
  const codes = Array.from({ length: 20 }, (_, i) => `0x8007${(0x100 + i).toString(16).padStart(4, '0')}`);
  const many = detailOf(cm(`Unmatched exit code (1603) is considered an execution failure. ${codes.join(' ')} ${codes[0]}`), 0);
  assert.deepEqual(buttons(many.problems[0].markdown), ['0x00000643', ...codes.slice(0, LOOKUPS_MAX - 1)]);
});

test('an offset not written or not readable is said in the words the rules use (timeText.offsetLabel)', () => {
  const text = cm('no offset', 1, '10:00:00.000') + cm('bad offset', 1, '10:00:00.000+abc');
  const log = LogFile.fromText(text);
  assert.deepEqual([0, 1].map((e) => log.offsetSource(e)), ['missing', 'unreadable']);
  const offsets = [0, 1].map((row) => detailOf(text, row).attributes.find((a) => a.name === 'offset')!.value);
  assert.deepEqual(offsets, ['no offset: UTC unknown', 'unreadable offset: UTC unknown']);
  // The same words as the rules' messages.
  assert.deepEqual(offsets, [0, 1].map((row) => offsetLabel(log, row)));
});

test('an offset placed by the settings names the one setting that placed it', () => {
  const text = cm('no offset', 1, '10:00:00.000');
  const offset = (byFolder: boolean) => detailOf(text, 0, { defaultOffset: 300, byFolder }).attributes.find((a) => a.name === 'offset')!.value;
  assert.equal(offset(false), 'none written: placed with UTC-05:00 (cmlog.defaultOffset)');
  assert.equal(offset(true), 'none written: placed with UTC-05:00 (cmlog.folderOffsets)');
});

test('a record with many problems is scanned for codes once, each problem still linking its own code and the record\'s', () => {
  const key = 'file:///c/AppEnforce.log';
  const big = `failed with 0x80070005 ${'x'.repeat(100_000)}`;
  const log = LogFile.fromText(cm(big));
  const view = new TableView([{ key, name: 'AppEnforce.log', log: () => log, reading: () => false }]);
  const finding = (n: number) => ({ ruleId: `r${n}`, severity: 'error' as const, file: key, line: 0, endLine: 0, entryIndex: 0, message: `failed with 0x${(0x80071000 + n).toString(16)}` });
  // Counts the regex runs over the record's text (the findings' own messages are short).
  const scansOf = (count: number) => {
    const findings = Array.from({ length: count }, (_, n) => finding(n));
    const exec0 = RegExp.prototype.exec;
    let runs = 0;
    RegExp.prototype.exec = function (this: RegExp, s: string) { if (s.length > 50_000) runs++; return exec0.call(this, s); };
    try {
      const d = tableDetail(view, 0, { findingsOf: () => findings, rulesOf: () => rules, related: () => null, placedByFolder: () => false, machineOf: () => 'PC1' })!;
      assert.deepEqual(d.problems.map((p) => buttons(p.markdown)), findings.map((f) => [f.message.slice(-10).toUpperCase().replace('0X', '0x'), '0x80070005']));
    } finally { RegExp.prototype.exec = exec0; }
    return runs;
  };
  const one = scansOf(1);
  assert.ok(one > 0, 'the record is scanned');
  assert.equal(scansOf(20), one);
});
