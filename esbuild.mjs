// One build for everything that ships: the extension client, the language server and the
// command line, each bundled to a single CommonJS file in dist/. Types are checked by `tsc --noEmit`.
// The extension bundle carries the formats' recognisers only, never the scanner or its
// WebAssembly kernel (test/unit/bundle.test.ts checks its metafile).
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeVsixReadme } from './scripts/vsixReadme.mjs';

export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
};

export const extensionBuild = { entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'], outdir: 'dist' };
// The table's webview runs in a browser: one IIFE script and the stylesheet it imports (with the codicons font
// copied next to it, so dist/ holds all the page loads; the host's CSP allows nothing else).
export const webviewBuild = {
  entryPoints: { webview: 'client/webview/main.ts' },
  outdir: 'dist', platform: 'browser', target: 'chrome114', format: 'iife', loader: { '.ttf': 'file' }, assetNames: '[name]',
};
// The webview tests' fake host (test/webview/fakeHost.js) for harness.html: it answers with the server's own
// table modules (firstPage, keptRows, timedEnd), bundled for the page. Built by browser.test.mjs itself, never shipped.
export const fakeHostBuild = {
  entryPoints: { fakeHost: 'test/webview/fakeHost.js' }, outdir: 'out/webview', platform: 'browser', target: 'chrome114', format: 'iife',
};
const serverBuild = { entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts', parseWorker: 'server/src/workspace/parseWorker.ts', checkWorker: 'server/src/cli/checkWorker.ts' }, outdir: 'dist' };

async function main() {
  const watch = process.argv.includes('--watch');
  const production = process.argv.includes('--production');
  const mode = { sourcemap: !production, minify: production };
  const builds = [extensionBuild, serverBuild, webviewBuild];
  // The benchmark measures the bundled code, as it ships (not a per-module transpile); its server
  // is the shipped one on the test runtime, for the work counts.
  if (process.argv.includes('--bench')) builds.splice(0, builds.length, { entryPoints: { bench: 'bench/index.ts', testServer: 'test/support/testServer.ts', parseWorker: 'server/src/workspace/parseWorker.ts' }, outdir: 'out' });

  const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...mode, ...b })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
  } else {
    await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
    // The README the VSIX ships, with its images inside (see scripts/vsixReadme.mjs).
    if (!process.argv.includes('--bench')) writeVsixReadme(path.dirname(fileURLToPath(import.meta.url)));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
