// The WebAssembly keyword kernel: built from its source, and the same severity as the rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Severity } from '../../server/src/model';
import { codeUnits } from '../../server/src/parse/decode';
import { KernelWindow, WINDOW } from '../../server/src/parse/kernel';
import { KERNEL_WASM } from '../../server/src/parse/kernelWasm';
import { KEYWORDS, checkKeywords, type Keyword } from '../../server/src/parse/keywords';
import { keywordPatterns, keywordRule, keywordRuleOf } from '../support/keywordRule';

// The little of the WebAssembly API used here (its types come with the DOM library, not Node's).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
};

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const opts = { seed: Number(process.env.FUZZ_SEED ?? 20261122), numRuns: RUNS };

const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** The codes every reader reads: units above 255 are 255. */
const unitsOf = (s: string) => codeUnits(s);

test('kernelWasm.ts is kernel.wat compiled with keywords.ts (run `npm run wasm` after editing either)', async () => {
  const { compileKernel } = await import('../../scripts/compile-wasm.mjs');
  assert.equal(KERNEL_WASM, (await compileKernel()).toString('base64'));
});

// Words, near-words and characters around them: case, word boundaries, Latin-1 letters, and
// (as 16-bit units) letters whose upper or lower case is ASCII but which the rule does not match.
const piece = fc.constantFrom('a', ' ', '_', '9', '$', '\n', 'é', 'É', 'warn', 'WARN', 'Warning', 'fail', 'FaIl', 'failed', 'fails', 'failover', 'failure',
  'ed', 'S', 'error', 'ERRORS', 'Exception', 'critical', 'CRITICAL', 'fatal', 'fa', 'il', 'warnfail', 'warnerror', 'erro', 'rror', 'fai', 'war', 'fata',
  'critica', 'exceptio', 'faile', 'e', 'r', 'l', 'n', 'd', 's', 'w', 'c', 'x', 'err', 'exc', 'cri', 'fat');
const unitPiece = fc.oneof(piece, fc.constantFrom('\u0131', '\u017f', '\u212a', '\u0165', '\u0145', '\uff45', '\u8000', '\u4e45', '\u0172'));
const message = fc.stringOf(piece, { maxLength: 40 });
const unitMessage = fc.stringOf(unitPiece, { maxLength: 40 });
const around = fc.stringOf(piece, { maxLength: 3 });

test('the kernel gives the rule\'s severity for a message anywhere in a text of bytes', () => {
  fc.assert(fc.property(around, message, around, (before, m, after) => {
    const k = new KernelWindow(bytesOf(before + m + after));
    assert.equal(k.severity(before.length, before.length + m.length), keywordRule(m), JSON.stringify(m));
  }), opts);
});

test('the kernel gives the rule\'s severity for a message of any characters, as codeUnits narrows them', () => {
  fc.assert(fc.property(around, unitMessage, around, (before, m, after) => {
    const k = new KernelWindow(unitsOf(before + m + after));
    assert.equal(k.severity(before.length, before.length + m.length), keywordRule(m), JSON.stringify(m));
  }), opts);
});

test('codeUnits gives one byte per UTF-16 unit, the unit itself up to 255 and 255 above, across windows', () => {
  const unit = fc.constantFrom('a', '\r\n', '<', '\u00e9', '\u00ff', '\u0100', '\u013c', '\u4e45', '\ud83d\ude00', '\ud83d');
  fc.assert(fc.property(fc.array(unit, { maxLength: 30 }), fc.nat({ max: 3 }), (pieces, windows) => {
    // Padded to cross 0-3 window boundaries, with the pieces on both sides of them.
    const text = pieces.join('') + 'x'.repeat(Math.max(0, windows * WINDOW - 7)) + pieces.join('');
    const codes = codeUnits(text);
    assert.equal(codes.length, text.length);
    for (let i = 0; i < text.length; i++) if (codes[i] !== Math.min(255, text.charCodeAt(i))) assert.fail(`unit ${i} of ${JSON.stringify(pieces)}: ${codes[i]}`);
  }), { ...opts, numRuns: Math.max(20, RUNS >> 3) });
});

test('messages read in any order, across windows and from two texts in turn, keep their own severity', () => {
  // Long enough for several windows; messages are the lines.
  const lines = fc.array(fc.tuple(message, fc.nat({ max: 3000 })).map(([m, pad]) => ' '.repeat(pad) + m), { minLength: 40, maxLength: 80 });
  fc.assert(fc.property(lines, lines, fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (l1, l2, order) => {
    const texts = [l1, l2].map((ls) => {
      const bounds: [number, number][] = [];
      let at = 0;
      for (const l of ls) {
        bounds.push([at, at + l.length]);
        at += l.length + 1;
      }
      return { ls, bounds, k: new KernelWindow(bytesOf(ls.join('\n'))) };
    });
    for (const n of order) {
      const t = texts[n % 2];
      const i = (n >> 1) % t.ls.length;
      assert.equal(t.k.severity(...t.bounds[i]), keywordRule(t.ls[i]));
    }
  }), { ...opts, numRuns: Math.max(20, RUNS >> 4) });
});

test('a message that ends with the text sees nothing of what an earlier window left after it', () => {
  // The kernel reads past a message's end, where an earlier text's bytes are: here they would
  // finish every word cut at the end ("fai" + "l ", "erro" + "r ", "war" + "n ").
  const earlier = (head: string, rest: string) => new KernelWindow(bytesOf('x'.repeat(head.length) + rest + ' '.repeat(40))).severity(0, head.length + rest.length);
  for (const [m, rest] of [[' fai', 'l '], [' erro', 'r '], [' war', 'n '], [' exceptio', 'n '], ['ok', ' failed']]) {
    earlier(m, rest);
    assert.equal(new KernelWindow(bytesOf(m)).severity(0, m.length), Severity.Information, m);
    assert.equal(new KernelWindow(bytesOf(m + rest)).severity(0, m.length + rest.length), keywordRule(m + rest), m + rest);
  }
});

test('a message longer than a window still gets the rule\'s severity', () => {
  const long = (tail: string) => 'w'.repeat(WINDOW + 10) + tail;
  for (const [m, expected] of [[long(''), Severity.Information], [long(' failed'), Severity.Error], [long(' warn '), Severity.Warning], ['warn ' + long('exception'), Severity.Error]] as const) {
    assert.equal(new KernelWindow(bytesOf(m)).severity(0, m.length), expected);
    assert.equal(new KernelWindow(unitsOf('\u4e45' + m)).severity(1, m.length + 1), expected);
  }
});

test('the kernel finds a line\'s first CR or LF and its first `$$<` before it', () => {
  const line = fc.stringOf(fc.constantFrom('$', '$$', '<', '$$<', '$<', 'a', '\n', '\r\n', '\r', 'é'), { maxLength: 60 });
  fc.assert(fc.property(line, fc.nat(), (text, i) => {
    const from = i % (text.length + 1);
    const cr = text.slice(from).search(/[\r\n]/);
    const eol = cr < 0 ? text.length : from + cr;
    const q = text.indexOf('$$<', from);
    const tail = q >= 0 && q + 3 <= eol ? q : eol;
    for (const codes of [bytesOf(text), unitsOf(text)]) {
      // What an earlier window left in the kernel's memory lies past the text.
      new KernelWindow(bytesOf('$$<\n'.repeat(100))).line(0);
      const k = new KernelWindow(codes);
      assert.equal(k.line(from), eol, JSON.stringify([text, from]));
      assert.equal(k.lineTail, tail, JSON.stringify([text, from]));
    }
  }), opts);
});

test('a line that runs past the window is found in the next one; one longer than a window is left to the caller', () => {
  const text = 'x\n'.repeat(WINDOW / 2 - 10) + 'y'.repeat(100) + '  $$<C>\nz';
  const k = new KernelWindow(bytesOf(text));
  assert.equal(k.line(0), 1);
  const from = WINDOW - 20;
  assert.equal(k.line(from), text.indexOf('\n', from));
  assert.equal(k.lineTail, text.indexOf('$$<'));
  const long = new KernelWindow(bytesOf('a'.repeat(WINDOW + 50) + '\n'));
  assert.equal(long.line(0), -1);
  assert.equal(long.line(10), -1);
});

test('the shipped keyword list states the documented rule (README, "How it reads logs")', () => {
  const { any, errors } = keywordPatterns(KEYWORDS);
  assert.equal(any.source, String.raw`error|\bfail(?:ed|s)?\b|exception|critical|fatal|warn`);
  assert.equal(errors.source, String.raw`error|\bfail(?:ed|s)?\b|exception|critical|fatal`);
});

test('a word added to the keyword list reaches the kernel: its generated search follows the list', async () => {
  const { compileKernel } = await import('../../scripts/compile-wasm.mjs');
  // Another list: a new error word sharing a first letter, a whole warning word with endings, a long word.
  const list: Keyword[] = [...KEYWORDS, { word: 'denied', severity: 'error' }, { word: 'retry', severity: 'warning', wholeWord: true, endings: ['ing', 'ies'] },
    { word: 'unreachable', severity: 'error' }];
  checkKeywords(list);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(await compileKernel(list)));
  const { severity, memory } = instance.exports as { severity(a: number, b: number): number; memory: { buffer: ArrayBuffer } };
  const rule = keywordRuleOf(list);
  const extra = fc.constantFrom('denied', 'DENIED', 'deni', 'retry', 'Retrying', 'retries', 'retryx', 'retr', 'unreachable', 'unreachabl', 'warn', 'error');
  const text = fc.stringOf(fc.oneof(piece, extra), { maxLength: 30 });
  fc.assert(fc.property(text, (m) => {
    // The message at 64 (the kernel's DATA), spaces after it for the reads past its end.
    const bytes = new Uint8Array(memory.buffer);
    bytes.fill(32, 0, 64 + m.length + 200);
    bytes.set(bytesOf(m), 64);
    assert.equal(severity(64, 64 + m.length), rule(m), JSON.stringify(m));
  }), opts);
  for (const [m, expected] of [['access denied', Severity.Error], ['retrying now', Severity.Warning], ['retrying: denied', Severity.Error], ['retryx', Severity.Information]] as const) {
    assert.equal(rule(m), expected, m);
  }
});

test('a keyword list the kernel cannot search is refused', () => {
  for (const bad of [{ word: 'ok', severity: 'error' }, { word: 'Error', severity: 'error' }, { word: 'fail', severity: 'error', endings: ['ed'] }, { word: 'a'.repeat(20), severity: 'error' }] as Keyword[]) {
    assert.throws(() => checkKeywords([...KEYWORDS, bad]), JSON.stringify(bad));
  }
});
