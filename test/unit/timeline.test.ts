// The UTC timeline: logs from machines in different time zones line up by their offsets, logs
// without one say so, and the index stays right as logs grow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { Severity, type ParseOptions } from '../../server/src/model';
import type { LogInput } from '../../server/src/rules/types';
import { readLog } from '../../server/src/workspace/readLog';
import { sortRuns, Timeline } from '../../server/src/workspace/timeline';
import { prng } from '../../bench/generate';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples');
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A CMTrace record at wall clock `wall` (ms, as if UTC) with `bias` written (null: none). */
function ccm(msg: string, wall: number, bias: number | null, opts: { type?: number; component?: string; thread?: string } = {}): string {
  const d = new Date(wall);
  const off = bias === null ? '' : (bias < 0 ? '-' : '+') + pad(Math.abs(bias), 3);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${off}`;
  const date = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${d.getUTCFullYear()}`;
  return `<![LOG[${msg}]LOG]!><time="${time}" date="${date}" component="${opts.component ?? 'Comp'}" context="" type="${opts.type ?? 1}" thread="${opts.thread ?? '1'}" file="">\r\n`;
}

const input = (key: string, text: string, options: ParseOptions = {}): LogInput => ({ key, name: path.basename(key), log: LogFile.fromText(text, options) });

async function samples(options: (file: string) => ParseOptions = () => ({})): Promise<LogInput[]> {
  const files = ['Client/ClientIDManagerStartup.log', 'Client/ccmsetup.log', 'Client/IntuneManagementExtension.log', 'Client/ADALOperationProvider.log',
    'SiteServer/MP_RegistrationManager.log', 'SiteServer/CCM_STS.log', 'SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log'];
  return Promise.all(files.map(async (f) => ({ key: f, name: path.basename(f), log: await readLog(path.join(SAMPLES, f), options(f)) })));
}

test('samples: a client in US Eastern (+300) and the MP in CET (-060) line up by UTC, not by wall clock', async () => {
  const inputs = await samples();
  const t = new Timeline(inputs);
  const logOf = (key: string) => inputs.find((x) => x.key === key)!.log;
  const client = 'Client/ClientIDManagerStartup.log';
  const log = logOf(client);
  const anchor = log.entryAtLine(4); // line 5: Registering client using AAD auth. 10:20:10.348+300
  assert.equal(log.message(anchor), 'Registering client using AAD auth.');
  const r = t.related(client, anchor, { windowMs: 5000 });
  assert.equal(r.anchor.utc, Date.UTC(2020, 1, 23, 15, 20, 10, 348));
  const mp = r.related.find((x) => x.key === 'SiteServer/MP_RegistrationManager.log');
  assert.ok(mp, 'the MP registration line is related');
  assert.equal(mp.line, 6); // line 7, 16:20:11.425-060
  assert.equal(mp.deltaMs, 1077);
  assert.match(mp.message, /^Registering device using AAD auth: DeviceId='b8e2d4f6/);
  // The CCM_STS request at 16:20:14.994 CET = 15:20:14.994Z, 4.646 s later.
  const sts = r.related.find((x) => x.key === 'SiteServer/CCM_STS.log');
  assert.ok(sts);
  assert.equal(sts.deltaMs, 4646);
  // Never the anchor's own log, sorted by distance.
  assert.ok(r.related.every((x) => x.key !== client));
  for (let k = 1; k < r.related.length; k++) assert.ok(Math.abs(r.related[k - 1].deltaMs) <= Math.abs(r.related[k].deltaMs));
  // The IME log has no offset: its 10:20:12 is 1.8 s from the anchor by wall clock, but its UTC is
  // unknown, so it is reported, not guessed.
  assert.ok(r.related.every((x) => !x.key.includes('IntuneManagementExtension')));
  assert.deepEqual(r.unknownOffsetLogs, ['Client/IntuneManagementExtension.log']);
  assert.deepEqual(r.defaultOffsetLogs, []);
  const ime = t.stats('Client/IntuneManagementExtension.log')!;
  assert.equal(ime.timed, 0);
  assert.equal(ime.offsetUnknown, ime.entries);
  // By wall clock the two lines are 6 hours apart.
  const mpLog = logOf('SiteServer/MP_RegistrationManager.log');
  assert.equal(mpLog.table.wall[mp.entryIndex] - log.table.wall[anchor], 6 * 3_600_000 + 1077);
});

test('samples: a configured default offset places the IME log, and says it was the default', async () => {
  const inputs = await samples((f) => (f.includes('IntuneManagementExtension') ? { defaultOffset: 300 } : {}));
  const t = new Timeline(inputs);
  const client = 'Client/ClientIDManagerStartup.log';
  const anchor = inputs.find((x) => x.key === client)!.log.entryAtLine(4);
  const r = t.related(client, anchor, { windowMs: 5000 });
  const ime = r.related.find((x) => x.key === 'Client/IntuneManagementExtension.log');
  assert.ok(ime);
  assert.equal(ime.line, 0);
  assert.equal(ime.deltaMs, 1775.457); // 10:20:12.1234567 + 5 h - 15:20:10.348, to the microsecond
  assert.deepEqual(r.unknownOffsetLogs, []);
  assert.deepEqual(r.defaultOffsetLogs, ['Client/IntuneManagementExtension.log']);
});

test('an anchor of unknown UTC relates to nothing and names its own log', async () => {
  const t = new Timeline(await samples());
  const r = t.related('Client/IntuneManagementExtension.log', 0);
  assert.equal(r.anchor.utc, null);
  assert.deepEqual(r.related, []);
  assert.ok(r.unknownOffsetLogs.includes('Client/IntuneManagementExtension.log'));
});

test('related: window, includeSelf, limit, ties by key then line, counts', () => {
  const base = Date.UTC(2024, 0, 1, 12);
  const a = input('a.log', ccm('anchor', base, 0) + ccm('a+1s', base + 1000, 0) + ccm('a+9s', base + 9000, 0));
  // b is in UTC+1 (bias -60): wall 13:00:02 = 12:00:02Z.
  const b = input('b.log', ccm('b+2s', base + 3_600_000 + 2000, -60) + ccm('b-2s', base + 3_600_000 - 2000, -60) + ccm('b+6s', base + 3_600_000 + 6000, -60));
  const c = input('c.log', ccm('c+2s', base + 2000, 0) + ccm('c-1s', base - 1000, 0));
  const t = new Timeline([a, b, c]);
  const r = t.related('a.log', 0, { windowMs: 5000 });
  assert.deepEqual(r.related.map((x) => [x.key, x.line, x.deltaMs, x.message]), [
    ['c.log', 1, -1000, 'c-1s'],
    ['b.log', 0, 2000, 'b+2s'],
    ['b.log', 1, -2000, 'b-2s'],
    ['c.log', 0, 2000, 'c+2s'],
  ]);
  assert.equal(r.total, 4);
  assert.equal(r.logCount, 2);
  const self = t.related('a.log', 0, { windowMs: 5000, includeSelf: true });
  assert.deepEqual(self.related.map((x) => x.message), ['a+1s', 'c-1s', 'b+2s', 'b-2s', 'c+2s']);
  assert.equal(self.total, 5);
  const limited = t.related('a.log', 0, { windowMs: 5000, limit: 2 });
  assert.deepEqual(limited.related.map((x) => x.message), ['c-1s', 'b+2s']);
  assert.equal(limited.total, 4);
  const counted = t.related('a.log', 0, { windowMs: 5000, limit: 0 });
  assert.deepEqual([counted.related.length, counted.total, counted.logCount], [0, 4, 2]);
  assert.equal(t.related('a.log', 0, { windowMs: 6000 }).total, 5);
  assert.throws(() => t.related('nope.log', 0));
  assert.throws(() => t.related('a.log', 3));
});

/** Every timed entry of every log, by brute force. */
function bruteRelated(inputs: LogInput[], key: string, i: number, windowMs: number, includeSelf: boolean) {
  const anchorLog = inputs.find((x) => x.key === key)!.log;
  const at = anchorLog.utc(i);
  const out: [string, number, number][] = [];
  for (const x of inputs) {
    if (x.key === key && !includeSelf) continue;
    for (let j = 0; j < x.log.entryCount; j++) {
      if (x.key === key && j === i) continue;
      const u = x.log.utc(j);
      if (Number.isFinite(u) && Math.abs(u - at) <= windowMs) out.push([x.key, j, u - at]);
    }
  }
  out.sort((p, q) => Math.abs(p[2]) - Math.abs(q[2]) || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0) || p[1] - q[1]);
  return out.map(([k, j]) => `${k}#${j}`);
}

/** Random logs: several zones, out-of-order runs, records without offsets, cut-off records. */
function randomLogs(seed: number, count = 5, perLog = 200): LogInput[] {
  const r = prng(seed);
  const out: LogInput[] = [];
  for (let n = 0; n < count; n++) {
    const bias = [480, 300, 0, -60, -330][Math.floor(r() * 5)];
    let wall = Date.UTC(2024, 0, 1, 12) - bias * 60_000 + Math.floor(r() * 60_000);
    let text = '';
    for (let k = 0; k < perLog; k++) {
      wall += r() < 0.1 ? -Math.floor(r() * 5000) : Math.floor(r() * 1500);
      const x = r();
      if (x < 0.05) text += ccm(`no offset ${k}`, wall, null);
      else if (x < 0.08) text += `<![LOG[cut off ${k}\r\n`;
      else text += ccm(`m ${k}`, wall, bias, { type: 1 + Math.floor(r() * 3), component: `C${Math.floor(r() * 3)}`, thread: String(Math.floor(r() * 4)) });
    }
    out.push(input(`log${n}.log`, text));
  }
  return out;
}

test('related equals a brute-force scan on random logs', () => {
  for (let seed = 1; seed <= 5; seed++) {
    const inputs = randomLogs(seed);
    const t = new Timeline(inputs);
    const r = prng(seed * 7);
    for (let q = 0; q < 40; q++) {
      const x = inputs[Math.floor(r() * inputs.length)];
      const i = Math.floor(r() * x.log.entryCount);
      if (!Number.isFinite(x.log.utc(i))) continue;
      const includeSelf = r() < 0.5;
      const windowMs = Math.floor(r() * 10_000);
      const got = t.related(x.key, i, { windowMs, includeSelf }).related.map((e) => `${e.key}#${e.entryIndex}`);
      assert.deepEqual(got, bruteRelated(inputs, x.key, i, windowMs, includeSelf));
      const limit = 1 + Math.floor(r() * 5);
      const lim = t.related(x.key, i, { windowMs, includeSelf, limit }).related.map((e) => `${e.key}#${e.entryIndex}`);
      assert.deepEqual(lim, got.slice(0, limit));
    }
  }
});

/** Everything observable of a timeline, to compare an updated one with a fresh one. */
function observe(t: Timeline) {
  const m = t.merged();
  return {
    keys: t.keys(),
    stats: t.keys().map((k) => t.stats(k)),
    merged: Array.from({ length: m.count }, (_, i) => m.at(i)),
  };
}

test('update after appends equals a timeline of a fresh parse (in order, out of order, completed records)', () => {
  for (let seed = 11; seed <= 16; seed++) {
    const full = randomLogs(seed, 3, 300);
    const texts = full.map((x) => x.log.text());
    // Grow each log in random pieces, cut anywhere (inside records too).
    const r = prng(seed);
    const growing = texts.map((s, n) => input(`log${n}.log`, s.slice(0, Math.floor(r() * s.length))));
    const t = new Timeline(growing);
    for (let step = 0; step < 30; step++) {
      const n = Math.floor(r() * texts.length);
      const have = growing[n].log.length;
      const more = texts[n].slice(have, have + Math.floor(r() * 2000));
      growing[n].log.appendText(more);
      t.update(growing[n].key);
    }
    for (let n = 0; n < texts.length; n++) {
      growing[n].log.appendText(texts[n].slice(growing[n].log.length));
      t.update(growing[n].key);
    }
    const fresh = new Timeline(texts.map((s, n) => input(`log${n}.log`, s)));
    assert.deepEqual(observe(t), observe(fresh));
  }
});

test('an append earlier than the rest is sorted in; a replaced model is indexed again', () => {
  const base = Date.UTC(2024, 0, 1, 12);
  const x = input('x.log', ccm('one', base, 0) + ccm('three', base + 3000, 0));
  const t = new Timeline([x]);
  x.log.appendText(ccm('two', base + 2000, 0) + ccm('four', base + 4000, 0));
  t.update('x.log');
  const m = t.merged();
  assert.deepEqual(Array.from({ length: m.count }, (_, i) => x.log.message(m.at(i).entryIndex)), ['one', 'two', 'three', 'four']);
  const replaced = input('x.log', ccm('new', base, 0));
  t.set(replaced);
  assert.equal(t.stats('x.log')!.entries, 1);
  const after = t.merged();
  assert.deepEqual([after.count, replaced.log.message(after.at(0).entryIndex)], [1, 'new']);
  assert.ok(t.remove('x.log'));
  assert.deepEqual(t.keys(), []);
});

test('rebuild after the default offset changes', () => {
  const x = input('ime.log', ccm('a', Date.UTC(2024, 0, 1, 10), null));
  const t = new Timeline([x]);
  assert.equal(t.stats('ime.log')!.offsetUnknown, 1);
  x.log.setOptions({ defaultOffset: 300 });
  t.rebuild('ime.log');
  const s = t.stats('ime.log')!;
  assert.deepEqual([s.offsetUnknown, s.defaultOffset, s.first], [0, 1, Date.UTC(2024, 0, 1, 15)]);
});

test('merged: UTC order across zones, filters, unknown times last or excluded', () => {
  const base = Date.UTC(2024, 0, 1, 12);
  const a = input('a.log',
    ccm('a1 info', base + 1000, 0, { component: 'Alpha', thread: '7' }) +
    ccm('a3 error', base + 3000, 0, { type: 3, component: 'Beta', thread: '8' }) +
    ccm('a? no offset', base, null));
  const b = input('b.log',
    ccm('b2 warning', base + 3_600_000 + 2000, -60, { type: 2, component: 'alpha', thread: '7' }) +
    ccm('b3 info', base + 3_600_000 + 3000, -60, { component: 'Gamma', thread: '9' }));
  const t = new Timeline([b, a]);
  const msgs = (v: ReturnType<Timeline['merged']>) =>
    Array.from({ length: v.count }, (_, i) => { const it = v.at(i); return (it.key === 'a.log' ? a : b).log.message(it.entryIndex); });
  const all = t.merged();
  assert.deepEqual(msgs(all), ['a1 info', 'b2 warning', 'a3 error', 'b3 info', 'a? no offset']); // tie at +3 s: by key
  assert.equal(all.unknownCount, 1);
  assert.equal(all.at(4).utc, null);
  assert.deepEqual(all.unknownOffsetLogs, ['a.log']);
  assert.deepEqual(msgs(t.merged({ unknown: 'exclude' })), ['a1 info', 'b2 warning', 'a3 error', 'b3 info']);
  assert.deepEqual(msgs(t.merged({ severities: [Severity.Error, Severity.Warning] })), ['b2 warning', 'a3 error']);
  assert.deepEqual(msgs(t.merged({ components: ['ALPHA'] })), ['a1 info', 'b2 warning']);
  assert.deepEqual(msgs(t.merged({ threads: ['7', '9'] })), ['a1 info', 'b2 warning', 'b3 info']);
  const ranged = t.merged({ from: base + 2000, to: base + 3000 });
  assert.deepEqual(msgs(ranged), ['b2 warning', 'a3 error', 'b3 info']);
  assert.equal(ranged.unknown, 'exclude');
  assert.deepEqual(msgs(t.merged({ keys: ['b.log'] })), ['b2 warning', 'b3 info']);
  assert.deepEqual(msgs(t.merged({ limit: 2 })), ['a1 info', 'b2 warning']);
});

test('merged equals one sort of every timed entry on random logs', () => {
  const inputs = randomLogs(99, 6, 300);
  const t = new Timeline(inputs);
  const m = t.merged({ unknown: 'exclude' });
  const all: [number, string, number][] = [];
  for (const x of inputs) for (let j = 0; j < x.log.entryCount; j++) { const u = x.log.utc(j); if (Number.isFinite(u)) all.push([u, x.key, j]); }
  all.sort((p, q) => p[0] - q[0] || (p[1] < q[1] ? -1 : 1) || p[2] - q[2]);
  assert.deepEqual(Array.from({ length: m.count }, (_, i) => { const it = m.at(i); return [it.utc, it.key, it.entryIndex]; }), all);
});

test('sortRuns: stable natural merge sort', () => {
  const r = prng(5);
  for (let n = 0; n < 50; n++) {
    const len = Math.floor(r() * 100);
    const u = Float64Array.from({ length: len }, () => Math.floor(r() * 20));
    const i = Uint32Array.from({ length: len }, (_, k) => k);
    const want = Array.from(u, (v, k) => [v, k]).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    sortRuns(u, i, 0, len);
    assert.deepEqual(Array.from(u, (v, k) => [v, i[k]]), want);
  }
});
