// The line formats' shared readers against plain reference readings: the level words and the
// ISO date, which keep what they read last or group their words for speed (issue #17).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LEVELS, levelSeverity } from '../../server/src/parse/formats/lineFormat';
import { DAY_MS, readIsoDate } from '../../server/src/parse/time';

const opts = { seed: 17, numRuns: 500 };
const codes = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

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
