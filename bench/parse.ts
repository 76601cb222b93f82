// Parse throughput and model memory on 100 MB logs of both formats, against a baseline measured
// in the same process: decode the file to a string and count its record terminators.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../server/src/logFile';
import { generateLog } from './generate';
import { fmt, gc, MB, timed, used } from './util';

export const DATA = path.resolve(__dirname, '..', 'bench', '.data');
const SIZE = Number(process.env.BENCH_MB ?? 100) * MB;

export async function ensureLog(name: string, format: 'ccm' | 'sms', size = SIZE, seed = 1, bias: number | null = 420): Promise<string> {
  mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, name);
  if (!existsSync(file) || Math.abs(statSync(file).size - size) > MB) await generateLog(file, format, size, seed, bias);
  return file;
}

function baseline(bytes: Buffer, terminator: string): number {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  let n = 0;
  for (let i = text.indexOf(terminator); i >= 0; i = text.indexOf(terminator, i + terminator.length)) n++;
  return n;
}

export async function benchParse(): Promise<void> {
  console.log(`\n## Parse (${SIZE / MB} MB per format; median of 3 runs)`);
  console.log('format | baseline MB/s | parse MB/s | ratio to baseline | entries | model beyond text / file size | heap+buffers growth / file size');
  for (const [format, terminator] of [['ccm', ']LOG]!>'], ['sms', '$$<']] as const) {
    const file = await ensureLog(`bench-${format}.log`, format);
    const bytes = readFileSync(file);
    const base = timed(3, () => baseline(bytes, terminator));
    const parsed = timed(3, () => LogFile.fromBytes(bytes));
    gc();
    const before = used();
    const log = LogFile.fromBytes(bytes);
    gc();
    const growth = used() - before;
    const model = log.table.byteSize() + log.spans.count * 24;
    const mbps = (ms: number) => bytes.length / MB / (ms / 1000);
    console.log(`${format} | ${fmt(mbps(base.ms))} | ${fmt(mbps(parsed.ms))} | ${fmt(base.ms / parsed.ms, 2)} | ${log.entryCount} | ${fmt(model / bytes.length, 3)} | ${fmt(growth / bytes.length, 2)}`);
    if (log.entryCount < base.result * 0.99) console.log(`  (!) ${format}: ${log.entryCount} entries for ${base.result} terminators`);
  }
}
