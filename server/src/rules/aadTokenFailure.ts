// `aad-token-failure`: a client could not get an Azure AD token, so it cannot register with Azure AD
// token authentication, and the site never gets a trusted Azure AD identity for it.
import type { Finding } from '../model';
import { tokenCodesText, tokenFailure, SOURCE_AAD_GROUP_SYNC } from './aad';
import { AAD_CLIENT_LOGS, IME_LOGS, isNamed } from './logSet';
import { RelatedList, STORY_GAP_MS } from './stories';
import { durationText } from './timeText';
import type { Rule } from './types';

export const AAD_TOKEN_FAILURE = 'aad-token-failure';

/** A token retrieved within this time after a failure is reported as a fallback that worked. */
const FALLBACK_WINDOW_MS = 5 * 60_000;
const RETRIEVED_RE = /^\s{0,8}Retrieved\s{1,4}AAD\s{1,4}token\b/i;

export interface AadTokenFailureData {
  kind: 'wam' | 'failed-to-get' | 'code';
  /** Codes on the line, `0x` + 8 hex digits. */
  codes: string[];
  /** 0-based line of a `Retrieved AAD token` shortly after (the fallback worked), or null. */
  fallbackLine: number | null;
}

export const TOKEN_FAILURE_MEANING =
  'Without an Azure AD token the client cannot register with Azure AD token authentication, so the site gets no trusted ' +
  'AADTenantID / AADDeviceID for it (dbo.ClientKeyData) and collection sync to Azure AD groups leaves the device out. ' +
  'Check that the device is (hybrid) Azure AD joined (dsregcmd /status); Windows 10 1709 and older have no device token ' +
  'and use the signed-in user\'s token, which MFA can block.';

/** The hover: what a missing token means for Azure AD registration. */
function explain(f: Finding<AadTokenFailureData>): string {
  const d = f.data;
  const lines: string[] = ['**Azure AD token failure**', ''];
  lines.push('The client could not get an Azure AD token. Azure AD registration with the site needs one: the client presents it to the ' +
    'management point (`CCM_STS`), and only then does the site store a trusted `AADTenantID` / `AADDeviceID` for the device in ' +
    '`dbo.ClientKeyData`. Without it the device is left out of collection sync to Azure AD groups, and user-centric Azure AD scenarios fail.');
  lines.push('');
  lines.push('- Is the device (hybrid) Azure AD joined? Run `dsregcmd /status`.');
  lines.push('- Windows 10 1709 and older have no Azure AD device token: the signed-in user\'s token is used, which multi-factor authentication can block. 1803 and later use the more reliable device token.');
  if (d && Array.isArray(d.codes) && d.codes.length > 0) {
    lines.push(`- The line carries ${d.codes.map((c) => `\`${escapeCode(c)}\``).join(', ')}: hover the code for its decoding.`);
  }
  if (d && typeof d.fallbackLine === 'number') {
    lines.push(`- A token was retrieved soon after (line ${d.fallbackLine + 1}): the client fell back to another token, e.g. the user's. Registration can still work, but only while such a user is signed in.`);
  }
  lines.push('');
  lines.push(`*Source: ${SOURCE_AAD_GROUP_SYNC}; error codes: [MS-ERREF].*`);
  return lines.join('\n');
}

const escapeCode = (s: string) => s.replace(/[^0-9A-Fa-fx]/g, '');

export const aadTokenFailure: Rule<AadTokenFailureData> = {
  id: AAD_TOKEN_FAILURE,
  defaultSeverity: 'warning',
  title: 'Client could not get an Azure AD token',
  explanation:
    'A client or management point log says an Azure AD token could not be obtained (`Failed to get AAD token ...`, ' +
    '`WAM token request failed ...`, or the codes 0x800703F0 / 0xD0090016). ' + TOKEN_FAILURE_MEANING +
    ' A device token failure followed by `Retrieved AAD token` means the client fell back to the user\'s token; the registration ' +
    'can still work, but only while a user with a usable token is signed in.',
  sources: [
    'Blog post: troubleshooting device collection sync to Azure AD groups (device vs user tokens, MFA; the ccmsetup.log, CcmAad.log / ADALOperationProvider.log lines)',
    '[MS-ERREF] 2.2 Win32 error codes (0x800703F0 = Win32 1008, ERROR_NO_TOKEN)',
  ],
  check(target) {
    // The Intune Management Extension retries its token request every few minutes: one story.
    const ime = isNamed(target, IME_LOGS);
    if (!ime && !isNamed(target, AAD_CLIENT_LOGS)) return [];
    const { log } = target;
    let story: { finding: Finding<AadTokenFailureData>; last: number; related: RelatedList } | null = null;
    const out: Finding<AadTokenFailureData>[] = [];
    const failures: { i: number; kind: AadTokenFailureData['kind']; codes: number[] }[] = [];
    const retrieved: number[] = [];
    for (let i = 0; i < log.entryCount; i++) {
      const message = log.message(i);
      const f = tokenFailure(message);
      if (f) failures.push({ i, kind: f.kind, codes: f.codes });
      else if (RETRIEVED_RE.test(message)) retrieved.push(i);
    }
    let r = 0;
    for (const f of failures) {
      while (r < retrieved.length && retrieved[r]! < f.i) r++;
      const next = retrieved[r];
      const time = (i: number) => (Number.isFinite(log.utc(i)) ? log.utc(i) : log.table.wall[i]!);
      const gap = next === undefined ? NaN : time(next) - time(f.i);
      const fallback = next !== undefined && gap >= 0 && gap <= FALLBACK_WINDOW_MS ? next : null;
      const what = f.kind === 'wam' ? 'WAM token request failed' : f.kind === 'failed-to-get' ? 'Failed to get AAD token' : 'token error';
      const codes = f.codes.length ? ` ${tokenCodesText(f.codes)}` : '';
      const after = fallback === null ? '' :
        ` A token was retrieved ${durationText(gap)} later (line ${log.line(fallback) + 1}): the client fell back to another token, e.g. the user's.`;
      const data: AadTokenFailureData = {
        kind: f.kind,
        codes: f.codes.map((v) => '0x' + v.toString(16).toUpperCase().padStart(8, '0')),
        fallbackLine: fallback === null ? null : log.line(fallback),
      };
      const t = time(f.i);
      if (ime && story && Number.isFinite(t) && t - story.last <= STORY_GAP_MS) {
        story.related.add({ file: target.key, line: log.line(f.i), message: 'The Azure AD token request failed again' });
        story.last = t;
        continue;
      }
      out.push({
        ruleId: AAD_TOKEN_FAILURE, severity: 'warning', file: target.key,
        line: log.line(f.i), endLine: log.endLine(f.i), entryIndex: f.i,
        message: `The client could not get an Azure AD token (${what}${codes}). ${TOKEN_FAILURE_MEANING}${after}`,
        data,
        ...(fallback === null ? {} : { related: [{ file: target.key, line: log.line(fallback), message: 'Azure AD token retrieved after the failure' }] }),
      });
      if (ime) {
        const related = new RelatedList();
        const finding = out[out.length - 1]!;
        for (const r of finding.related ?? []) related.add(r);
        story = { finding, last: t, related };
        story.finding.related = related.items;
      }
    }
    // Repeats are listed once the story is complete; an empty list is left out.
    for (const f of out) if (f.related && f.related.length === 0) delete f.related;
    return out;
  },
  explain,
};
