// What an error code is: its forms, its bit fields, and (where a source gives it) its name and
// meaning. One set of facts, rendered as Markdown (hovers, "CMLog: Look Up Error Code") or as
// plain text / JSON (`cmlog lookup`). Pure.
import { namedAndMore } from './logLabel';
import { codeFamily, type CodeFamily, describeErrorCode, formatHex, parseErrorCode, type ErrorCodeInfo } from '../knowledge/errorCodes';
import { describeMsiMessage } from '../knowledge/msiMessages';
import { describePsadtExitCode } from '../knowledge/psadtExitCodes';

export interface ErrorCodeFacts {
  info: ErrorCodeInfo;
  /** Label/value pairs in display order (no Markdown). */
  fields: { label: string; value: string }[];
  /** One sentence on how the value is built (facility, wrapped Win32 code, ...). */
  decoded: string;
  /** Name and meaning with its source, or null when no trusted source knows the value. */
  known: { name: string | null; meaning: string; source: string } | null;
  /** When no meaning is written here: the symbol name alone, from the Windows headers. */
  named: { name: string; source: string } | null;
  /** When neither: whose range the code is in and which of its neighbours are described (see codeFamily). */
  family: CodeFamily | null;
}

/** `Codes 0x87D0xxxx are ...; no source here describes this one (described of that range: 0x87D0027E, ... and 2 more).` */
function familyText(fam: CodeFamily): string {
  return `Codes ${fam.range} are ${fam.name}; no source here describes this one (described of that range: ${namedAndMore(fam.described.map(formatHex), 3)}).`;
}

const hex4 = (n: number) => '0x' + n.toString(16).toUpperCase().padStart(4, '0');

export function errorCodeFacts(value: number): ErrorCodeFacts {
  const info = describeErrorCode(value);
  const fields: { label: string; value: string }[] = [
    { label: 'Hex', value: info.hex },
    { label: 'Unsigned decimal', value: String(info.unsigned) },
    { label: 'Signed decimal', value: String(info.signed) },
  ];
  let decoded: string;
  if (info.kind === 'win32') {
    decoded = `A plain Win32 error code ${info.code}; as an HRESULT it is written 0x8007${info.code.toString(16).toUpperCase().padStart(4, '0')}.`;
    fields.push({ label: 'Win32 code', value: `${info.code} (${hex4(info.code)})` });
  } else {
    fields.push({ label: 'Severity bit', value: info.isFailure ? '1 (failure)' : '0 (success)' });
    fields.push({ label: 'Facility', value: `${info.facility}${info.facilityName ? ` (${info.facilityName})` : ' (not listed in [MS-ERREF])'}` });
    fields.push({ label: 'Code', value: `${info.code} (${hex4(info.code)})` });
    if (info.customer) fields.push({ label: 'Customer bit', value: '1 (defined by a vendor, not by Microsoft)' });
    if (info.ntStatusMapped) fields.push({ label: 'N bit', value: `1 (an NTSTATUS mapped to an HRESULT: 0x${(info.ntStatus ?? 0).toString(16).toUpperCase().padStart(8, '0')})` });
    if (info.win32 && info.facility === 7) {
      decoded = `An HRESULT of facility 7 (FACILITY_WIN32) wrapping Win32 error code ${info.win32.code} (0x8007xxxx = Win32 code xxxx).`;
      fields.push({ label: 'Win32 code', value: `${info.win32.code}${info.win32.name ? ` (${info.win32.name})` : ''}` });
    } else {
      decoded = `An HRESULT: ${info.isFailure ? 'failure' : 'success'}, facility ${info.facility}${info.facilityName ? ` (${info.facilityName})` : ''}, code ${info.code}${info.customer ? ', vendor-defined (customer bit set)' : ''}.`;
    }
  }
  const known = info.known && info.meaning !== undefined
    ? { name: info.name ?? null, meaning: info.meaning, source: info.source ?? 'unknown source' }
    : null;
  const named = known === null && info.name !== undefined ? { name: info.name, source: info.source ?? 'unknown source' } : null;
  const family = (known === null && named === null && codeFamily(info.value)) || null;
  return { info, fields, decoded, known, named, family };
}

const NAME_ONLY = 'no meaning is written for this value here; the name is what the Windows headers call it.';
const UNKNOWN = 'no source this extension trusts gives a name or meaning for this value, so none is claimed.';

/** Markdown for a code value (our own text only: nothing here comes from a log). */
export function explainErrorCodeValue(value: number): string {
  const f = errorCodeFacts(value);
  const lines = [
    `**Error code ${f.info.hex}**`,
    '',
    '| | |',
    '|---|---|',
    ...f.fields.map((x) => `| ${x.label} | \`${x.value}\` |`),
    '',
    f.decoded,
    '',
    f.known
      ? `${f.known.name ? `**${f.known.name}**: ` : ''}${f.known.meaning}\n\n*Source: ${f.known.source}*`
      : f.named
        ? `**${f.named.name}**: ${NAME_ONLY}\n\n*Source: ${f.named.source}*`
        : `**Unknown**: ${UNKNOWN}${f.family ? `\n\n${familyText(f.family)}` : ''}`,
  ];
  return lines.join('\n');
}

/**
 * Markdown for a script's exit code that is also one of PSADT's own (60001) or in a range PSADT
 * gives the script's author; null otherwise. Our own text and the number only.
 */
export function psadtExitCodeMarkdown(value: number): string | null {
  const p = describePsadtExitCode(value);
  return p ? `**As a PSADT exit code ${p.code}**: ${p.meaning}\n\n*Source: ${p.source}*` : null;
}

/**
 * Plain text of the same (for the command line), saying whose code it is: the toolkit's own, or
 * one the script's author chose. Beside errorCodeText's Windows reading, hence "not the code above".
 */
export function psadtExitCodeText(value: number): string | null {
  const p = describePsadtExitCode(value);
  if (!p) return null;
  const whose = p.owner === 'toolkit' ? 'is one of the toolkit\'s own codes' : 'is a code of the deployment script\'s author';
  return `As the exit code of a PowerShell App Deployment Toolkit (PSADT) deployment, ${p.code} ${whose}, not the code above:\n` +
    `  ${p.meaning}\nSource: ${p.source}`;
}

/**
 * A Markdown command link that opens "CMLog: Look Up Error Code" for `value`. Built from the number
 * alone (never from log text): the argument is its `0x` form, JSON-encoded as VS Code expects.
 */
export function lookupLink(value: number, command: string, decimal = false): string {
  // A script's exit code is looked up as written (decimal), so the lookup says its decimal readings too.
  const code = decimal ? String(value) : formatHex(value);
  return `[Look up ${code}](command:${command}?${encodeURIComponent(JSON.stringify([code]))} "CMLog: Look Up Error Code")`;
}

/**
 * Markdown for "CMLog: Look Up Error Code": null when `text` is not a code. A number typed in
 * decimal may also be a Windows Installer message (`Error 1722.`) or a PSADT exit code (60001): both
 * are said after the Windows reading, as `cmlog lookup` says them.
 */
export function explainErrorCode(text: string): string | null {
  const value = parseErrorCode(text);
  if (value === undefined) return null;
  const decimal = /^-?\d+$/.test(text.trim());
  const also = decimal ? [msiMessageMarkdown(value), psadtExitCodeMarkdown(value)].filter((x) => x !== null) : [];
  return [explainErrorCodeValue(value), ...also].join('\n\n');
}

/** Markdown for the Windows Installer message a decimal number also is (`Error 1722.` in an MSI log); null when none. */
export function msiMessageMarkdown(value: number): string | null {
  const m = describeMsiMessage(value);
  return m ? `**As Windows Installer message ${m.number}** (\`Error ${m.number}.\` in an MSI log): ${m.meaning}\n\n*Source: ${m.source}*` : null;
}

/**
 * Plain text of msiMessageMarkdown (for the command line), beside errorCodeText's Windows reading,
 * hence "not the code above"; null when the number is no Windows Installer message.
 */
export function msiMessageText(value: number): string | null {
  const m = describeMsiMessage(value);
  if (!m) return null;
  return `In a Windows Installer (MSI) log, \`Error ${m.number}.\`, \`Product: ... -- Error ${m.number}.\` and \`Note: 1: ${m.number}\` ` +
    `are Windows Installer message ${m.number}, not the code above (which is what a system call or a program's exit code means):\n` +
    `  ${m.meaning}\nSource: ${m.source}`;
}

/**
 * Markdown for a script's exit code (`exit code [60001]`): PSADT's meaning when it is one of PSADT's
 * codes (no Windows source names a value of PSADT's ranges: its "Unknown" beside the toolkit's
 * meaning read as a contradiction; the lookup says both readings), else the Windows reading.
 */
export function exitCodeMarkdown(value: number): string {
  return psadtExitCodeMarkdown(value) ?? explainErrorCodeValue(value);
}

/** Plain text of the same facts (for the command line). */
export function errorCodeText(value: number): string {
  const f = errorCodeFacts(value);
  const width = Math.max(...f.fields.map((x) => x.label.length)) + 1;
  const out = [`Error code ${f.info.hex}`, ...f.fields.map((x) => `  ${(x.label + ':').padEnd(width)} ${x.value}`), f.decoded];
  if (f.known) {
    out.push(f.known.name ? `${f.known.name}: ${f.known.meaning}` : f.known.meaning);
    out.push(`Source: ${f.known.source}`);
  } else if (f.named) {
    out.push(`${f.named.name}: ${NAME_ONLY}`);
    out.push(`Source: ${f.named.source}`);
  } else {
    out.push(`Unknown: ${UNKNOWN}`);
    if (f.family) out.push(familyText(f.family));
  }
  return out.join('\n');
}
