// Parse work is linear in the size of the text, proven by counting work rather than by timing it:
// the scanner's own steps (its reads of character codes, its searches and the kernel's calls:
// test/support/scanSteps.ts) and the string and regex primitives the model is read with are
// counted, and inputs of size n and 4n must cost about 4 times as much (and a few characters of
// work per character of text). Adversarial shapes only: the ones where a cached
// search, a retried regex or a re-scanned record would turn quadratic.
//
// What is counted: indexOf / lastIndexOf / includes (from the start position to the hit, or to the
// end on a miss), startsWith / endsWith (the needle), charCodeAt / codePointAt (one each: the
// character loops), trim* (what they strip), and RegExp.prototype.exec, through which test(),
// match(), matchAll(), replace() and split() run as well (from lastIndex, or 0, to the match end;
// on a miss to the end of the text, or for a sticky regex to the end of the line or the next
// `<![LOG[`, whichever comes first: the parser's one sticky pattern, the attribute block, is a
// fixed sequence of quoted values whose runs cannot hold a quote or a line break, so a miss stops
// at the first quote the sequence does not continue, and the runs two attempts read are disjoint),
// and Buffer.from / Buffer.byteLength of a
// string (the string's length: a text re-scanned on every append is converted again each time).
// Indexing a string with text[i] is not seen: the first test fails if the counters stop seeing
// the parser's work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { installScanSteps, OverBudget, scanStepsRemoved, takeScanSteps, uninstallScanSteps } from '../support/scanSteps';

const N = 128 * 1024;
/** Ratio allowed between the work of 4n and of n characters (4 when linear). */
const RATIO = 4.5;
/** Characters of work allowed per character of text. */
const K = 20;

// ---------------------------------------------------------------------------------------------
// The counters
// ---------------------------------------------------------------------------------------------

const S = String.prototype;
const R = RegExp.prototype;
const orig = {
  indexOf: S.indexOf, lastIndexOf: S.lastIndexOf, includes: S.includes, startsWith: S.startsWith, endsWith: S.endsWith,
  charCodeAt: S.charCodeAt, codePointAt: S.codePointAt, trim: S.trim, trimEnd: S.trimEnd, trimStart: S.trimStart, exec: R.exec,
  bufferFrom: Buffer.from, byteLength: Buffer.byteLength,
};
const B = Buffer as unknown as Record<'from' | 'byteLength', (...args: unknown[]) => unknown>;

let counted: Record<string, number> = {};
let countedAll = 0;
let budget = Infinity;
const add = (k: string, v: number) => {
  counted[k] = (counted[k] ?? 0) + Math.max(1, v);
  if ((countedAll += Math.max(1, v)) > budget) throw new OverBudget(`more than ${budget} characters of string and regex work`);
};
const clampFrom = (len: number, from: unknown) => Math.max(0, Math.min(len, Math.trunc(Number(from ?? 0)) || 0));

function install(limit: number): void {
  budget = limit;
  installScanSteps(limit);
  S.indexOf = function (this: string, needle: string, from?: number) {
    const r = orig.indexOf.call(this, needle, from as number);
    add('indexOf', (r < 0 ? this.length : r + String(needle).length) - clampFrom(this.length, from));
    return r;
  };
  S.includes = function (this: string, needle: string, from?: number) {
    const r = orig.indexOf.call(this, needle, from as number);
    add('includes', (r < 0 ? this.length : r + String(needle).length) - clampFrom(this.length, from));
    return r >= 0;
  };
  S.lastIndexOf = function (this: string, needle: string, from?: number) {
    const r = orig.lastIndexOf.call(this, needle, from as number);
    const start = from === undefined ? this.length : clampFrom(this.length, from) + String(needle).length;
    add('lastIndexOf', start - (r < 0 ? 0 : r));
    return r;
  };
  S.startsWith = function (this: string, needle: string, pos?: number) { add('startsWith', String(needle).length); return orig.startsWith.call(this, needle, pos); };
  S.endsWith = function (this: string, needle: string, pos?: number) { add('endsWith', String(needle).length); return orig.endsWith.call(this, needle, pos); };
  S.charCodeAt = function (this: string, i: number) { add('charCodeAt', 1); return orig.charCodeAt.call(this, i); };
  S.codePointAt = function (this: string, i: number) { add('codePointAt', 1); return orig.codePointAt.call(this, i); };
  S.trim = function (this: string) { const r = orig.trim.call(this); add('trim', this.length - r.length); return r; };
  S.trimEnd = function (this: string) { const r = orig.trimEnd.call(this); add('trimEnd', this.length - r.length); return r; };
  S.trimStart = function (this: string) { const r = orig.trimStart.call(this); add('trimStart', this.length - r.length); return r; };
  R.exec = function (this: RegExp, input: string) {
    const s = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = orig.exec.call(this, s);
    let to: number;
    if (m) to = m.index + m[0].length;
    else if (this.sticky) {
      const nl = orig.indexOf.call(s, '\n', from), open = orig.indexOf.call(s, '<![LOG[', from);
      to = Math.min(nl < 0 ? s.length : nl, open < 0 ? s.length : open);
    }
    else to = s.length;
    add(`exec /${this.source.slice(0, 24)}/${this.flags}`, to - from);
    return m;
  };
  B.from = function (...args: unknown[]) {
    if (typeof args[0] === 'string') add('Buffer.from', args[0].length);
    return (orig.bufferFrom as (...a: unknown[]) => unknown).apply(Buffer, args);
  };
  B.byteLength = function (...args: unknown[]) {
    if (typeof args[0] === 'string') add('Buffer.byteLength', args[0].length);
    return (orig.byteLength as (...a: unknown[]) => unknown).apply(Buffer, args);
  };
}

function uninstall(): void {
  Object.assign(S, { indexOf: orig.indexOf, lastIndexOf: orig.lastIndexOf, includes: orig.includes, startsWith: orig.startsWith, endsWith: orig.endsWith,
    charCodeAt: orig.charCodeAt, codePointAt: orig.codePointAt, trim: orig.trim, trimEnd: orig.trimEnd, trimStart: orig.trimStart });
  R.exec = orig.exec;
  Object.assign(Buffer, { from: orig.bufferFrom, byteLength: orig.byteLength });
  uninstallScanSteps();
  budget = Infinity;
}

interface Work { total: number; by: Record<string, number> }

/**
 * The work `fn` does, by primitive; stopped past `limit` (work that goes quadratic would
 * otherwise run for hours), and then over `limit` in total. The originals are back in place
 * whatever happens.
 */
function work(fn: () => void, limit = Infinity): Work {
  counted = {};
  countedAll = 0;
  install(limit);
  takeScanSteps();
  let stopped = false;
  try {
    fn();
  } catch (e) {
    if (!(e instanceof OverBudget)) throw e;
    stopped = true;
  } finally {
    uninstall();
  }
  const by = counted;
  for (const [k, v] of Object.entries(takeScanSteps())) if (v > 0) by[k] = v;
  if (stopped) by['stopped over budget'] = limit + 1;
  counted = {};
  return { total: Object.values(by).reduce((a, b) => a + b, 0), by };
}

/** Work allowed for a text of `size` characters (see K). */
const allowed = (size: number) => K * size + 1000;

const top = (w: Work) => Object.entries(w.by).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k}: ${v}`).join(', ');

function assertLinear(what: string, size1: number, w1: Work, size4: number, w4: Work): void {
  const detail = `${what}: n=${size1} work=${w1.total} (${top(w1)}); 4n=${size4} work=${w4.total} (${top(w4)})`;
  assert.ok(w4.total <= allowed(size4) && w1.total <= allowed(size1), `more than ${K} characters of work per character: ${detail}`);
  assert.ok(w4.total <= RATIO * (size4 / size1) / 4 * w1.total + 1000, `super-linear, work(4n)/work(n) = ${(w4.total / Math.max(1, w1.total)).toFixed(2)}: ${detail}`);
}

// ---------------------------------------------------------------------------------------------
// Shapes (each makes a text of about n characters)
// ---------------------------------------------------------------------------------------------

const ATTRS = '<time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">';
const REC = `<![LOG[hello]LOG]!>${ATTRS}\r\n`;
const SMS = 'x  $$<C><01-01-2020 10:00:00.000+000><thread=1 (0x1)>\n';
const rep = (unit: string, n: number) => unit.repeat(Math.max(1, Math.floor(n / unit.length)));

const shapes: Record<string, (n: number) => string> = {
  'one line of <![LOG[': (n) => rep('<![LOG[', n),
  '<![LOG[ on every line': (n) => rep('<![LOG[\n', n),
  '<![LOG[ nested, closed at the end': (n) => rep('<![LOG[', n / 2) + rep(']LOG]!>', n / 2) + ATTRS,
  '$$< repeated with no >': (n) => rep('$$<', n),
  '$$<a><b without > on every line': (n) => rep('x $$<a><b\n', n),
  ']LOG]!> repeated': (n) => rep(']LOG]!>', n),
  ']LOG]!> then many lines': (n) => ']LOG]!>' + rep('x\n', n),
  '<![LOG[a]LOG]!><time=" repeated': (n) => rep('<![LOG[a]LOG]!><time="', n),
  '<![LOG[a]LOG]!><time=" on every line': (n) => rep('<![LOG[a]LOG]!><time="\n', n),
  'one unclosed record, then many lines': (n) => '<![LOG[start\n' + rep('plain line\n', n),
  'many blank lines': (n) => rep('\n', n),
  'many CRLF blank lines after a record': (n) => REC + rep('\r\n', n),
  'a record whose message has 100k lines': (n) => '<![LOG[' + rep('line\n', n) + `]LOG]!>${ATTRS}\n`,
  'many unclosed records, closed on the last line': (n) => rep('<![LOG[x\n', n) + ']LOG]!>',
  'an attribute block that never ends': (n) => '<![LOG[m]LOG]!><' + rep('a="b" ', n),
  'an attribute value that never closes': (n) => '<![LOG[m]LOG]!><time="' + 'x'.repeat(n),
  'attribute soup on every line': (n) => rep('<![LOG[m]LOG]!><' + 'a="b" '.repeat(20) + '\n', n),
  'warning words, then one legacy tail': (n) => rep('warn ', n) + '$$<C><01-01-2020 10:00:00.000+000>',
  'legacy lines with warning words': (n) => rep('warn warn ' + SMS, n),
  'records with empty type and error words': (n) => rep(`<![LOG[warn error]LOG]!>${ATTRS.replace('type="1"', 'type=""')}\n`, n),
  'carriage returns only (one line)': (n) => rep(REC.replace('\r\n', '\r'), n),
  'NUL bytes': (n) => rep('\u0000', n),
  'valid records': (n) => rep(REC, n),
  'valid legacy lines': (n) => rep(SMS, n),
  'a mix of records, legacy lines and junk': (n) => rep(REC + SMS + 'junk <![LOG[ $$< ]LOG]!>\n', n),
};

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

test('the counters see the parser at work (and are removed afterwards)', () => {
  const text = rep(REC + SMS, N);
  const w = work(() => LogFile.fromText(text));
  assert.ok(w.total >= text.length / 2, `only ${w.total} characters of work counted for ${text.length}: ${top(w)}`);
  // test(), replace() and matchAll() run through the wrapped exec.
  const r = work(() => { void /b/.test('aab'); void 'aac'.replace(/c/, ''); void [...'abab'.matchAll(/d|b/g)]; });
  assert.deepEqual(Object.keys(r.by).sort(), ['exec /b/', 'exec /c/', 'exec /d|b/g'], JSON.stringify(r.by));
  assert.equal(String.prototype.indexOf, orig.indexOf);
  assert.equal(String.prototype.charCodeAt, orig.charCodeAt);
  assert.equal(RegExp.prototype.exec, orig.exec);
  assert.equal(Buffer.from, orig.bufferFrom);
  assert.ok(scanStepsRemoved());
  // The conversion to character codes is seen.
  const c = work(() => LogFile.fromText(text));
  assert.ok((c.by['Buffer.from'] ?? 0) >= text.length, JSON.stringify(c.by));
  // The scanner's own steps, on text and on bytes: its reads of codes, its searches, the kernel's
  // lines (legacy lines) and messages (records with no type).
  const legacy = rep(SMS, N);
  const ccm = rep(REC.replace('type="1"', 'type=""'), N);
  for (const [what, fn] of [['text', LogFile.fromText], ['bytes', (t: string) => LogFile.fromBytes(Buffer.from(t))]] as const) {
    for (const [shape, t] of [['legacy', legacy], ['ccm', ccm]]) {
      const by = work(() => fn(t)).by;
      const seen = `${what}, ${shape}: ${JSON.stringify(by)}`;
      assert.ok(by['scan: codes read'] >= t.length / 4, seen);
      // A legacy line is found by the kernel, a record by searches for its close and line end.
      if (shape === 'legacy') assert.ok(by['scan: kernel'] >= t.length, seen);
      else assert.ok(by['scan: searched'] >= t.length / 4 && by['scan: kernel'] >= t.length / 20, seen);
    }
  }
  assert.ok(scanStepsRemoved());
});

/** Everything a reader of the model asks of every entry. */
function materialise(log: LogFile): void {
  for (let i = 0; i < log.entryCount; i++) {
    log.entry(i);
    log.message(i);
    log.endLine(i);
  }
  log.unparsedSpans();
}

for (const [name, make] of Object.entries(shapes)) {
  test(`linear: ${name}`, () => {
    const t1 = make(N), t4 = make(4 * N);
    let l1!: LogFile, l4!: LogFile;
    const a1 = allowed(t1.length), a4 = allowed(t4.length);
    assertLinear('fromText', t1.length, work(() => { l1 = LogFile.fromText(t1); }, a1), t4.length, work(() => { l4 = LogFile.fromText(t4); }, a4));
    assertLinear('entries', t1.length, work(() => materialise(l1), a1), t4.length, work(() => materialise(l4), a4));
    const b1 = Buffer.from(t1, 'utf8'), b4 = Buffer.from(t4, 'utf8');
    assertLinear('fromBytes', t1.length, work(() => LogFile.fromBytes(b1), a1), t4.length, work(() => LogFile.fromBytes(b4), a4));
  });
}

// A growing log (an editor document, a live log, or readLog's 16 MB pieces) is parsed through
// appendText / appendBytes: appending a text in fixed-size pieces must cost about what parsing it
// at once does. Each append resumes near the end of the text: at the last item's start, at the
// last line of a trailing span or of the blank lines a record absorbs, or near the end of a record
// that has no end yet, with how far its searches got.
const PIECE = 1024;
const NA = 32 * 1024;

function appendInPieces(text: string): void {
  const log = LogFile.fromText('');
  for (let i = 0; i < text.length; i += PIECE) log.appendText(text.slice(i, i + PIECE));
}

function appendBytesInPieces(bytes: Buffer): void {
  const log = LogFile.fromBytes(bytes.subarray(0, PIECE));
  for (let i = PIECE; i < bytes.length; i += PIECE) assert.ok(log.appendBytes(bytes.subarray(i, i + PIECE)));
}

const appendShapes: [string, (n: number) => string][] = [
  ['valid records', shapes['valid records']],
  ['valid legacy lines', shapes['valid legacy lines']],
  ['a mix of records, legacy lines and junk', shapes['a mix of records, legacy lines and junk']],
  ['<![LOG[ on every line', shapes['<![LOG[ on every line']],
  ['records with multi-line messages', (n) => rep(`<![LOG[first\nsecond\nthird]LOG]!>${ATTRS}\n`, n)],
  // Unparsed lines are judged one by one: an append re-scans only the span's last line.
  ['unparsed lines (a plain-text .log): consecutive spans merge into one last item', (n) => rep('plain line\n', n)],
  // A truncated record runs to the end of the text: its searches resume where they stopped.
  ['one unclosed record, then many lines', shapes['one unclosed record, then many lines']],
  ['a record whose message has 100k lines, closed at the end', shapes['a record whose message has 100k lines']],
  ['an unclosed record with warning words, then lines', (n) => '<![LOG[warn\n' + rep('warn fail error\n', n)],
  // The record absorbs the blank lines after it: they are continued from the last line.
  ['a record followed by many blank lines', shapes['many CRLF blank lines after a record']],
  ['a legacy line followed by many blank lines', (n) => SMS + rep(' \n', n)],
  // A long line with no line break yet is resumed near its end, with its keyword search carried over.
  ['one long line still being written (plain words, no line break)', (n) => rep('plain warn words ', n)],
  ['one long line that ends as a legacy line', (n) => rep('plain warn words ', n) + SMS],
];

for (const [name, make] of appendShapes) {
  test(`linear when appended in ${PIECE}-character pieces: ${name}`, () => {
    const t1 = make(NA), t4 = make(4 * NA);
    const a1 = allowed(t1.length), a4 = allowed(t4.length);
    assertLinear('appendText', t1.length, work(() => appendInPieces(t1), a1), t4.length, work(() => appendInPieces(t4), a4));
    const b1 = Buffer.from(t1), b4 = Buffer.from(t4);
    assertLinear('appendBytes', t1.length, work(() => appendBytesInPieces(b1), a1), t4.length, work(() => appendBytesInPieces(b4), a4));
  });
}
