// Parse throughput of the formats read line by line (issue #17), each on ~20 MB of generated text
// of its shape, against the same baseline as bench/parse.ts measured in the same run: decode the
// bytes to a string and count its line breaks. The target: at least 0.4 of the baseline.
import { LogFile } from '../server/src/logFile';
import { prng } from './generate';
import { decodeAndCount, fmt, MB, median, ms } from './util';

const SIZE = Number(process.env.BENCH_FORMATS_MB ?? 20) * MB;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MIN_RATIO = 0.4;
/** Only these shapes (comma-separated ids), e.g. to compare one format before and after a change. */
const ONLY = process.env.BENCH_FORMATS?.split(',');

const WORDS = ['Exec', 'Processing', 'package', 'Windows', 'Update', 'install', 'state', 'content', 'policy', 'session',
  '0x80070005', 'C:\\Windows\\WinSxS\\amd64_foo_31bf3856ad364e35', 'completed', 'value', 'error', 'warning', 'download', 'Contoso'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Each shape: one record's text (ending in a line break) for a clock `t` (ms) and a random source. */
type Shape = (t: number, r: () => number) => string;

function words(r: () => number): string {
  let s = '';
  const target = 40 + Math.floor(r() * 120);
  while (s.length < target) s += (s ? ' ' : '') + WORDS[Math.floor(r() * WORDS.length)];
  return s;
}
const iso = (d: Date, sep = '-') => `${d.getUTCFullYear()}${sep}${pad(d.getUTCMonth() + 1)}${sep}${pad(d.getUTCDate())}`;
const hms = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const asctime = (d: Date) => `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hms(d)} ${d.getUTCFullYear()}`;
const level = (r: () => number, words3: [string, string, string]) => { const x = r(); return x < 0.03 ? words3[2] : x < 0.08 ? words3[1] : words3[0]; };
/** Some records have continuation lines (stack details, dumps). */
const more = (r: () => number) => (r() < 0.05 ? `    at Detail.Line(${Math.floor(r() * 1000)})\r\n` : '');

export const SHAPES: [string, Shape][] = [
  ['cbs', (t, r) => { const d = new Date(t); return `${iso(d)} ${hms(d)}, ${level(r, ['Info', 'Warning', 'Error']).padEnd(22)}CBS    ${words(r)}\r\n${more(r)}`; }],
  ['psadt', (t, r) => { const d = new Date(t); return `[${iso(d)} ${hms(d)}.${pad(d.getUTCMilliseconds(), 3)}] [Installation] [Start-ADTMsiProcess] [${level(r, ['Info', 'Warning', 'Error'])}] :: ${words(r)}\r\n`; }],
  ['wu', (t, r) => { const d = new Date(t); return `${iso(d, '/')} ${hms(d)}.${pad(d.getUTCMilliseconds(), 3)}0000 3696  8172  Agent           ${words(r)}\r\n`; }],
  ['setup', (t, r) => `<${asctime(new Date(t))}> ${words(r)}\r\n${more(r)}`],
  ['portal', (t, r) => { const d = new Date(t); return `${iso(d)}T${hms(d)}.${pad(d.getUTCMilliseconds(), 3)}0000Z  ${level(r, ['INFO', 'WARN', 'ERROR'])}  ${words(r)}\r\n`; }],
  ['inventory', (t, r) => `[${asctime(new Date(t))}][8604] - ${words(r)}\r\n${more(r)}`],
  ['intunemac', (t, r) => { const d = new Date(t); return `${iso(d)} ${hms(d)}:${pad(d.getUTCMilliseconds(), 3)} | IntuneMDM-Daemon | ${level(r, ['I', 'W', 'E'])} | 89007856 | AppInstall | ${words(r)}\n`; }],
  ['msi', (t, r) => {
    const d = new Date(t);
    const x = r();
    if (x < 0.05) return `Action start ${hms(d)}: InstallFiles.\r\n`;
    if (x < 0.08) return `Property(S): Prop${Math.floor(r() * 1000)} = ${words(r)}\r\n`;
    return `MSI (s) (7C:2C) [${hms(d)}:${pad(d.getUTCMilliseconds(), 3)}]: ${words(r)}\r\n${more(r)}`;
  }],
];

export function generate(id: string, shape: Shape): string {
  const r = prng(17);
  const parts: string[] = [];
  let n = 0;
  let t = Date.UTC(2024, 0, 15, 8);
  if (id === 'msi') parts.push('=== Verbose logging started: 1/15/2024  8:00:00  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===\r\n');
  while (n < SIZE) {
    t += Math.floor(r() * 2000);
    const s = shape(t, r);
    parts.push(s);
    n += s.length;
  }
  return parts.join('');
}

export async function benchFormats(): Promise<void> {
  console.log(`\n## Line formats (${SIZE / MB} MB of each shape; medians of ${RUNS} runs after one warm-up, baseline and parse alternating)`);
  console.log(`Target: parse at least ${MIN_RATIO} of the baseline's throughput (decode and count line breaks).`);
  console.log('format | encoding | baseline MB/s | parse MB/s | ratio to baseline | entries | unparsed spans | target');
  for (const [id, shape] of SHAPES) {
    if (ONLY && !ONLY.includes(id)) continue;
    const text = generate(id, shape);
    const encodings = id === 'msi' ? (['utf-8', 'utf-16le'] as const) : (['utf-8'] as const);
    for (const encoding of encodings) {
      const bytes = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const base: number[] = [], parse: number[] = [];
      // One run first, not counted: each format's reader is new code to the JIT here, where a
      // server that has read a log of it is warm (the CMTrace rows share code with every log).
      let log: LogFile | undefined = LogFile.fromBytes(bytes);
      for (let i = 0; i < RUNS; i++) {
        base.push(ms(() => decodeAndCount(encoding === 'utf-8' ? bytes : bytes.subarray(2), '\n', encoding)));
        parse.push(ms(() => { log = LogFile.fromBytes(bytes); }));
      }
      const mbps = (t: number) => bytes.length / MB / (t / 1000);
      const ratio = median(base) / median(parse);
      const wrong = log!.format !== id ? ` (!) read as ${log!.format}` : '';
      console.log(`${id} | ${encoding} | ${fmt(mbps(median(base)))} | ${fmt(mbps(median(parse)))} | ${fmt(ratio, 2)} | ${log!.entryCount} | ${log!.spans.count} | ${ratio >= MIN_RATIO ? 'met' : 'NOT met'} (>= ${MIN_RATIO})${wrong}`);
      log = undefined;
    }
  }
}
