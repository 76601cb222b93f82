// Realistic synthetic logs for the benchmark, from a fixed seed: 40-200 character messages drawn
// from ConfigMgr-like phrases, some multi-line, some warnings and errors.
import { createWriteStream } from 'node:fs';

/** Mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHRASES = [
  'Starting user delta sync, raise failure status messages = True', 'NotifyAccountAddition - SCCM user to add = user{n}@contoso.com',
  'Total received users to add from SCCM = {n}, Total Successfully added users to Cloud = {n}', 'UserDeltaSync:- Users Added = {n}, Users Removed = 0',
  'Retrieving AAD discovery settings from database', 'Making Graph request https://graph.microsoft.com/v1.0/users/delta?$deltatoken={g}',
  'Policy evaluation for {g} completed with 0x80070005', 'Downloading content for app {g} from https://dp01.contoso.com/sms_dp_smspkg$/{n}',
  'CCM_STS: Validated AAD token. TokenType: Device TenantId: {g}', 'Failed to get AAD token for S-1-5-18 from WAM API. Error 0x800703f0',
  'Warning: state message queue is {n} items long', 'Sending state message for {g}', 'Evaluating rule {n} of policy {g}',
];
const COMPONENTS = ['CloudUserSync', 'SMS_AZUREAD_DISCOVERY_AGENT', 'CcmExec', 'PolicyAgent', 'ContentTransferManager', 'ClientIDManagerStartup'];

function message(r: () => number): string {
  let s = '';
  const target = 40 + Math.floor(r() * 160);
  while (s.length < target) {
    const p = PHRASES[Math.floor(r() * PHRASES.length)];
    s += (s ? '; ' : '') + p.replace(/\{n\}/g, () => String(Math.floor(r() * 1000))).replace(/\{g\}/g, () => guid(r));
  }
  return s.slice(0, target);
}

function guid(r: () => number): string {
  const h = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
  return `${h(8)}-${h(4)}-${h(4)}-${h(4)}-${h(12)}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Writes about `bytes` of log in `format` to `file`; `bias` is the offset written, null for none. */
export async function generateLog(file: string, format: 'ccm' | 'sms', bytes: number, seed: number, bias: number | null = 420, startMs = Date.UTC(2024, 0, 15, 8)): Promise<number> {
  const r = prng(seed);
  const out = createWriteStream(file);
  let written = 0;
  let t = startMs;
  let records = 0;
  let buf: string[] = [];
  let bufLen = 0;
  const off = bias === null ? '' : bias < 0 ? `-${pad(-bias, 3)}` : `+${pad(bias, 3)}`;
  while (written < bytes) {
    t += Math.floor(r() * 2000);
    const d = new Date(t);
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${off}`;
    const date = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${d.getUTCFullYear()}`;
    const x = r();
    const type = x < 0.03 ? 3 : x < 0.08 ? 2 : 1;
    let msg = message(r);
    if (type === 3) msg = 'Failed: ' + msg;
    if (type === 2) msg = 'Warning: ' + msg;
    const comp = COMPONENTS[Math.floor(r() * COMPONENTS.length)];
    const thread = 1000 + Math.floor(r() * 50);
    let line: string;
    if (format === 'ccm') {
      if (r() < 0.02) msg += '\r\n   at Microsoft.ConfigurationManager.Worker.Run()\r\n   at System.Threading.ThreadHelper.ThreadStart()';
      line = `<![LOG[${msg}]LOG]!><time="${time}" date="${date}" component="${comp}" context="" type="${type}" thread="${thread}" file="worker.cpp:${Math.floor(r() * 900)}">\r\n`;
    } else {
      line = `${msg}  $$<${comp}><${date} ${time}><thread=${thread} (0x${thread.toString(16).toUpperCase()})>\r\n`;
    }
    buf.push(line);
    bufLen += line.length;
    records++;
    if (bufLen > 1 << 20) {
      const chunk = buf.join('');
      written += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await new Promise<void>((res) => out.once('drain', () => res()));
      buf = [];
      bufLen = 0;
    }
  }
  const rest = buf.join('');
  written += Buffer.byteLength(rest);
  await new Promise<void>((res, rej) => out.end(rest, () => res()).on('error', rej));
  return records;
}
