// Entry point of the extension-host test suite, in the shape @vscode/test-electron (and the workbench's
// extensionTestsPath) expects: `run(): Promise<void>`, rejecting when any test failed.
// Built by test/e2e/buildSuite.mjs into <outdir>/index.js next to one <name>.test.js per test file;
// mocha itself is not bundled (it is resolved from the repo's node_modules at run time).
// A machine-readable summary goes to $E2E_RESULTS_FILE or <outdir>/results.json for the orchestrator.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const resultsFile = process.env.E2E_RESULTS_FILE ?? path.join(__dirname, 'results.json');
  const results: TestResult[] = [];

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const summary = {
          passed: results.filter((r) => r.state === 'passed').length,
          failed: results.filter((r) => r.state === 'failed').length,
          pending: results.filter((r) => r.state === 'pending').length,
          files,
          tests: results,
        };
        try { fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 2)); } catch (e) {
          console.error(`could not write ${resultsFile}: ${String(e)}`);
        }
        if (failures > 0 || files.length === 0) {
          reject(new Error(files.length === 0 ? `no *.test.js files next to ${__filename}` : `${failures} test(s) failed`));
        } else {
          resolve();
        }
      });
      runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
      runner.on('fail', (t, err: Error) => results.push({
        title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: err?.stack ?? String(err),
      }));
    } catch (e) {
      reject(e);
    }
  });
}
