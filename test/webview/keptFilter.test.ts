// The filter a table's page keeps for a window reload: read back as untrusted (types, bounds), a pick
// of a log or machine no longer in the table dropped, and nothing kept when nothing narrows.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { KEPT_NAMES_MAX, KEPT_TEXT_MAX, SEVERITIES, readKeptFilter, type KeptFilter } from '../../client/webview/keptFilter';
import { severityName } from '../../server/src/severity';
import type { TableSource } from '../../server/src/protocol';

const src = (machine: string, name: string, color: number): TableSource => ({ uri: `file:///cases/${machine}/${name}`, name, machine, label: `${machine} › ${name}`, color });
const sources = [src('DEVICE1', 'IntuneManagementExtension.log', 0), src('DEVICE2', 'IntuneManagementExtension.log', 1)];

const narrowed: KeptFilter = {
  severities: ['error'],
  components: [['AgentExecutor', 'include']],
  threads: [['12', 'exclude']],
  machines: [['DEVICE2', 'include']],
  logs: [[sources[1].uri, 'include']],
  from: { utc: Date.UTC(2024, 0, 15, 8), shown: '01-15-2024 08:00:00.000' },
  to: null,
  contains: ['Win32App'],
  notContains: ['heartbeat'],
  text: '0x8007[0-9a-f]{4}',
  mode: 'regex',
  caseSensitive: true,
};

test('a narrowed filter comes back as it was kept (through JSON, as VS Code keeps a page state)', () => {
  assert.deepEqual(readKeptFilter(JSON.parse(JSON.stringify(narrowed)), sources), narrowed);
});

test('nothing is kept for a new bar, or for a state that is not a filter', () => {
  const fresh: KeptFilter = { severities: ['error', 'warning', 'information', 'success'], components: [], threads: [], machines: [], logs: [], from: null, to: null, contains: [], notContains: [], text: '', mode: 'contains', caseSensitive: false };
  assert.equal(readKeptFilter(fresh, sources), null);
  for (const v of [undefined, null, 42, 'filter', [], { severities: 'error' }]) assert.equal(readKeptFilter(v, sources), null, JSON.stringify(v));
  // The case button alone is the user's choice too.
  assert.equal(readKeptFilter({ ...fresh, caseSensitive: true }, sources)?.caseSensitive, true);
});

test('a pick of a log or machine no longer part of the table is dropped; the others stay', () => {
  const gone = 'file:///cases/DEVICE3/IntuneManagementExtension.log';
  const k = readKeptFilter({ ...narrowed, logs: [[gone, 'include'], [sources[0].uri, 'exclude']], machines: [['DEVICE3', 'include']] }, sources);
  assert.deepEqual(k?.logs, [[sources[0].uri, 'exclude']]);
  assert.deepEqual(k?.machines, []);
  // Only that log was picked: once it is gone, nothing narrows the logs (and nothing else is kept).
  assert.equal(readKeptFilter({ logs: [[gone, 'include']] }, sources), null);
});

test('what is kept is bounded and typed: wrong entries are left out, a too long text dropped (not cut)', () => {
  const many = Array.from({ length: 100_000 }, (_, i) => [`Component${i}`, 'include']);
  const k = readKeptFilter({
    ...narrowed,
    severities: ['error', 'fatal', 7],
    components: many,
    threads: [['1', 'maybe'], [2, 'include'], 'x', ['a'.repeat(100_000), 'exclude'], ['3', 'exclude']],
    from: { utc: Infinity, shown: 'x' },
    to: { utc: 5, shown: 'y'.repeat(10_000) },
    contains: ['ok', 'ok', '', 3, 'z'.repeat(KEPT_TEXT_MAX + 1)],
    text: '('.repeat(KEPT_TEXT_MAX + 1),
    mode: 'eval',
    caseSensitive: 'yes',
  }, sources)!;
  assert.deepEqual(k.severities, ['error']);
  assert.equal(k.components.length, KEPT_NAMES_MAX);
  assert.deepEqual(k.threads, [['3', 'exclude']]);
  assert.equal(k.from, null);
  assert.deepEqual(k.to, { utc: 5, shown: '' });
  assert.deepEqual(k.contains, ['ok']);
  assert.equal(k.text, '');
  assert.equal(k.mode, 'contains');
  assert.equal(k.caseSensitive, false);
});

test('the page\'s severities are the record severities of server/src/severity.ts, most severe first, written nowhere in the page again', () => {
  assert.deepEqual(SEVERITIES, ['error', 'warning', 'information', 'success']);
  assert.deepEqual([...SEVERITIES].reverse(), [...severityName]);
  // One place for the list: a page module spelling it out would drift when a severity is added.
  const dir = path.resolve(__dirname, '../../client/webview');
  const listed = /\[\s*'(?:error|warning|information|success)'\s*,\s*'(?:error|warning|information|success)'/;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) assert.doesNotMatch(readFileSync(path.join(dir, name), 'utf8'), listed, name);
});
