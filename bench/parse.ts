// Parse throughput and model memory on 100 MB logs of both formats, against a baseline measured
// in the same process: decode the file to a string and count its record terminators.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../server/src/logFile';
import { generateLog } from './generate';
import { decodeAndCount, fmt, gc, MB, median, ms, used } from './util';

/** Where the generated logs are: beside this file, or BENCH_DATA (for a bundle built elsewhere). */
export const DATA = process.env.BENCH_DATA ?? path.resolve(__dirname, '..', 'bench', '.data');
const SIZE = Number(process.env.BENCH_MB ?? 100) * MB;
/** Runs per measurement; the figures are medians. */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** The targets: speed against the baseline, and model memory against the file size. */
const MIN_RATIO = 0.4;
const MAX_MODEL = 0.25;

export async function ensureLog(name: string, format: 'ccm' | 'sms', size = SIZE, seed = 1, bias: number | null = 420): Promise<string> {
  mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, name);
  if (!existsSync(file) || Math.abs(statSync(file).size - size) > MB) await generateLog(file, format, size, seed, bias);
  return file;
}

export async function benchParse(): Promise<void> {
  console.log(`\n## Parse (${SIZE / MB} MB per format; medians of ${RUNS} runs, baseline and parse alternating)`);
  console.log(`Targets: parse at least ${MIN_RATIO} of the baseline's throughput; model beyond the text at most ${MAX_MODEL} of the file size.`);
  console.log('format | baseline MB/s | parse MB/s | ratio to baseline | entries | model beyond text / file size | heap+buffers growth / file size | targets');
  for (const [format, terminator] of [['ccm', ']LOG]!>'], ['sms', '$$<']] as const) {
    const file = await ensureLog(`bench-${format}.log`, format);
    const bytes = readFileSync(file);
    // Alternating, so that load that comes and goes on the machine hits both alike.
    let terminators = 0;
    const base: number[] = [], parse: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      base.push(ms(() => { terminators = decodeAndCount(bytes, terminator); }));
      parse.push(ms(() => LogFile.fromBytes(bytes)));
    }
    gc();
    const before = used();
    const log = LogFile.fromBytes(bytes);
    gc();
    const growth = used() - before;
    const model = (log.table.byteSize() + log.spans.count * 24) / bytes.length;
    const mbps = (t: number) => bytes.length / MB / (t / 1000);
    const ratio = median(base) / median(parse);
    const targets = `ratio ${ratio >= MIN_RATIO ? 'met' : 'NOT met'} (>= ${MIN_RATIO}), memory ${model <= MAX_MODEL ? 'met' : 'NOT met'} (<= ${MAX_MODEL})`;
    console.log(`${format} | ${fmt(mbps(median(base)))} | ${fmt(mbps(median(parse)))} | ${fmt(ratio, 2)} | ${log.entryCount} | ${fmt(model, 3)} | ${fmt(growth / bytes.length, 2)} | ${targets}`);
    if (log.entryCount < terminators * 0.99) console.log(`  (!) ${format}: ${log.entryCount} entries for ${terminators} terminators`);
  }
}
