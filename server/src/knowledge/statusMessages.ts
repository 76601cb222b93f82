/**
 * ConfigMgr status message ids (the `STATMSG: ID=NNNN ...` lines that site server
 * components write to their logs when they raise a status message).
 *
 * Pure core: no `vscode` or LSP imports.
 *
 * Only ids whose meaning we could find in a source are listed; everything else,
 * including 11801 and 11802 (seen around Azure AD discovery in
 * SMS_AZUREAD_DISCOVERY_AGENT.log), returns undefined so a hover says "unknown".
 * Meanings are in the project's own words.
 */

export type StatusSeverity = 'information' | 'warning' | 'error';

export interface StatusMessageInfo {
  readonly id: number;
  /** Severity the source gives for the message. */
  readonly severity?: StatusSeverity;
  /** Component or feature that raises it, when the source says. */
  readonly component?: string;
  /** One sentence in the project's own words. */
  readonly meaning: string;
  /** Which document the entry comes from. */
  readonly source: string;
  /**
   * `'primary'`: a Microsoft document. `'secondary'`: a copy or compilation
   * made by someone else of the product's message texts; hovers should say so.
   */
  readonly confidence: 'primary' | 'secondary';
}

export const SOURCE_KB_Q215142 =
  'Microsoft KB Q215142, "SMS: Errors in Status Messages 615, 616, 617, 618, 619 and 620" (SMS 2.0, archived)';
export const SOURCE_SMS_SERVER_MESSAGE_LIST =
  'List of SMS server status messages compiled by Klaus Bilger on Microsoft TechNet, mirrored at https://sccmtspsi.com/sms-server-state-messages/';

function sql(id: number, severity: StatusSeverity): StatusMessageInfo {
  return {
    id,
    severity,
    component: 'any site server component that uses the site database',
    meaning:
      'The component passed on a message or error it received from SQL Server; the SQL text and number are in the status message and the component\'s log.',
    source: SOURCE_KB_Q215142,
    confidence: 'primary',
  };
}

function cus(id: number, severity: StatusSeverity, meaning: string): StatusMessageInfo {
  return {
    id,
    severity,
    component: 'Cloud user sync (CloudUserSync.log)',
    meaning,
    source: SOURCE_SMS_SERVER_MESSAGE_LIST,
    confidence: 'secondary',
  };
}

export const STATUS_MESSAGES: readonly StatusMessageInfo[] = [
  // KB Q215142: the intended severities (SMS 2.0 reported all six as informational by mistake).
  sql(615, 'information'),
  sql(616, 'warning'),
  sql(617, 'error'),
  sql(618, 'information'),
  sql(619, 'warning'),
  sql(620, 'error'),
  cus(10000, 'error', 'Cloud user sync could not initialize; the reason is in CloudUserSync.log.'),
  cus(10001, 'error', 'Cloud user sync caught an exception in a method call; the method and exception are in the message, details in CloudUserSync.log.'),
  cus(10002, 'error', 'A delta sync of users to the cloud service failed; see CloudUserSync.log.'),
  cus(10003, 'error', 'A consistency check against the cloud service failed; see CloudUserSync.log.'),
  cus(10004, 'error', 'A full sync of users to the cloud service failed; see CloudUserSync.log.'),
  cus(10005, 'warning', 'Some users in the cloud user collection share a user principal name, so they were not enabled for cloud services.'),
  cus(10006, 'warning', 'Some users in the cloud user collection have no user principal name, so they were not enabled for cloud services.'),
  cus(10007, 'warning', 'An unusually large number of users was picked up for a delta sync; check that they really are users not synced before.'),
];

const BY_ID: ReadonlyMap<number, StatusMessageInfo> = new Map(STATUS_MESSAGES.map((m) => [m.id, m]));

/** Meaning of a status message id, or undefined when no source for it was found. */
export function describeStatusMessage(id: number): StatusMessageInfo | undefined {
  return BY_ID.get(id);
}

export interface StatMsgRef {
  readonly id: number;
  /** `SEV=` letter when present: I, W or E. */
  readonly severity?: StatusSeverity;
  /** Offsets of the id digits in the message. */
  readonly start: number;
  readonly end: number;
}

// Bounded repetitions only; linear scan.
const STATMSG_RE = /STATMSG:\s{0,4}(?:ID\s{0,2}=\s{0,2})?(\d{1,6})(?![0-9])(?:\s{1,4}SEV\s{0,2}[=-]\s{0,2}([IWE])(?![A-Za-z]))?/i;

const SEV: Readonly<Record<string, StatusSeverity>> = { I: 'information', W: 'warning', E: 'error' };

/**
 * Reads the id (and severity letter) of a `STATMSG: ID=11801 SEV=I ...` line.
 * Tolerates a missing `ID=` and `SEV-I` (both seen in OCR'd copies).
 */
export function parseStatMsg(message: string): StatMsgRef | undefined {
  const m = STATMSG_RE.exec(message);
  if (!m) return undefined;
  const digits = m[1]!;
  const start = m.index + m[0].indexOf(digits, 'STATMSG:'.length);
  const ref: { -readonly [K in keyof StatMsgRef]: StatMsgRef[K] } = {
    id: Number(digits),
    start,
    end: start + digits.length,
  };
  const sev = m[2];
  if (sev !== undefined) ref.severity = SEV[sev.toUpperCase()]!;
  return ref;
}
