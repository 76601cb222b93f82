// `intune-win32-app`: an Intune Win32 app or script failed (IntuneManagementExtension.log,
// AppWorkload.log, AgentExecutor.log): an installer exit code that is a known failure or that the
// app's return codes do not list (`Admin did NOT set mapping for lpExitCode: N`), an app not
// detected after its installer succeeded (0x87D1041C), a PowerShell script exiting non-zero.
// The same failure repeated within an hour is one problem, its repeats related locations.
import { counted } from '../explain/plural';
import { codeSpan, escapeMarkdown } from '../explain/markdown';
import type { Finding } from '../model';
import { MSI_SUCCESS_CODES, MSI_USER_CANCELLED } from '../knowledge/msiReturnCodes';
import { codeText } from './codeText';
import { IME_LOGS, isNamed, messageHead } from './logSet';
import { entryTime, RelatedList, STORY_GAP_MS } from './stories';
import type { Rule } from './types';

export const INTUNE_WIN32_APP = 'intune-win32-app';

const HEAD_RE = /Win32App|Powershell\s{1,4}exit/i;
const LP_EXIT_RE = /\[Win32App\]\s{0,4}lpExitCode\s{1,4}(-?\d{1,10})\b/i;
const DETECTION_RE = /\[Win32App\]\s{0,4}\[DetectionActionHandler\]\s{0,4}Detection\s{1,4}for\s{1,4}policy\s{1,4}with\s{1,4}id:\s{0,4}([0-9A-Fa-f-]{36})\s{1,4}resulted\s{1,4}in\s{1,4}action\s{1,4}status:\s{0,4}(\w{1,30})\s{1,4}and\s{1,4}detection\s{1,4}state:\s{0,4}(\w{1,30})/i;
/** IME's own word that an exit code is not in the app's return codes: Intune then reports the install as failed. */
const NO_MAPPING_RE = /\[Win32App\]\s{0,4}Admin\s{1,4}did\s{1,4}NOT\s{1,4}set\s{1,4}mapping\s{1,4}for\s{1,4}lpExitCode:\s{0,4}(-?\d{1,10})\b/i;
const PS_EXIT_RE = /^\s{0,8}Powershell\s{1,4}exit\s{1,4}code\s{1,4}is\s{1,4}(-?\d{1,10})\b/i;

/**
 * Installer exit codes flagged whatever the app: Windows Installer failures. Success is decided per
 * app by the policy's return-code table, so other non-zero codes are left alone. 1618 (another
 * installation in progress) is a retry in Intune's default table: a warning. The user's cancel is an
 * error here (the deployment failed), where the MSI log's own line is a warning (MSI_USER_CANCELLED).
 */
const FAILURE_EXIT_CODES: ReadonlyMap<number, 'error' | 'warning'> = new Map([
  [MSI_USER_CANCELLED, 'error'], [1603, 'error'], [1618, 'warning'], [1619, 'error'], [1620, 'error'], [1625, 'error'], [1633, 'error'], [1638, 'error'],
]);
/** Windows Installer's "installation completed successfully" (its message 1707): a success in Intune's default return codes. */
const INSTALL_COMPLETED = 1707;
/** Intune's default return codes that mean the installation succeeded: Windows Installer's (0, 3010 soft reboot, 1641 hard reboot) and 1707. */
const SUCCESS_EXIT_CODES: ReadonlySet<number> = new Set([...MSI_SUCCESS_CODES, INSTALL_COMPLETED]);
const NOT_DETECTED_AFTER_INSTALL = 0x87d1041c;
/** Open stories kept at once; the oldest is closed beyond this (keys include a policy id). */
const MAX_OPEN = 256;

export interface IntuneWin32Data {
  kind: 'exit-code' | 'not-detected' | 'script-exit';
  /** The exit code, or 0x87D1041C for not-detected. */
  code: number;
  /** The policy (app) id for not-detected, else null. */
  policy: string | null;
}

const SOURCES = [
  'https://learn.microsoft.com/troubleshoot/mem/intune/app-management/app-install-error-codes (Intune app installation error reference: 0x87D1041C)',
  'https://learn.microsoft.com/troubleshoot/mem/intune/app-management/develop-deliver-working-win32-app-via-intune (how the IME logs a Win32 app: install, lpExitCode, detection after install)',
  'https://learn.microsoft.com/graph/api/resources/intune-apps-win32lobappreturncode (a Win32 app\'s return codes: success, softReboot, hardReboot, retry, failed)',
  'https://learn.microsoft.com/windows/win32/msi/error-codes (Windows Installer error codes, 16xx)',
];

/** The hover: what this kind of failure means and what to look at next. */
function explain(f: Finding<IntuneWin32Data>): string {
  const d = f.data;
  const code = d && typeof d.code === 'number' ? d.code : null;
  const lines: string[] = [`**Intune Win32 app or script failed** (${INTUNE_WIN32_APP}, ${f.severity})`, ''];
  if (d?.kind === 'not-detected') {
    lines.push('The installer exited with a success code, but the detection rule that runs right after it still finds no app: ' +
      'Intune reports 0x87D1041C, "not detected after installation completed".' +
      (typeof d.policy === 'string' ? ` The app is the policy ${codeSpan(d.policy, 40)}.` : ''));
    lines.push('', '- Compare the detection rule (file or folder path, version, MSI product code, registry key, script) with what the installer really puts on the device.',
      '- Mind the context: a 32-bit registry or Program Files path on a 64-bit device, and a user-context install detected in the system context.',
      '- An app that updates itself outside Intune changes the version the rule expects.');
  } else if (d?.kind === 'script-exit') {
    lines.push(`A PowerShell script run by the Intune Management Extension exited with ${codeSpan(String(code ?? '?'), 12)}. ` +
      'For a platform script or a remediation a non-zero exit is a failure; for a detection script it means "not detected".');
    lines.push('', '- AgentExecutor.log holds the script\'s error output just after this line.');
  } else {
    lines.push(`The Win32 app installer exited with ${escapeMarkdown(code === null ? '?' : codeText(code), 600)}.`);
    lines.push('', '- What counts as success is set per app by the return codes of its Intune policy (defaults: 0 and 1707 success, 3010 soft reboot, 1641 hard reboot, 1618 retry).',
      '- For a Windows Installer failure (1603 and others) run the install by hand with a verbose MSI log (`/l*v`) to find the failing action.');
    if (code === 1618) lines.push('- 1618: another installation was running; Intune\'s default return codes retry it.');
  }
  lines.push('', `*Source: ${SOURCES.join('; ')}.*`);
  return lines.join('\n');
}

interface Story { i: number; last: number; severity: 'error' | 'warning'; data: IntuneWin32Data; message: string; related: RelatedList }

export const intuneWin32App: Rule<IntuneWin32Data> = {
  id: INTUNE_WIN32_APP,
  defaultSeverity: 'error',
  title: 'Intune Win32 app or script failed',
  explanation:
    'The Intune Management Extension logged a failed Win32 app or script: an installer exit code that Windows Installer uses for ' +
    'failure (`[Win32App] lpExitCode 1603`; what counts as success is set per app by the policy\'s return codes, so only known ' +
    'failure codes are flagged, and any code the IME says has no mapping: `[Win32App] Admin did NOT set mapping for lpExitCode: <n> ' +
    'of app: <id>`), an app not detected after its installer reported success (`Detection for policy with id: <id> ' +
    'resulted in action status: Success and detection state: NotDetected.`, 0x87D1041C: fix the detection rule or the install), or ' +
    'a PowerShell script that exited non-zero (`Powershell exit code is <n>` in AgentExecutor.log).',
  sources: SOURCES,
  check(target) {
    if (!isNamed(target, IME_LOGS)) return [];
    const { log } = target;
    const done: Story[] = [];
    const open = new Map<string, Story>();
    let installed: number | null = null; // a success exit code since the last detection
    const note = (key: string, i: number, make: () => Omit<Story, 'i' | 'last' | 'related'>, what: string) => {
      const t = entryTime(log, i);
      const s = open.get(key);
      if (s && Number.isFinite(t) && Number.isFinite(s.last) && t - s.last <= STORY_GAP_MS) {
        s.related.add({ file: target.key, line: log.line(i), message: what });
        s.last = t;
        return;
      }
      if (s) { open.delete(key); done.push(s); }
      if (open.size >= MAX_OPEN) {
        const [oldest, story] = open.entries().next().value!;
        open.delete(oldest);
        done.push(story);
      }
      open.set(key, { i, last: t, related: new RelatedList(), ...make() });
    };
    for (let i = 0; i < log.entryCount; i++) {
      if (!HEAD_RE.test(messageHead(log, i, 120))) continue;
      const message = log.message(i);
      let m: RegExpExecArray | null;
      if ((m = LP_EXIT_RE.exec(message))) {
        const code = Number(m[1]) >>> 0;
        installed = SUCCESS_EXIT_CODES.has(code) ? code : null;
        const severity = FAILURE_EXIT_CODES.get(code);
        if (severity) note(`exit:${code}`, i, () => ({
          severity, data: { kind: 'exit-code', code, policy: null },
          message: `The Win32 app installer exited with ${code}, ${codeText(code)}. ` +
            (code === 1618 ? 'Intune\'s default return codes retry this one. ' : '') +
            'The app\'s return-code table in the Intune policy decides whether a code is a failure.',
        }), 'The installer exited with the same code again');
      } else if ((m = NO_MAPPING_RE.exec(message))) {
        const code = Number(m[1]) >>> 0;
        // A Windows Installer failure code was reported on its lpExitCode line already.
        if (!FAILURE_EXIT_CODES.has(code)) note(`exit:${code}`, i, () => ({
          severity: 'error', data: { kind: 'exit-code', code, policy: null },
          message: `The Win32 app installer exited with ${code}, ${codeText(code)}, which the app's return codes in the Intune policy ` +
            'do not list: Intune reports the installation as failed.',
        }), 'The installer exited with the same unlisted code again');
      } else if ((m = DETECTION_RE.exec(message))) {
        const [, policy, , state] = m;
        if (/^NotDetected$/i.test(state!) && installed !== null) {
          const after = installed;
          note(`detect:${policy!.toLowerCase()}`, i, () => ({
            severity: 'error', data: { kind: 'not-detected', code: NOT_DETECTED_AFTER_INSTALL, policy: policy! },
            message: `The app (policy ${policy}) was not detected after its installer exited with ${after}: ${codeText(NOT_DETECTED_AFTER_INSTALL)}. ` +
              'The detection rule does not match what the installer put on the device: check the rule (path, version, product code) against the installed app.',
          }), 'Not detected after installation again');
        }
        installed = null;
      } else if ((m = PS_EXIT_RE.exec(message))) {
        const code = Number(m[1]);
        if (code !== 0) note('script', i, () => ({
          severity: 'warning', data: { kind: 'script-exit', code, policy: null },
          message: `A PowerShell script run by the Intune Management Extension exited with ${code}. A non-zero exit is a failure for a ` +
            'platform script or remediation; for a detection script it means "not detected". Its error output follows in AgentExecutor.log.',
        }), 'A PowerShell script exited non-zero again');
      }
    }
    for (const s of open.values()) done.push(s);
    done.sort((a, b) => a.i - b.i);
    return done.map((s): Finding<IntuneWin32Data> => ({
      ruleId: INTUNE_WIN32_APP, severity: s.severity, file: target.key,
      line: log.line(s.i), endLine: log.endLine(s.i), entryIndex: s.i,
      message: s.message + (s.related.count ? ` Repeated ${counted(s.related.count, 'more time')} within an hour of each other.` : ''),
      data: s.data,
      ...(s.related.items.length ? { related: s.related.items } : {}),
    }));
  },
  explain,
};
