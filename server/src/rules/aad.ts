// What the Azure AD (Microsoft Entra ID) lines of site server, management point and client logs
// say, for the aad-* rules and their evidence (the group sync blog post, SOURCE_AAD_GROUP_SYNC).
// Bounded repetitions, no nested quantifiers: linear time.
import { describeErrorCode, findErrorCodes } from '../knowledge/errorCodes';

export const SOURCE_AAD_GROUP_SYNC =
  'Blog post: troubleshooting device collection sync to Azure AD groups (AADTenantID in dbo.ClientKeyData, Enhanced HTTP)';

export const NO_DEVICE_OBJECTS_RE =
  /^\s{0,8}No\s{1,4}device\s{1,4}objects\s{1,4}are\s{1,4}populated\s{1,4}and\s{1,4}therefore\s{1,4}not\s{1,4}being\s{1,4}added\s{1,4}to\s{1,4}an\s{1,4}Azure\s{1,4}AD\s{1,4}group\b/i;

/** `TenantId=`, `TenantId:`, `AADTenantID =`, `Tenant Id:`; the value follows. */
const TENANT_KEY_RE = /(?<![A-Za-z0-9_])(?:AAD\s{0,2})?Tenant\s{0,2}Id\s{0,4}[:=]\s{0,4}/gi;
const ZERO_GUID_RE = /^\{?0{8}-?0{4}-?0{4}-?0{4}-?0{12}\}?$/;

export interface EmptyTenant {
  /** Offsets of the key and value in the message. */
  start: number;
  end: number;
  /** 'empty' or 'zero' (all zeros). */
  kind: 'empty' | 'zero';
}

/**
 * A tenant id written empty (`TenantId=''`, `TenantId:` followed by the next key or nothing) or
 * all zeros (`TenantId='00000000-0000-0000-0000-000000000000'`), or null.
 */
export function emptyTenant(message: string): EmptyTenant | null {
  if (!/tenant/i.test(message)) return null;
  TENANT_KEY_RE.lastIndex = 0;
  for (let m = TENANT_KEY_RE.exec(message); m !== null; m = TENANT_KEY_RE.exec(message)) {
    const a = m.index + m[0].length;
    // The value: up to white space, `,`, `;`, `]`, `)` or the end (bounded).
    let b = a;
    while (b < message.length && b - a < 80 && !/[\s,;\])]/.test(message[b]!)) b++;
    let value = message.slice(a, b);
    const quoted = /^(['"]).{0,80}\1$/.test(value) && value.length >= 2;
    if (quoted) value = value.slice(1, -1);
    // `TenantId:  UserId: ...` (CCM_STS): the next thing is another key, so the value is empty.
    const nextKey = !quoted && /^[A-Za-z_]{1,40}:$/.test(value);
    if (value === '' || nextKey) {
      return { start: m.index, end: nextKey ? a : b, kind: 'empty' };
    }
    if (ZERO_GUID_RE.test(value)) return { start: m.index, end: b, kind: 'zero' };
  }
  return null;
}

const FAILED_TO_GET_RE = /\bFailed\s{1,4}to\s{1,4}get\s{1,4}(?:an\s{1,4})?AAD\s{1,4}(?:\(?(?:device|user)\)?\s{1,4})?token\b(?!\s{0,4}\.{0,4}\s{0,4}$)/i;
const WAM_FAILED_RE = /\bWAM\s{1,4}token\s{1,4}request\s{1,4}failed\b/i;
const TOKEN_CODES: ReadonlySet<number> = new Set([0x800703f0, 0xd0090016]);

export interface TokenFailure {
  /** What the line says: WAM failure, "Failed to get AAD token ...", or one of the codes. */
  kind: 'wam' | 'failed-to-get' | 'code';
  /** The token error codes the line carries (0x800703F0, 0xD0090016). */
  codes: number[];
}

/**
 * `Failed to get AAD token for ...`, `WAM token request failed ...`, or a line carrying 0x800703F0 /
 * 0xD0090016. A bare `Failed to get AAD token..` (ccmsetup's echo of the failure it has just logged
 * in detail) does not count on its own.
 */
export function tokenFailure(message: string): TokenFailure | null {
  const wam = WAM_FAILED_RE.test(message);
  const failed = !wam && FAILED_TO_GET_RE.test(message);
  const codes = /0x|\d{9}/i.test(message) ? findErrorCodes(message).map((c) => c.value).filter((v) => TOKEN_CODES.has(v)) : [];
  if (!wam && !failed && codes.length === 0) return null;
  return { kind: wam ? 'wam' : failed ? 'failed-to-get' : 'code', codes: [...new Set(codes)] };
}

/** The codes named, decoded in a few words: `0x800703F0 (Win32 1008, ERROR_NO_TOKEN)`. */
export function tokenCodesText(codes: number[]): string {
  return codes.map((v) => {
    const d = describeErrorCode(v);
    if (d.win32) return `${d.hex} (Win32 ${d.win32.code}${d.win32.name ? `, ${d.win32.name}` : ''})`;
    return d.known && d.name ? `${d.hex} (${d.name})` : `${d.hex} (not in the error table)`;
  }).join(', ');
}

const REGISTERED_RE = /\[RegTask\]\s{0,4}-\s{0,4}Client\s{1,4}is\s{1,4}registered\b/i;
const REGISTERING_AAD_RE = /^\s{0,8}Registering\s{1,4}(?:client|device)\s{1,4}using\s{1,4}AAD\s{1,4}auth\b/i;
const RETRIEVED_TOKEN_RE = /^\s{0,8}Retrieved\s{1,4}AAD\s{1,4}token\b/i;
const VALIDATED_TOKEN_RE = /^\s{0,8}Validated\s{1,4}AAD\s{1,4}token\b/i;

/** Evidence about Azure AD registration in a client or management point log, most telling first. */
export type AadEvidenceKind = 'empty-tenant' | 'empty-tenant-token' | 'token-failure' | 'registration' | 'token';

export function aadEvidence(message: string): { kind: AadEvidenceKind; what: string } | null {
  const empty = emptyTenant(message);
  if (empty) {
    const tenant = empty.kind === 'zero' ? 'an all-zero tenant id' : 'an empty tenant id';
    return REGISTERING_AAD_RE.test(message)
      ? { kind: 'empty-tenant', what: `Azure AD registration with ${tenant}` }
      : { kind: 'empty-tenant-token', what: `Azure AD token or registration data with ${tenant}` };
  }
  const fail = tokenFailure(message);
  if (fail) return { kind: 'token-failure', what: `Azure AD token failure${fail.codes.length ? ` ${tokenCodesText(fail.codes)}` : ''}` };
  if (REGISTERED_RE.test(message)) return { kind: 'registration', what: 'The client registered with the site' };
  if (REGISTERING_AAD_RE.test(message)) return { kind: 'registration', what: 'Registration with Azure AD auth' };
  if (VALIDATED_TOKEN_RE.test(message)) return { kind: 'token', what: 'The management point validated an Azure AD token' };
  if (RETRIEVED_TOKEN_RE.test(message)) return { kind: 'token', what: 'The client got an Azure AD token' };
  return null;
}

export const EVIDENCE_RANK: Record<AadEvidenceKind, number> = { 'empty-tenant': 0, 'empty-tenant-token': 1, 'token-failure': 2, registration: 3, token: 4 };
