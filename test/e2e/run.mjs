// `npm run test:e2e`: end-to-end tests of the extension in a real VS Code 1.99.3 (code-server 4.99.4 + Chromium).
//   1 setup.sh (idempotent)   2 package the extension (.vsix)   3 install it into a fresh extensions dir
//   4 build the fixture workspace (workspace.mjs: samples/ + plain + corpus logs) and hash every file
//   5 start code-server   6 UI checks (ui.mjs), then the extension-host mocha
//   suite (suite/)   7 stop code-server (always)   8 hash the workspace again: any log changed, created or
//   deleted is a failure (read-only proof)   9 print "N passed, N failed"; exit 1 if anything failed.
// Env: E2E_EXTENSION_DIR  extension to test instead of the repo (e.g. a throwaway one)
//      E2E_FEATURES       comma list of feature-gated UI checks to run as well (codelens | all); the others always run
//      E2E_SKIP           comma list of UI check names (or features) to skip, e.g. error-lines-coloured-by-server
//      E2E_DOCS_IMAGES=1  copy the pictures of passing checks (highlighting, Problems, hover, lens) to docs/images/
//      E2E_ONLY           "ui" or "suite" to run one half;  E2E_VERBOSE=1 for check details
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, RUN_DIR, runPaths, startCodeServer, installExtension } from './codeServer.mjs';
import { hostLogErrors } from './hostLog.mjs';
import { ARTIFACTS_DIR, launchBrowser, runUiChecks, enabledFeatures } from './ui.mjs';
import { runExtensionHostTests } from './extHostTests.mjs';
import { buildSuite } from './buildSuite.mjs';
import { buildWorkspace, hashTree, treeChanges } from './workspace.mjs';

const EXT_DIR = path.resolve(process.env.E2E_EXTENSION_DIR || REPO);
const ONLY = process.env.E2E_ONLY ?? '';
const VSIX = path.join(RUN_DIR, 'cmlog-lens.vsix');
const WORKSPACE = path.join(RUN_DIR, 'ws');
const t0 = Date.now();
const secs = (t = t0) => `${((Date.now() - t) / 1000).toFixed(1)}s`;
const log = (m) => console.log(`[e2e ${secs()}] ${m}`);

const outcomes = [];   // { kind: 'ui'|'suite'|'harness', name, ok, reason }

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function packageExtension() {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'package.json'), 'utf8'));
  const main = manifest.main && path.join(EXT_DIR, manifest.main.endsWith('.js') ? manifest.main : `${manifest.main}.js`);
  if (main && !fs.existsSync(main)) {
    if (!manifest.scripts?.build) throw new Error(`${main} is missing and ${EXT_DIR} has no build script`);
    log(`${path.relative(EXT_DIR, main)} missing: npm run build`);
    sh('npm', ['run', 'build'], { cwd: EXT_DIR });
  }
  // --no-rewrite-relative-links: the README the package ships has its images inlined (scripts/vsixReadme.mjs).
  const args = ['package', '--no-dependencies', '--no-rewrite-relative-links', '-o', VSIX, '--skip-license', '--allow-missing-repository'];
  if (!fs.existsSync(path.join(EXT_DIR, '.vscodeignore')) && !manifest.files) {
    log('no .vscodeignore and no "files" in package.json: using test/e2e/vscodeignore.fallback');
    args.push('--ignoreFile', path.join(REPO, 'test/e2e/vscodeignore.fallback'));
  }
  // The repo's own vsce (a devDependency), not `npx` (which could fetch one when cwd is outside the repo).
  sh(process.execPath, [path.join(REPO, 'node_modules/@vscode/vsce/vsce'), ...args], { cwd: EXT_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
  const mb = fs.statSync(VSIX).size / 1e6;
  if (mb > 50) throw new Error(`${VSIX} is ${mb.toFixed(1)} MB: the packaging rules include too much`);
  return manifest;
}

async function main() {
  let server;
  let browser;
  let hashesBefore;
  try {
    log('setup');
    sh('bash', [path.join(REPO, 'test/e2e/setup.sh')]);

    log(`fresh run dir ${path.relative(REPO, RUN_DIR)}; extension under test: ${EXT_DIR}`);
    fs.rmSync(RUN_DIR, { recursive: true, force: true });
    fs.mkdirSync(RUN_DIR, { recursive: true });
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    for (const f of fs.readdirSync(ARTIFACTS_DIR)) if (f.endsWith('.png')) fs.rmSync(path.join(ARTIFACTS_DIR, f));

    let t = Date.now();
    const manifest = packageExtension();
    log(`packaged ${manifest.publisher}.${manifest.name}@${manifest.version} in ${secs(t)}`);

    t = Date.now();
    await installExtension(VSIX);
    log(`installed into ${path.relative(REPO, path.join(RUN_DIR, 'extensions'))} in ${secs(t)}`);

    buildWorkspace(WORKSPACE);
    hashesBefore = hashTree(WORKSPACE);
    log(`workspace ${path.relative(REPO, WORKSPACE)}: ${hashesBefore.size} files hashed`);
    const suite = await buildSuite(path.join(RUN_DIR, 'suite'));
    log(`suite built: ${suite.tests.join(', ')}`);

    t = Date.now();
    server = await startCodeServer({ workspace: WORKSPACE });
    log(`code-server up at ${server.url} (pgid ${server.pgid}) in ${secs(t)}; log ${path.relative(REPO, server.log)}`);
    browser = await launchBrowser();

    if (ONLY !== 'suite') {
      t = Date.now();
      const results = await runUiChecks({ browser, url: server.url, workspace: WORKSPACE, features: enabledFeatures(), log,
        hostErrors: hostLogErrors(path.join(runPaths().userDataDir, 'logs')) });
      for (const r of results) {
        if (r.status === 'skip') log(`skip ui: ${r.name} (${r.reason})`);
        else outcomes.push({ kind: 'ui', name: r.name, ok: r.status === 'pass', reason: r.reason });
      }
      log(`UI checks done in ${secs(t)}; screenshots in ${path.relative(REPO, ARTIFACTS_DIR)}/`);
    }

    if (ONLY !== 'ui') {
      t = Date.now();
      const resultsFile = path.join(suite.outdir, 'results.json');
      const { exitCode, results } = await runExtensionHostTests({
        browser, url: server.url, workspace: WORKSPACE, extensionDevelopmentPath: EXT_DIR,
        extensionTestsPath: suite.index, resultsFile, log,
      });
      for (const r of results?.tests ?? []) {
        if (r.state !== 'pending') outcomes.push({ kind: 'suite', name: r.title, ok: r.state === 'passed', reason: r.error?.split('\n')[0] });
      }
      const reportedFailure = (results?.failed ?? 0) > 0;
      if (!results || (exitCode !== 0 && !reportedFailure)) {
        outcomes.push({ kind: 'suite', name: 'extension-host suite run', ok: false,
          reason: exitCode === 'timeout' ? 'timed out (no codeAutomationExit)' : `exit code ${exitCode}, results ${results ? 'incomplete' : 'missing'}` });
      }
      log(`extension-host suite done in ${secs(t)}`);
    }
  } catch (e) {
    outcomes.push({ kind: 'harness', name: 'harness', ok: false, reason: e?.stack ?? String(e) });
  } finally {
    await browser?.close().catch(() => {});
    if (server) {
      const t = Date.now();
      await server.stop().catch((e) => outcomes.push({ kind: 'harness', name: 'stop code-server', ok: false, reason: String(e) }));
      log(`code-server stopped in ${secs(t)}`);
    }
    if (hashesBefore) {
      // Read-only proof: after the whole run (code-server stopped), every log is byte for byte what was copied.
      let changes;
      try { changes = treeChanges(hashesBefore, hashTree(WORKSPACE)); } catch (e) { changes = [`could not hash: ${e}`]; }
      outcomes.push({ kind: 'harness', name: `workspace unchanged (${hashesBefore.size} files hashed before and after)`,
        ok: changes.length === 0, reason: changes.join(', ') });
      log(changes.length ? `workspace CHANGED: ${changes.join(', ')}` : 'workspace unchanged: no log was written');
    }
  }

  const failed = outcomes.filter((o) => !o.ok);
  const passed = outcomes.length - failed.length;
  if (failed.length) {
    console.log('\nFailures:');
    for (const f of failed) console.log(`  [${f.kind}] ${f.name}: ${f.reason ?? ''}`);
  }
  try {
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS_DIR, 'results.json'), JSON.stringify({
      extension: EXT_DIR, features: [...enabledFeatures()], seconds: (Date.now() - t0) / 1000, outcomes,
    }, null, 2));
  } catch { /* best effort */ }
  console.log(`\ntotal ${secs()}`);
  console.log(`${passed} passed, ${failed.length} failed`);
  return failed.length === 0 && outcomes.length > 0 ? 0 : 1;
}

process.exitCode = await main();
