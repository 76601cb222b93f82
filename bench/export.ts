// `cmlog export` throughput: MB/s of log in and rows/s out, against the baseline of bench/parse.ts
// (decode the file and count its record terminators), measured in the same run. The rows go to a
// sink that drops them, so the figure is cmlog's cost, not a disk's or a pipe reader's.
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { exportNdjson } from '../server/src/cli/export';
import { LogFile } from '../server/src/logFile';
import { ensureLog } from './parse';
import { fmt, gc, MB, median } from './util';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

export async function benchExport(): Promise<void> {
  console.log(`\n## Export (ndjson; medians of ${RUNS} runs; parse included, output dropped)`);
  console.log('format | baseline MB/s | export MB/s in | rows/s out | output MB / log MB | rows (records counted by the baseline)');
  for (const [format, terminator] of [['ccm', ']LOG]!>'], ['sms', '$$<']] as const) {
    const file = await ensureLog(`bench-${format}.log`, format);
    const bytes = readFileSync(file);
    const base: number[] = [], exp: number[] = [];
    let rows = 0, outBytes = 0, terminators = 0;
    for (let i = 0; i < RUNS; i++) {
      gc();
      let t = performance.now();
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      for (let k = text.indexOf(terminator); k >= 0; k = text.indexOf(terminator, k + terminator.length)) terminators++;
      base.push(performance.now() - t);
      gc();
      outBytes = 0;
      const sink = new Writable({ write(chunk, _e, done) { outBytes += chunk.length; done(); } });
      t = performance.now();
      const log = LogFile.fromBytes(bytes);
      const n = await exportNdjson([{ key: file, name: `bench-${format}.log`, log }], sink, { out: () => {}, err: () => {} });
      exp.push(performance.now() - t);
      rows = n.entries + n.problems;
    }
    const mbps = (ms: number) => bytes.length / MB / (ms / 1000);
    console.log(`${format} | ${fmt(mbps(median(base)))} | ${fmt(mbps(median(exp)))} | ${fmt(rows / (median(exp) / 1000))} | ${fmt(outBytes / bytes.length)} | ${rows} (${terminators / RUNS})`);
  }
}
