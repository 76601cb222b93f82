// `cmlog lookup CODE`: what an error code is (forms, facility, Win32 code, name and meaning with its
// source), the same facts as the editor's hover and "CMLog: Look Up Error Code".
import { errorCodeFacts, errorCodeText, msiMessageText, psadtExitCodeText } from '../explain/errorCode';
import { formatHex, parseErrorCode } from '../knowledge/errorCodes';
import { describeMsiMessage, type MsiMessageInfo } from '../knowledge/msiMessages';
import { describePsadtExitCode, type PsadtExitCode } from '../knowledge/psadtExitCodes';
import { oneOf, parseArgs, UsageError } from './args';
import type { Command } from './common';
import { jsonText } from './escape';

export const lookupCommand: Command = {
  name: 'lookup',
  synopsis: `lookup [--format text|json] CODE
      explain an error code: 0x80070005, -2147024891, 2147942405, a Win32 code such as 5,
      or HRESULT_FROM_WIN32(5) (= 0x80070005)
      (digits without 0x, such as 80070005, can be hex or decimal: both readings are shown)`,
  readsLogs: false,
  exitStatus: '0 explained (also a code no source describes), 2 usage error or not an error code',
  async run(argv, io) {
    // Only `--name` is an option, so a negative decimal (`cmlog lookup -2147024891`) is the CODE.
    const args = parseArgs(argv, ['format'], []);
    const positional = args.positional;
    const format = oneOf(args.options.get('format'), ['text', 'json'] as const, 'format', 'text');
    if (positional.length !== 1) throw new UsageError('lookup: give exactly one CODE');
    const text = positional[0]!;
    const found = readings(text);
    if (found.length === 0) {
      throw new UsageError(`lookup: '${text}' is not an error code (use 0x + up to 8 hex digits, or a decimal)`);
    }
    if (format === 'json') {
      const [likely, ...others] = found.map(factsJson);
      io.out(jsonText({ input: text, ambiguous: others.length > 0, ...likely, alternatives: others }, 2));
    } else if (found.length === 1) {
      io.out(readingText(found[0]!));
    } else {
      const [likely, other] = found as [Reading, Reading];
      io.out(`'${text}' is ambiguous: written without 0x, it reads as ${name(likely)} or as ${name(other)}.`);
      io.out(`${likely.why} Write 0x${text.trim()} for the hexadecimal reading alone, +${text.trim()} for the decimal one.`);
      for (const r of found) io.out(`\nAs ${name(r)}${r === likely ? ' (likely)' : ''}:\n${readingText(r)}`);
    }
    return 0;
  },
};

interface Reading {
  readAs: 'hex' | 'decimal';
  value: number;
  /** For the likely reading of an ambiguous code: why it is the likely one. */
  why: string;
}

const name = (r: Reading) => (r.readAs === 'hex' ? `hexadecimal ${formatHex(r.value)}` : `decimal ${r.value}`);

/**
 * The ways `text` reads as a code, the likely one first; empty when it is none. Digits alone read
 * two ways when the readings differ: eight of them are an HRESULT as logs write it (`80070005`),
 * fewer are usually a decimal Win32 or exit code (`1603`). Hex digits with a letter are hex.
 */
export function readings(text: string): Reading[] {
  const t = text.trim();
  if (/^\d{1,8}$/.test(t) && parseInt(t, 16) !== parseInt(t, 10)) {
    const hex: Reading = { readAs: 'hex', value: parseInt(t, 16) >>> 0, why: '' };
    const dec: Reading = { readAs: 'decimal', value: parseInt(t, 10), why: '' };
    if (t.length === 8) {
      hex.why = 'Eight digits are most likely an HRESULT written in hexadecimal, as logs write them.';
      return [hex, dec];
    }
    dec.why = 'Fewer than eight digits are most likely a decimal Win32 error or exit code.';
    return [dec, hex];
  }
  if (/^[0-9A-Fa-f]{1,8}$/.test(t) && /[A-Fa-f]/.test(t)) return [{ readAs: 'hex', value: parseInt(t, 16) >>> 0, why: '' }];
  const value = parseErrorCode(t);
  if (value === undefined) return [];
  return [{ readAs: /^0x/i.test(t) ? 'hex' : 'decimal', value, why: '' }];
}

/**
 * The Windows Installer message a decimal reading also is, if any: MSI writes its message numbers
 * in decimal (`Error 1722.`), and they are a list of their own (knowledge/msiMessages.ts), so
 * `lookup 1722` has two meanings and says where each applies.
 */
function msiMessageOf(r: Reading): MsiMessageInfo | undefined {
  return r.readAs === 'decimal' ? describeMsiMessage(r.value) : undefined;
}


/** The PSADT exit code a decimal reading also is (60001: the toolkit's own), if any: a script's exit code is written in decimal. */
function psadtExitCodeOf(r: Reading): PsadtExitCode | undefined {
  return r.readAs === 'decimal' ? describePsadtExitCode(r.value) : undefined;
}

function readingText(r: Reading): string {
  const msi = msiMessageOf(r) && msiMessageText(r.value);
  const psadt = psadtExitCodeOf(r) && psadtExitCodeText(r.value);
  return errorCodeText(r.value) + (msi ? '\n\n' + msi : '') + (psadt ? '\n\n' + psadt : '');
}

function factsJson(r: Reading) {
  const f = errorCodeFacts(r.value);
  const msi = msiMessageOf(r);
  const psadt = psadtExitCodeOf(r);
  return {
    readAs: r.readAs,
    ...f.info,
    decoded: f.decoded,
    known: f.known !== null,
    name: f.known?.name ?? f.named?.name ?? null,
    meaning: f.known?.meaning ?? null,
    source: f.known?.source ?? f.named?.source ?? null,
    family: f.family && { range: f.family.range, name: f.family.name, described: f.family.described.map(formatHex) },
    // In an MSI log the number is this message instead (see msiMessageOf).
    msiMessage: msi ? { number: msi.number, meaning: msi.meaning, source: msi.source } : null,
    // As a PSADT deployment's exit code, the toolkit's meaning instead (see psadtExitCodeOf).
    psadtExitCode: psadt ? { code: psadt.code, owner: psadt.owner, meaning: psadt.meaning, source: psadt.source } : null,
  };
}
