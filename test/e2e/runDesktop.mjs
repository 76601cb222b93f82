// `npm run test:vscode`: the same extension-host suite (test/e2e/suite) in a desktop VS Code downloaded by
// @vscode/test-electron. Needs internet access to update.code.visualstudio.com (not available on the build
// machines: use `npm run test:e2e` there) and, on a headless Linux box, a display (e.g. `xvfb-run -a`).
// Env: E2E_VSCODE_VERSION (default 1.99.3, the version code-server 4.99.4 embeds; "stable" for the latest)
//      E2E_EXTENSION_DIR  extension to test instead of the repo
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { REPO, CACHE_DIR } from './codeServer.mjs';
import { buildSuite } from './buildSuite.mjs';
import { buildWorkspace } from './workspace.mjs';

const { runTests } = createRequire(path.join(REPO, 'package.json'))('@vscode/test-electron');
const EXT_DIR = path.resolve(process.env.E2E_EXTENSION_DIR || REPO);
const RUN = path.join(CACHE_DIR, 'e2e-desktop');
const WORKSPACE = path.join(RUN, 'ws');

async function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'package.json'), 'utf8'));
  const main = manifest.main && path.join(EXT_DIR, manifest.main.endsWith('.js') ? manifest.main : `${manifest.main}.js`);
  if (main && !fs.existsSync(main)) {
    const r = spawnSync('npm', ['run', 'build'], { cwd: EXT_DIR, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  fs.rmSync(RUN, { recursive: true, force: true });
  buildWorkspace(WORKSPACE);
  const suite = await buildSuite(path.join(RUN, 'suite'));
  const resultsFile = path.join(suite.outdir, 'results.json');

  let exitCode = 0;
  try {
    await runTests({
      version: process.env.E2E_VSCODE_VERSION || '1.99.3',
      cachePath: path.join(CACHE_DIR, 'vscode-test'),
      extensionDevelopmentPath: EXT_DIR,
      extensionTestsPath: suite.index,
      extensionTestsEnv: { E2E_RESULTS_FILE: resultsFile },
      launchArgs: [
        WORKSPACE,
        '--disable-extensions',   // other installed extensions off; the development extension stays on
        `--user-data-dir=${path.join(RUN, 'user-data')}`,
        `--extensions-dir=${path.join(RUN, 'extensions')}`,
      ],
    });
  } catch (e) {
    console.error(`VS Code test run failed: ${e?.message ?? e}`);
    exitCode = 1;
  }

  let results = null;
  try { results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')); } catch { /* suite never ran */ }
  const passed = results?.passed ?? 0;
  const failed = (results?.failed ?? 0) || (exitCode !== 0 || !results ? 1 : 0);
  for (const t of results?.tests ?? []) if (t.state === 'failed') console.log(`  [suite] ${t.title}: ${t.error?.split('\n')[0]}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
