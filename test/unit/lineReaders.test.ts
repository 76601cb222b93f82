// The line formats' shared readers against plain reference readings: the level words, the ISO
// date and the clock, which keep what they read last, group their words or read digits in line
// for speed (issue #17).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LEVELS, levelSeverity } from '../../server/src/parse/formats/lineFormat';
import { DAY_MS, readAsctime, readClock, readIsoDate, timeOut } from '../../server/src/parse/time';
import { codeUnits } from '../../server/src/parse/decode';

const opts = { seed: 17, numRuns: 500 };
const codes = (s: string) => codeUnits(s);

/** Any case of a level word, a near miss, or another word. */
const levelish = fc.oneof(
  fc.constantFrom(...LEVELS.map(([w]) => w)).chain((w) => fc.array(fc.boolean(), { minLength: w.length, maxLength: w.length }).map((up) => [...w].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''))),
  fc.constantFrom(...LEVELS.map(([w]) => w)).map((w) => w.slice(1)),
  fc.constantFrom(...LEVELS.map(([w]) => w)).map((w) => `${w}s`),
  fc.string({ maxLength: 14 }),
);

test('levelSeverity reads each level word in any case, and nothing else', () => {
  fc.assert(fc.property(levelish, fc.string({ maxLength: 3 }), (word, around) => {
    const want = LEVELS.find(([w]) => w === word.toLowerCase() && /^[a-z]+$/i.test(word))?.[1] ?? -1;
    const c = codes(around + word + around);
    assert.equal(levelSeverity(c, around.length, around.length + word.length), want, word);
  }), opts);
});

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Day number of a date by the platform's calendar, NaN when the day is not in its month. */
function reference(y: number, m: number, d: number): number {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? t / DAY_MS : NaN;
}

test('readIsoDate reads every date of a run of lines, repeated or not', () => {
  // Runs of dates close to each other (one field apart), repeated, coming back, and invalid in
  // between (the 31st of a short month, a 29 February).
  const near = fc.tuple(fc.integer({ min: 1601, max: 2400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).chain(([y, m, d]) =>
    fc.array(fc.tuple(fc.constantFrom(0, 1, 2), fc.integer({ min: 1, max: 31 }), fc.constantFrom('-', '/')).map(([field, v, s]) =>
      field === 0 ? [y, m, v, s] as const : field === 1 ? [y, ((v - 1) % 12) + 1, d, s] as const : [y + (v % 5), m, v % 2 ? 29 : d, s] as const), { minLength: 1, maxLength: 8 }));
  const run = near.chain((ds) => fc.array(fc.integer({ min: 0, max: ds.length - 1 }), { minLength: 1, maxLength: 30 }).map((ix) => ix.map((i) => ds[i])));
  fc.assert(fc.property(run, (dates) => {
    for (const [y, m, d, s] of dates) {
      const c = codes(`x${pad(y, 4)}${s}${pad(m, 2)}${s}${pad(d, 2)} 10:00:00`);
      assert.equal(readIsoDate(c, 1, c.length), reference(y, m, d), `${y}${s}${m}${s}${d}`);
    }
  }), opts);
});

/** Clock-like text: a clock with a character swapped for one next to the digits ('/', ':'), or cut short. */
const clockish = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 69 }), fc.integer({ min: 0, max: 69 }), fc.stringOf(fc.constantFrom(...'0123456789'), { maxLength: 9 }))
    .map(([h, m, s, f]) => `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${f ? `.${f}` : ''}`),
  fc.tuple(fc.stringOf(fc.constantFrom(...'0123456789'), { minLength: 8, maxLength: 12 }), fc.nat(11), fc.constantFrom('/', ':', '.', ' ', '0', '9'))
    .map(([d, at, c]) => { const t = `${d.slice(0, 2)}:${d.slice(2, 4)}:${d.slice(4)}`; return t.slice(0, at) + c + t.slice(at + 1); }),
  fc.stringOf(fc.constantFrom(...'0123456789:./'), { maxLength: 14 }),
);

/** The clock `HH:mm:ss[.f]` read plainly: its end and milliseconds, or undefined. */
function clockReference(t: string): { end: number; ms: number } | undefined {
  const m = /^(\d\d):(\d\d):(\d\d)(\.(\d*))?/.exec(t);
  if (!m || +m[1] > 23 || +m[2] > 59 || +m[3] > 60 || m[5] === '') return undefined;
  const frac = (m[5] ?? '').slice(0, 7);
  return { end: 8 + (m[4] ? 1 + frac.length : 0), ms: ((+m[1] * 60 + +m[2]) * 60 + +m[3]) * 1000 + (frac ? Number(`0.${frac}`) * 1000 : 0) };
}

test('readClock reads a clock as the plain reading does, and nothing else', () => {
  fc.assert(fc.property(clockish, fc.constantFrom('', ' x'), (clock, after) => {
    const c = codes(`>${clock}${after}`);
    const want = clockReference(clock + after);
    const end = readClock(c, 1, c.length);
    assert.equal(end < 0 ? undefined : end - 1, want?.end, clock);
    if (want) assert.ok(Math.abs(timeOut.ms - want.ms) < 1e-6, `${clock}: ${timeOut.ms} vs ${want.ms}`);
  }), opts);
});

test('readClock, readIsoDate and readAsctime refuse a character next to the digits in place of one', () => {
  // '/' and ':' are the characters just below '0' and just above '9'.
  for (const c of ['/', ':']) {
    for (const at of [0, 1, 3, 4, 6, 7, 9]) {
      const clock = '12:34:56.7'.split('');
      clock[at] = c;
      const text = codes(clock.join(''));
      assert.equal(readClock(text, 0, text.length), -1, clock.join(''));
    }
    for (let at = 0; at < 10; at++) {
      if (at === 4 || at === 7) continue;
      const date = '2024-11-25'.split('');
      date[at] = c;
      const text = codes(`${date.join('')} 10:00:00`);
      assert.ok(Number.isNaN(readIsoDate(text, 0, text.length)), date.join(''));
    }
    for (let at = 0; at < 4; at++) {
      const year = '2024'.split('');
      year[at] = c;
      const text = codes(`Mon Jan 15 10:00:00 ${year.join('')}`);
      assert.ok(Number.isNaN(readAsctime(text, 0, text.length)), year.join(''));
    }
  }
  const ok = codes('Mon Jan 15 10:00:00 2024');
  assert.equal(readAsctime(ok, 0, ok.length), Date.UTC(2024, 0, 15, 10));
  const iso = codes('2024-01-15');
  assert.equal(readIsoDate(iso, 0, iso.length) * DAY_MS, Date.UTC(2024, 0, 15));
});
