#!/usr/bin/env node
// Compiles server/src/parse/kernel.wat into server/src/parse/kernelWasm.ts (`npm run wasm`):
// the kernel ships inside the bundles as base64, so the language server, the command line, the
// parse worker and the tests load it the same way, with no file beside them. The unit tests
// compile the .wat again (compileKernel) and check the result is what is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PARSE = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src', 'parse');

/** The kernel's bytes, compiled from kernel.wat with wabt (SIMD enabled). */
export async function compileKernel() {
  const wabt = await (await import('wabt')).default();
  const path = join(PARSE, 'kernel.wat');
  const module = wabt.parseWat(path, readFileSync(path, 'utf8'), { simd: true });
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
  writeFileSync(out, `// Generated from kernel.wat by \`npm run wasm\` (scripts/compile-wasm.mjs): do not edit.\nexport const KERNEL_WASM = '${bytes.toString('base64')}';\n`);
  console.log(`${out}: ${bytes.length} bytes of WebAssembly`);
}

// Run as a script (the tests import it for compileKernel).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
