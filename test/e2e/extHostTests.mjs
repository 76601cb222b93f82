// Run the mocha suite (test/e2e/suite, built to index.js) inside code-server's remote extension host.
// code-server's command line rejects --extensionDevelopmentPath/--extensionTestsPath, but the workbench URL
// parameter `payload` carries them. The workbench calls window.codeAutomationExit(code) when the test run
// ends (the hook @vscode/test-web uses); that is the exit code. The server log says 0 even for failures.
import fs from 'node:fs';
import util from 'node:util';

// Workbench chatter forwarded on the same channel; shown only with E2E_VERBOSE=1.
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|ChatSessionStore|Updating additional builtin|\[Service Worker\]|\[lifecycle\])/;

export async function runExtensionHostTests({ browser, url, workspace, extensionDevelopmentPath, extensionTestsPath,
  resultsFile, timeoutMs = 180_000, log = console.log }) {
  const authority = new URL(url).host;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDevelopmentPath}`],
    ['extensionTestsPath', `vscode-remote://${authority}${extensionTestsPath}`],
  ]);
  fs.rmSync(resultsFile, { force: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  // Extension-host console output (mocha's reporter) reaches the page console as ('%c INFO', css, fmt, ...args).
  page.on('console', async (m) => {
    const a = await Promise.all(m.args().map((x) => x.jsonValue().catch(() => '?')));
    if (typeof a[0] === 'string' && /^%c\s+(INFO|ERR|WARN)/.test(a[0]) && a.length > 2) {
      for (const line of util.format(...a.slice(2)).split('\n')) {
        if (process.env.E2E_VERBOSE || !NOISE.test(line)) log(`  [exthost] ${line}`);
      }
    }
  });
  let timer;
  let exitCode;
  try {
    let onExit;
    const exited = new Promise((resolve) => { onExit = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
    const t0 = Date.now();
    await page.goto(`${url}/?folder=${encodeURI(workspace)}&payload=${encodeURIComponent(payload)}`);
    exitCode = await Promise.race([
      exited,
      new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); }),
    ]);
    log(`extension host tests ended in ${Date.now() - t0} ms, exit code ${exitCode}`);
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => {});
  }
  let results = null;
  try { results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')); } catch { /* not written */ }
  return { exitCode, results };
}
