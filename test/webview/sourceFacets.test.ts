// A merge's Machines and Logs facets: counts per machine (its logs added up) and per log, and the
// logs a pick lets through (the filter's `sources`, checked per log, not per row).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logFacets, machineFacets, pickedScope, shownSources, sourcesKey, type Pick } from '../../client/webview/sourceFacets';
import type { TableSource } from '../../server/src/protocol';

const src = (machine: string, name: string, color: number): TableSource => ({ uri: `file:///cases/${machine}/${name}`, name, machine, label: `${machine} › ${name}`, color });
const sources = [src('DEVICE1', 'IntuneManagementExtension.log', 0), src('DEVICE2', 'IntuneManagementExtension.log', 1), src('DEVICE1', 'AgentExecutor.log', 2)];
const counts = [100, 250, 30];

test('machines count their logs\' entries together; logs are named as the table shows them, picked by URI', () => {
  assert.deepEqual(machineFacets(sources, counts), [{ name: 'DEVICE2', count: 250 }, { name: 'DEVICE1', count: 130 }]);
  assert.deepEqual(logFacets(sources, counts).map((f) => [f.name, f.key, f.count]), [
    ['DEVICE2 › IntuneManagementExtension.log', sources[1].uri, 250],
    ['DEVICE1 › IntuneManagementExtension.log', sources[0].uri, 100],
    ['DEVICE1 › AgentExecutor.log', sources[2].uri, 30],
  ]);
});

test('a machine or log picked (only / hide) gives the sources shown; nothing picked restricts nothing', () => {
  const none: Pick = new Map();
  assert.equal(shownSources(sources, none, none), undefined);
  assert.deepEqual(shownSources(sources, new Map([['DEVICE1', 'include']]), none), [sources[0].uri, sources[2].uri]);
  assert.deepEqual(shownSources(sources, new Map([['DEVICE1', 'exclude']]), none), [sources[1].uri]);
  assert.deepEqual(shownSources(sources, new Map([['DEVICE1', 'include']]), new Map([[sources[2].uri, 'exclude']])), [sources[0].uri]);
  assert.deepEqual(shownSources(sources, none, new Map([[sources[1].uri, 'include']])), [sources[1].uri]);
});

test('the facets follow the logs picked: asked again only when they change, and said where they come from', () => {
  assert.notEqual(sourcesKey([]), sourcesKey(undefined), 'every log hidden is not every log shown');
  assert.equal(sourcesKey([sources[0].uri]), sourcesKey([sources[0].uri]));
  assert.notEqual(sourcesKey([sources[0].uri]), sourcesKey([sources[0].uri, sources[1].uri]));
  assert.deepEqual([undefined, 0, 1, 2].map(pickedScope), ['', 'no log picked', 'in the log picked', 'in the 2 logs picked']);
});

/** A pick that counts the values read from it, however they are read. */
class CountedPick extends Map<string, 'include' | 'exclude'> {
  read = 0;
  override *values(): MapIterator<'include' | 'exclude'> { for (const v of super.values()) { this.read++; yield v; } }
  override *entries(): MapIterator<[string, 'include' | 'exclude']> { for (const e of super.entries()) { this.read++; yield e; } }
  override [Symbol.iterator](): MapIterator<[string, 'include' | 'exclude']> { return this.entries(); }
  override forEach(f: (v: 'include' | 'exclude', k: string, m: Map<string, 'include' | 'exclude'>) => void): void { for (const [k, v] of this.entries()) f(v, k, this); }
}

test('a pick is scanned for "any include?" once per call, not once per source', () => {
  const many = Array.from({ length: 500 }, (_, i) => src(`DEVICE${i}`, 'CcmExec.log', i));
  const machines = new CountedPick(many.slice(0, 100).map((s) => [s.machine, 'exclude'] as const));
  const logs = new CountedPick([[many[499]!.uri, 'exclude']]);
  const shown = shownSources(many, machines, logs)!;
  assert.equal(shown.length, 399);
  assert.ok(machines.read <= machines.size, `${machines.read} values read from a pick of ${machines.size}`);
  assert.ok(logs.read <= logs.size, `${logs.read} values read from a pick of ${logs.size}`);
});
