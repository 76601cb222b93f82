// Every regular expression in the server's source is fed the classic adversarial shapes, and its
// work must grow linearly with them: the searches over shapes 8 times as long may take at most
// 3 times 8 times as much CPU time (median of 3 runs, with a few milliseconds for noise). A
// quadratic pattern takes 64 times as long and fails, stopped at the first shape past the bound.
// The engine's steps cannot be counted, so CPU time is measured, and the margin is wide. The
// regexes are found by parsing the source with the TypeScript compiler, so a pattern added
// anywhere is checked without anyone remembering to list it here. (An exponential pattern does
// not finish even on the short shapes: the test's timeout fails it.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { COMPOSED_PATTERNS as ERROR_CODE_PATTERNS } from '../../server/src/knowledge/errorCodes';
import { COMPOSED_PATTERNS as SIGNATURE_PATTERNS, SIGNATURES } from '../../server/src/rules/signatureTable';

const SRC = path.resolve(__dirname, '../../server/src');
/** The long shapes' size; the short ones are 8 times shorter. */
const SIZE = Number(process.env.REGEX_KB ?? 32) * 1024;
/** Allowed ratio of the long shapes' CPU time to the short ones' (8 when linear). */
const RATIO = 3 * 8;
/** Milliseconds allowed on top, for timer resolution and noise. */
const SLACK_MS = 50;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Found { file: string; line: number; re: RegExp }

function regexLiterals(): Found[] {
  const out: Found[] = [];
  for (const file of sources(SRC)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const slash = text.lastIndexOf('/');
        out.push({ file: path.relative(SRC, file), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, re: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** Long runs of what each pattern is made of, ending in something it cannot accept. */
function shapes(re: RegExp, size: number): string[] {
  const literal = re.source.replace(/\\[dDwWsSbB]|[\\^$.*+?()[\]{}|]/g, '').slice(0, 12) || 'a';
  const units = [literal, 'a', ' ', '0', '9'.repeat(9) + ' ', 'x@', '<![LOG[', '"', '$$<', '-1', '0x', 'error ', '\t', '=', 'a-', '{0', '\r\n'];
  return units.map((u) => u.repeat(Math.ceil(size / u.length)).slice(0, size) + '\u0000!');
}

/** CPU milliseconds of this process so far. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * CPU milliseconds the searches of `re` take over `inputs`: a search that fails at every position
 * (where backtracking explodes), and the first matches of a global scan, as the code runs them
 * (empty matches stepped over). Fails as soon as `bound` is passed, rather than after every input.
 */
function searchMs(re: RegExp, inputs: string[], bound = Infinity): number {
  const once = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
  const all = new RegExp(re.source, re.flags.replace(/y/g, '').replace(/g/g, '') + 'g');
  const t0 = cpuMs();
  for (const s of inputs) {
    once.test(s);
    all.lastIndex = 0;
    for (let m = all.exec(s), k = 0; m && k < 1000; m = all.exec(s), k++) if (m[0].length === 0) all.lastIndex++;
    const spent = cpuMs() - t0;
    assert.ok(spent <= bound, `${spent.toFixed(1)} ms by a shape of ${JSON.stringify(s.slice(0, 12))}..., past the bound of ${bound.toFixed(1)} ms`);
  }
  return cpuMs() - t0;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1];
}

const found = regexLiterals();

test('the source has regexes to check (the finder works)', () => {
  assert.ok(found.length >= 10, `only ${found.length} regex literals found`);
  assert.ok(found.some((f) => f.file.includes('parse/formats/cmtrace')), 'the attribute-block regex is among them');
});

/** Files that compose patterns from constant parts with new RegExp(), and the patterns they export. */
const COMPOSED: Record<string, readonly RegExp[]> = { 'knowledge/errorCodes.ts': ERROR_CODE_PATTERNS, 'rules/signatureTable.ts': SIGNATURE_PATTERNS };
for (const [file, patterns] of Object.entries(COMPOSED)) patterns.forEach((re) => found.push({ file, line: 0, re }));

/**
 * The admin's own patterns (.cmlog/rules.json) and the table's filter, find and highlight
 * patterns: compiled to validate them (userRules.ts, table/userRegex.ts) and run only on the
 * worker with a time budget (patternWorker.ts; test/unit/userRules.test.ts and
 * test/unit/tableRegex.test.ts prove a catastrophic one is stopped). Never built from log text.
 */
const USER_PATTERNS = new Set(['rules/userRules.ts', 'rules/patternWorker.ts', 'table/userRegex.ts']);

test('new RegExp() only where the composed patterns are exported to this test (never built from log text)', () => {
  const dynamic = sources(SRC).filter((f) => /new RegExp\(/.test(readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f).split(path.sep).join('/'))
    .filter((f) => !USER_PATTERNS.has(f));
  assert.deepEqual(dynamic.filter((f) => !(f in COMPOSED)), []);
  for (const f of dynamic) assert.equal((readFileSync(path.join(SRC, f), 'utf8').match(/new RegExp\(/g) ?? []).length, COMPOSED[f].length, f);
});

test('every signature row\'s pattern is among the audited regexes', () => {
  const audited = new Set(found.map((f) => `${f.re.source}/${f.re.flags}`));
  assert.deepEqual(SIGNATURES.filter((r) => !audited.has(`${r.pattern.source}/${r.pattern.flags}`)).map((r) => r.id), []);
});

for (const { file, line, re } of found) {
  test(`${file}:${line} ${re.source.slice(0, 60)} is linear on adversarial input`, { timeout: 60_000 }, () => {
    const short = shapes(re, SIZE / 8), long = shapes(re, SIZE);
    const shortMs = median([0, 1, 2].map(() => searchMs(re, short)));
    const bound = RATIO * shortMs + SLACK_MS;
    const longMs = median([0, 1, 2].map(() => searchMs(re, long, bound)));
    assert.ok(longMs <= bound, `${longMs.toFixed(1)} ms on ${SIZE} characters, ${shortMs.toFixed(1)} ms on ${SIZE / 8}`);
  });
}
