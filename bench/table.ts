// The table: a view of about 5 million rows (the 100 MB CMTrace bench log merged ten times, so
// the merge order is real), opened, filtered by severity and component (column-only filters:
// target < 300 ms), filtered by text, and paged (a page of 100 rows anywhere, p95: target < 20 ms).
// The ratio's baseline, measured in the same run: one pass over the severity column of every row
// through the same (log, entry) order, the least any filter over those rows can cost.
import type { LogFile } from '../server/src/logFile';
import { TableView, type TableLogSource } from '../server/src/table/view';
import { readLog } from '../server/src/workspace/readLog';
import { ensureLog } from './parse';
import { fmt, gc, median, percentile } from './util';

const COPIES = Number(process.env.BENCH_TABLE_COPIES ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function timedAsync(fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc();
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

export async function benchTable(): Promise<void> {
  const log: LogFile = await readLog(await ensureLog('bench-ccm.log', 'ccm'), { defaultOffset: 0 });
  const sources: TableLogSource[] = Array.from({ length: COPIES }, (_, k) => ({ key: `file:///m${k}/bench-ccm.log`, name: 'bench-ccm.log', log: () => log, reading: () => false }));
  gc();
  let t0 = performance.now();
  const view = new TableView(sources);
  const openMs = performance.now() - t0;
  const rows = view.total;
  console.log(`\n## Table (${COPIES} copies of a ${log.entryCount.toLocaleString('en-US')}-entry log merged: ${rows.toLocaleString('en-US')} rows)`);

  // Baseline: the severity of every row, read through the merge order.
  const sev = log.table.severity;
  const baseMs: number[] = [];
  let sink = 0;
  for (let i = 0; i < RUNS; i++) {
    t0 = performance.now();
    for (let p = 0; p < rows; p++) sink += sev[view.entryAt(p)] + view.logAt(p);
    baseMs.push(performance.now() - t0);
  }
  const base = median(baseMs);
  if (sink < 0) console.log(sink);

  const comps = log.table.components.names;
  const severity = await timedAsync(() => view.setFilter({ severities: ['error', 'warning'] }));
  const sevRows = view.rowCount;
  const component = await timedAsync(() => view.setFilter({ severities: ['error', 'warning', 'information'], components: { exclude: [comps[0]] } }));
  const compRows = view.rowCount;
  const text = await timedAsync(() => view.setFilter({ severities: ['error'], text: { contains: ['0x8'] } }));
  const textRows = view.rowCount;
  await view.setFilter({});
  const page: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = Math.floor(((i * 7919) % 1000) / 1000 * (rows - 100));
    t0 = performance.now();
    view.page(start, 100, undefined, () => 0);
    page.push(performance.now() - t0);
  }
  console.log('table | time | rows | ratio to baseline (one pass over the severity column)');
  console.log(`open (merge order) | ${fmt(openMs)} ms | ${rows} | ${fmt(openMs / base, 1)}`);
  console.log(`baseline | ${fmt(base)} ms | ${rows} | 1.0`);
  console.log(`filter: severity | ${fmt(severity)} ms | ${sevRows} | ${fmt(severity / base, 2)} (target < 300 ms)`);
  console.log(`filter: severity + component | ${fmt(component)} ms | ${compRows} | ${fmt(component / base, 2)} (target < 300 ms)`);
  console.log(`filter: error + text | ${fmt(text)} ms | ${textRows} | ${fmt(text / base, 2)}`);
  console.log(`page of 100 rows | median ${fmt(median(page), 2)} ms, p95 ${fmt(percentile(page, 95), 2)} ms (target p95 < 20 ms)`);
}
