#!/usr/bin/env node
// Compiles server/src/parse/kernel.wat into server/src/parse/kernelWasm.ts (`npm run wasm`):
// the kernel ships inside the bundles as base64, so the language server, the command line, the
// parse worker and the tests load it the same way, with no file beside them. The .wat is a
// template: its keyword search (`;; @keywords:at`, `;; @keywords:candidates`) is generated here
// from the one keyword list, server/src/parse/keywords.ts (hence `node --import tsx`). The unit
// tests compile it again (compileKernel) and check the result is what is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KEYWORDS, checkKeywords } from '../server/src/parse/keywords.ts';

const PARSE = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src', 'parse');

const code = (s, i) => s.charCodeAt(i);
const hex = (n) => `0x${n.toString(16)}`;

/** i32: whether the letters follow from p + off, in any case (8 at a time, little-endian loads). */
function spells(letters, off) {
  const parts = [];
  for (let i = 0; i < letters.length; i += 8) {
    const chunk = letters.slice(i, i + 8);
    const t = chunk.length <= 4 ? 'i32' : 'i64';
    const width = t === 'i32' ? 4 : 8;
    let value = 0n, mask = 0n;
    for (let k = 0; k < chunk.length; k++) {
      value |= BigInt(code(chunk, k)) << BigInt(8 * k);
      mask |= 0xffn << BigInt(8 * k);
    }
    const lower = `(${t}.or (${t}.load offset=${off + i} (local.get $p)) (${t}.const ${hex(0x20202020_20202020n & ((1n << BigInt(8 * width)) - 1n))}))`;
    const masked = chunk.length === width ? lower : `(${t}.and ${lower} (${t}.const ${hex(mask)}))`;
    parts.push(`(${t}.eq ${masked} (${t}.const ${hex(value)}))`);
  }
  return parts.reduce((x, y) => `(i32.and ${x} ${y})`);
}

/** i32: whether p + n - 1 is before b (the string's end). */
const before = (n) => `(i32.lt_u (i32.add (local.get $p) (i32.const ${n - 1})) (local.get $b))`;

/** The statements that return 1 (setting $warn and $len) when k matches at p. */
function matchWord(k) {
  const found = (len) => `(global.set $warn (i32.const ${k.severity === 'warning' ? 1 : 0})) (global.set $len (i32.const ${len})) (return (i32.const 1))`;
  const rest = k.word.slice(1);
  const spelled = rest.length ? `(i32.and ${before(k.word.length)} ${spells(rest, 1)})` : '(i32.const 1)';
  if (!k.wholeWord) return `(if ${spelled} (then ${found(k.word.length)}))`;
  // `\b` before: the string's start, or a non-word character.
  const start = '(i32.or (i32.le_u (local.get $p) (local.get $a)) (i32.eqz (call $word (i32.load8_u (i32.sub (local.get $p) (i32.const 1))))))';
  const endings = [...(k.endings ?? []), ''].map((e) => {
    const len = k.word.length + e.length;
    const spelledEnding = e ? `(i32.and ${before(len)} ${spells(e, k.word.length)})` : '(i32.const 1)';
    return `(if (i32.and ${spelledEnding} (call $boundary (i32.add (local.get $p) (i32.const ${len})) (local.get $b))) (then ${found(len)}))`;
  });
  return `(if (i32.and ${spelled} ${start}) (then\n        ${endings.join('\n        ')}))`;
}

/** The function $at: each word in the list's order, behind a test of its first letter. */
function atFunction(list) {
  const words = list.map((k) => {
    const test = `(if (i32.eq (local.get $c) (i32.const ${code(k.word, 0)})) (then\n      ${matchWord(k)}))`;
    return `    ;; ${k.word}${k.wholeWord ? ` (whole word${k.endings?.length ? `, also ${k.endings.map((e) => k.word + e).join(', ')}` : ''})` : ''}: ${k.severity}\n    ` +
      (k.severity === 'warning' ? `(if (i32.eqz (local.get $errorsOnly)) (then ${test}))` : test);
  });
  return `  (func $at (param $p i32) (param $a i32) (param $b i32) (param $errorsOnly i32) (result i32)
    (local $c i32)
    (local.set $c (i32.or (i32.load8_u (local.get $p)) (i32.const 0x20)))
${words.join('\n')}
    (i32.const 0))`;
}

/** v128: lanes where one of the words' first three letters start, grouped by first letter. */
function screen(words) {
  const eq = (v, c) => `(i8x16.eq (local.get $v${v}) (i8x16.splat (i32.const ${c})))`;
  const or = (xs) => xs.reduce((x, y) => `(v128.or ${x} ${y})`);
  const groups = new Map();
  for (const w of words) {
    const pairs = groups.get(w[0]) ?? new Set();
    pairs.add(w.slice(1, 3));
    groups.set(w[0], pairs);
  }
  return or([...groups].map(([first, pairs]) =>
    `(v128.and ${eq(0, code(first, 0))} ${or([...pairs].map((p) => `(v128.and ${eq(1, code(p, 0))} ${eq(2, code(p, 1))})`))})`));
}

/** i32: the candidates' bitmask; warning words only when $errorsOnly is 0. */
function candidates(list) {
  const of = (severity) => list.filter((k) => k.severity === severity).map((k) => k.word);
  const errors = of('error'), warnings = of('warning');
  const e = errors.length ? `(i8x16.bitmask ${screen(errors)})` : '(i32.const 0)';
  if (!warnings.length) return e;
  return `(i32.or ${e}\n          (i32.and (i8x16.bitmask ${screen(warnings)}) (i32.sub (local.get $errorsOnly) (i32.const 1))))`;
}

/** kernel.wat with its keyword search generated from `list`. */
export function kernelWat(list = KEYWORDS) {
  checkKeywords(list);
  const template = readFileSync(join(PARSE, 'kernel.wat'), 'utf8');
  const parts = { '  ;; @keywords:at\n': `${atFunction(list)}\n`, ';; @keywords:candidates\n': `${candidates(list)}\n` };
  let out = template;
  for (const [placeholder, text] of Object.entries(parts)) {
    if (out.split(placeholder).length !== 2) throw new Error(`kernel.wat: ${placeholder.trim()} must be there once`);
    out = out.replace(placeholder, () => text);
  }
  return out;
}

/** The kernel's bytes, compiled with wabt (SIMD enabled) from kernel.wat and a keyword list. */
export async function compileKernel(list = KEYWORDS) {
  const wabt = await (await import('wabt')).default();
  const module = wabt.parseWat('kernel.wat', kernelWat(list), { simd: true });
  try {
    module.validate();
    return Buffer.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

async function main() {
  const bytes = await compileKernel();
  const out = join(PARSE, 'kernelWasm.ts');
  writeFileSync(out, `// Generated from kernel.wat and keywords.ts by \`npm run wasm\` (scripts/compile-wasm.mjs): do not edit.\nexport const KERNEL_WASM = '${bytes.toString('base64')}';\n`);
  console.log(`${out}: ${bytes.length} bytes of WebAssembly`);
}

// Run as a script (the tests import it for compileKernel).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
