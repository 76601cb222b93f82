// Every regular expression in the server's source is fed the classic adversarial shapes at 1 MB
// and must complete. The regexes are found by parsing the source with the TypeScript compiler,
// so a pattern added anywhere is checked without anyone remembering to list it here. A pattern
// that backtracks catastrophically does not finish at this size, and the test times out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { COMPOSED_PATTERNS as ERROR_CODE_PATTERNS } from '../../server/src/knowledge/errorCodes';

const SRC = path.resolve(__dirname, '../../server/src');
const SIZE = Number(process.env.REGEX_MB ?? 1) * 1024 * 1024;

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
function shapes(re: RegExp): string[] {
  const literal = re.source.replace(/\\[dDwWsSbB]|[\\^$.*+?()[\]{}|]/g, '').slice(0, 12) || 'a';
  const units = [literal, 'a', ' ', '0', '9'.repeat(9) + ' ', 'x@', '<![LOG[', '"', '$$<', '-1', '0x', 'error ', '\t', '=', 'a-', '{0', '\r\n'];
  return units.map((u) => u.repeat(Math.ceil(SIZE / u.length)).slice(0, SIZE) + '\u0000!');
}

const found = regexLiterals();

test('the source has regexes to check (the finder works)', () => {
  assert.ok(found.length >= 10, `only ${found.length} regex literals found`);
  assert.ok(found.some((f) => f.file.includes('parse/scan')), 'the attribute-block regex is among them');
});

/** Files that compose patterns from constant parts with new RegExp(), and the patterns they export. */
const COMPOSED: Record<string, readonly RegExp[]> = { 'knowledge/errorCodes.ts': ERROR_CODE_PATTERNS };
for (const [file, patterns] of Object.entries(COMPOSED)) patterns.forEach((re) => found.push({ file, line: 0, re }));

test('new RegExp() only where the composed patterns are exported to this test (never built from log text)', () => {
  const dynamic = sources(SRC).filter((f) => /new RegExp\(/.test(readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f).split(path.sep).join('/'));
  assert.deepEqual(dynamic.filter((f) => !(f in COMPOSED)), []);
  for (const f of dynamic) assert.equal((readFileSync(path.join(SRC, f), 'utf8').match(/new RegExp\(/g) ?? []).length, COMPOSED[f].length, f);
});

for (const { file, line, re } of found) {
  test(`${file}:${line} ${re.source.slice(0, 60)} completes on adversarial 1 MB input`, { timeout: 60_000 }, () => {
    const once = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
    const all = new RegExp(re.source, re.flags.replace(/y/g, '').replace(/g/g, '') + 'g');
    let searches = 0;
    for (const s of shapes(re)) {
      // A search that fails at every position is where backtracking explodes.
      once.test(s);
      searches++;
      // And the first matches of a global scan, as the code runs them (empty matches stepped over).
      all.lastIndex = 0;
      for (let m = all.exec(s), k = 0; m && k < 1000; m = all.exec(s), k++) if (m[0].length === 0) all.lastIndex++;
    }
    assert.equal(searches, shapes(re).length);
  });
}
