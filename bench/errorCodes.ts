// Error code lookup: the time per code (a Map built once from the generated table, so O(1)), the
// one-time cost of building it, and what the table adds to the shipped server bundle (target:
// under 300 KB), measured by bundling the server with and without it.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describeErrorCode } from '../server/src/knowledge/errorCodes';
import { decodeHeaderNames, headerName } from '../server/src/knowledge/errorCodeNames';
import { fmt, median } from './util';

const MAX_TABLE_BYTES = 300 * 1024;
const ROOT = path.resolve(__dirname, '..');
const GENERATED = /errorCodeNames\.generated\.ts$/;

/** Minified server bundle size in bytes, with the generated table or with an empty one. */
async function serverBundleBytes(withTable: boolean): Promise<number> {
  // Loaded at run time, not bundled into the bench: esbuild is a native tool.
  const esbuild = createRequire(__filename)('esbuild') as typeof import('esbuild');
  const empty = { name: 'empty-error-table', setup(b: import('esbuild').PluginBuild) {
    b.onLoad({ filter: GENERATED }, () => ({ contents: "export const COUNT = 0; export const VALUES = ''; export const NAMES = '';", loader: 'ts' }));
  } };
  const r = await esbuild.build({
    entryPoints: [path.join(ROOT, 'server/src/server.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    minify: true, write: false, logLevel: 'silent', plugins: withTable ? [] : [empty],
  });
  return r.outputFiles.reduce((n, f) => n + f.contents.length, 0);
}

function nsPerLookup(values: Uint32Array, fn: (v: number) => unknown): number {
  const runs: number[] = [];
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < values.length; i++) if (fn(values[i]!) !== undefined) sink++;
    runs.push(((performance.now() - t0) * 1e6) / values.length);
  }
  if (sink < 0) console.log(sink);
  return median(runs);
}

export async function benchErrorCodes(): Promise<void> {
  console.log('\n## Error code lookup (medians of 5 runs)');
  const t0 = performance.now();
  const table = decodeHeaderNames();
  const buildMs = performance.now() - t0;
  const known = [...table.keys()];
  // The same number of lookups over the first, the middle and the last values: equal times = O(1).
  const N = 200_000;
  const slice = (from: number) => Uint32Array.from({ length: N }, (_, i) => known[from + (i % 100)]!);
  nsPerLookup(slice(0), headerName); // warm-up, so the first spot is not timed cold
  const spots = [0, Math.floor(known.length / 2), known.length - 100].map((from) => nsPerLookup(slice(from), headerName));
  let seed = 7;
  const random = Uint32Array.from({ length: N }, () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0));
  const describe = nsPerLookup(random.subarray(0, 50_000), (v) => describeErrorCode(v).name);
  const [withTable, without] = [await serverBundleBytes(true), await serverBundleBytes(false)];
  const added = withTable - without;
  console.log('names | table built once (ms) | name lookup ns (first / middle / last values) | full describe per code (ns) | server bundle KB with / without table | table adds | target');
  console.log(`${table.size} | ${fmt(buildMs)} | ${spots.map((s) => fmt(s)).join(' / ')} | ${fmt(describe)} | ${fmt(withTable / 1024)} / ${fmt(without / 1024)} | ${fmt(added / 1024)} KB | ${added < MAX_TABLE_BYTES ? 'met' : 'NOT met'} (< ${MAX_TABLE_BYTES / 1024} KB)`);
}
