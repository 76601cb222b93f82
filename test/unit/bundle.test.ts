// The extension's bundle: the client detects logs by the formats' recognisers alone, so it must
// not carry the scanner, its WebAssembly kernel or the model (they ship in the server's bundle).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

test('the extension bundle holds the recognisers but not the scanner or the kernel', async () => {
  const config = await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href);
  const result = await esbuild.build({ ...config.common, ...config.extensionBuild, absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent' });
  const inputs = Object.keys(result.metafile!.inputs).map((p) => p.replace(/\\/g, '/'));
  // What must be in: the registry, else this test would pass on a bundle that lost detection.
  assert.ok(inputs.includes('server/src/parse/formats/index.ts'), 'the formats registry is bundled');
  for (const banned of ['server/src/parse/scan.ts', 'server/src/parse/kernelWasm.ts', 'server/src/parse/kernel.ts', 'server/src/logFile.ts']) {
    assert.ok(!inputs.includes(banned), `${banned} is not in the extension bundle`);
  }
  const js = result.outputFiles!.find((f) => f.path.endsWith('extension.js'))!.text;
  assert.ok(!/kernelWasm|WebAssembly/.test(js), 'no WebAssembly in the extension bundle');
});
