// Bundle the extension-host mocha suite (test/e2e/suite/*.ts) with the repo's esbuild:
// <outdir>/index.js (the extensionTestsPath) plus one <name>.test.js per test file.
// `vscode` is provided by the extension host; `mocha` is left external and resolves from <repo>/node_modules
// (outdir must be inside the repo for that, which .cache/... is).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO, RUN_DIR } from './codeServer.mjs';

export const SUITE_SRC = path.join(REPO, 'test/e2e/suite');

export async function buildSuite(outdir = path.join(RUN_DIR, 'suite')) {
  const esbuild = createRequire(path.join(REPO, 'package.json'))('esbuild');
  fs.rmSync(outdir, { recursive: true, force: true });
  const tests = fs.readdirSync(SUITE_SRC).filter((f) => f.endsWith('.test.ts'));
  const entryPoints = Object.fromEntries([
    ['index', path.join(SUITE_SRC, 'index.ts')],
    ...tests.map((f) => [f.replace(/\.ts$/, ''), path.join(SUITE_SRC, f)]),
  ]);
  await esbuild.build({
    entryPoints, outdir, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
  });
  return { outdir, index: path.join(outdir, 'index.js'), tests: tests.map((f) => f.replace(/\.ts$/, '.js')) };
}
