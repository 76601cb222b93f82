// Timeline lenses and what their click lists: nothing to say, no lens; the nearest entry in the
// title; a busy moment listed as the nearest of each log, with a title that says it is cut; gaps
// and messages as plain text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile, type LogInput } from '../../server/src/logFile';
import { codeLenses, lensDefaults } from '../../server/src/features/codeLens';
import { relatedNearest } from '../../server/src/features/relatedNearest';
import { formatGap } from '../../server/src/explain/gap';
import { Timeline } from '../../server/src/workspace/timeline';
import { relatedItems, relatedTitle } from '../../client/src/relatedItems';
import type { RelatedAnswer } from '../../server/src/protocol';

const rec = (msg: string, time: string, type = 1, bias = '+000') =>
  `<![LOG[${msg}]LOG]!><time="${time}${bias}" date="03-04-2024" component="C" context="" type="${type}" thread="1" file="">`;
const input = (name: string, lines: string[]): LogInput => ({ key: `file:///logs/${name}`, name, log: LogFile.fromText(lines.join('\r\n')) });
const titles = (a: LogInput, logs: LogInput[]) => codeLenses(a.key, a.log, [], new Timeline(logs), lensDefaults).map((l) => [l.range.start.line, l.command?.title]);

test('a record no other log wrote near gets no lens; one that has neighbours names the nearest', () => {
  const a = input('a.log', [rec('Failed early', '10:00:00.000', 3), rec('Failed later', '10:10:00.000', 3)]);
  const b = input('b.log', [rec('far', '10:09:57.000'), rec('near', '10:10:01.500')]);
  assert.deepEqual(titles(a, [a, b]), [[1, '⇄ 2 entries in 1 other log within ±5 s · nearest +1.5 s b.log']]);
});

test('a log without offsets says so once, not on every record', () => {
  const a = input('ime.log', [rec('Failed', '10:00:00.000', 3, ''), rec('Failed again', '10:00:01.000', 3, ''), rec('warn', '10:00:02.000', 2, '')]);
  const t = titles(a, [a]);
  assert.equal(t.length, 1, JSON.stringify(t));
  assert.match(String(t[0][1]), /UTC unknown: /);
});

test('related: a busy moment lists the nearest of each log, not 100 of one chatty log', () => {
  const a = input('a.log', [rec('Failed', '10:00:00.000', 3)]);
  const chatty = input('chatty.log', Array.from({ length: 300 }, (_, k) => rec(`tick ${k}`, `10:00:0${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}0`)));
  const quiet = [input('q1.log', [rec('one', '10:00:04.000')]), input('q2.log', [rec('two', '09:59:57.000')])];
  const tl = new Timeline([a, chatty, ...quiet]);
  const r = relatedNearest(tl, a.key, 0, 5000);
  assert.equal(r.total, 302);
  assert.equal(r.logCount, 3);
  const logs = new Set(r.related.map((e) => e.key));
  assert.deepEqual([...logs].sort(), [chatty.key, ...quiet.map((q) => q.key)].sort(), 'every log has its nearest listed');
  const gaps = r.related.map((e) => Math.abs(e.deltaMs));
  assert.deepEqual(gaps, [...gaps].sort((x, y) => x - y), 'nearest first');
  assert.ok(r.related.length <= 100);
  // With room for fewer entries than logs: one per log, the nearest logs first.
  const few = relatedNearest(tl, a.key, 0, 5000, 2);
  assert.deepEqual(few.related.map((e) => e.key), [chatty.key, quiet[1].key]);
});

test('a lens over a busy moment says how many its list shows: the count it gives matches the list', () => {
  const a = input('a.log', [rec('Failed', '10:00:00.000', 3)]);
  const chatty = input('chatty.log', Array.from({ length: 300 }, (_, k) => rec(`tick ${k}`, `10:00:0${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}0`)));
  const quiet = [input('q1.log', [rec('one', '10:00:04.000')]), input('q2.log', [rec('two', '09:59:57.000')])];
  const logs = [a, chatty, ...quiet];
  const listed = relatedNearest(new Timeline(logs), a.key, 0, 5000).related.length;
  assert.equal(listed, 35, 'each of 3 logs gives at most 33');
  assert.deepEqual(titles(a, logs), [[0, `⇄ 302 entries in 3 other logs within ±5 s (${listed} nearest shown) · nearest ±0 s chatty.log`]]);
  // All listed: no note.
  assert.doesNotMatch(String(titles(a, [a, ...quiet])[0]![1]), /shown/);
});

test('the pick list: ±gap, log and message as plain text; the title says when it is cut', () => {
  const answer: RelatedAnswer = {
    locations: [
      { uri: 'file:///l/b.log', name: 'b.log', line: 4, deltaMs: 2100, message: 'Registering client $(zap) \u001b[31m' },
      { uri: 'file:///l/c.log', name: 'c\u202e.log', line: 0, deltaMs: -350, message: '' },
    ],
    unknownOffsetLogs: [], windowSeconds: 5, total: 1177, logCount: 84,
  };
  assert.deepEqual(relatedItems(answer).map((i) => [i.label, i.description, i.detail]), [
    ['+2.1 s  b.log', 'line 5', 'Registering client \\$(zap) \\x1b[31m'],
    ['-0.35 s  c\\u202e.log', 'line 1', '(empty message)'],
  ]);
  assert.equal(relatedTitle(answer), '1,177 entries in 84 other logs within ±5 s · 2 nearest shown, from 2 of 84 logs');
  assert.equal(relatedTitle({ ...answer, total: 2, logCount: 2 }), '2 entries in 2 other logs within ±5 s');
});

test('gaps are written as signed seconds', () => {
  assert.deepEqual([0, 0.2, 1.5, 350, -2100, 12_345, -60_000].map(formatGap), ['±0 s', '±0 s', '+0.002 s', '+0.35 s', '-2.1 s', '+12.3 s', '-60 s']);
});
