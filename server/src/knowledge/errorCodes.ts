/**
 * Windows / ConfigMgr / Intune error codes: parsing, decoding and a small,
 * sourced table of meanings.
 *
 * Pure core: no `vscode` or LSP imports.
 *
 * Every table entry names the document it comes from. The meanings are written
 * in this project's own words; they are not quotations. Codes we could not find
 * in a source we trust are left out on purpose, so hovers say "unknown" rather
 * than guess (for example the ConfigMgr 0x87D00xxx family and 0xD0090016).
 *
 * Layout of a 32-bit HRESULT ([MS-ERREF] 2.1), most significant bit first:
 *   S (severity) | R | C (customer) | N (NTSTATUS mapped) | X | Facility (11 bits) | Code (16 bits)
 */

// ---------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------

export const SOURCE_MS_ERREF_HRESULT = '[MS-ERREF] 2.1 HRESULT values';
export const SOURCE_MS_ERREF_WIN32 = '[MS-ERREF] 2.2 Win32 error codes';
export const SOURCE_WINHTTP = 'Microsoft Learn: WinHTTP Error Messages (winhttp.h)';
export const SOURCE_INTUNE_APP_INSTALL =
  'Microsoft Learn: Intune app installation error reference (CC BY 4.0)';
export const SOURCE_INTUNE_COMMON =
  'Microsoft Learn: Common error codes and descriptions in Microsoft Intune (CC BY 4.0)';

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

/** One row of the HRESULT table: a full 32-bit value. */
export interface ErrorCodeEntry {
  /** Unsigned 32-bit value. */
  readonly value: number;
  /** Symbolic name, when the source gives one. */
  readonly name?: string;
  /** One or two sentences in the project's own words. */
  readonly meaning: string;
  /** Which document the entry comes from. */
  readonly source: string;
}

/** One row of the Win32 table: a 16-bit Win32 error code. */
export interface Win32CodeEntry {
  readonly code: number;
  readonly name: string;
  readonly meaning: string;
  readonly source: string;
}

export interface Win32Info {
  /** The Win32 error code (0..65535). */
  readonly code: number;
  readonly known: boolean;
  readonly name?: string;
  readonly meaning?: string;
  readonly source?: string;
}

export interface ErrorCodeInfo {
  /** Unsigned 32-bit value (same as `unsigned`). */
  readonly value: number;
  /** `0x` + 8 upper-case hex digits, e.g. `0x800703F0`. */
  readonly hex: string;
  /** Two's-complement signed reading, e.g. -2147024891. */
  readonly signed: number;
  /** Unsigned reading, e.g. 2147942405. */
  readonly unsigned: number;
  /**
   * `'win32'` for values 0..0xFFFF (read as a plain Win32 error code, [MS-ERREF] 2.2),
   * `'hresult'` otherwise. The bit fields below are always the HRESULT decoding;
   * for `'win32'` values they are all zero and not meaningful.
   */
  readonly kind: 'hresult' | 'win32';
  /** Severity bit (bit 31) set: the value reports a failure. */
  readonly isFailure: boolean;
  /** Customer bit (bit 29) set: the value is defined by a vendor, not Microsoft. */
  readonly customer: boolean;
  /** N bit (bit 28) set: the value is an NTSTATUS mapped into HRESULT space. */
  readonly ntStatusMapped: boolean;
  /** For N-bit values: the NTSTATUS it was mapped from (N bit cleared), per [MS-ERREF] 2.1. */
  readonly ntStatus?: number;
  /** Facility, bits 16..26 (11 bits). */
  readonly facility: number;
  /** Facility name from [MS-ERREF] 2.1, when the facility is listed there. */
  readonly facilityName?: string;
  /** Low 16 bits. */
  readonly code: number;
  /**
   * Present for `0x8007xxxx` (FACILITY_WIN32 failures wrapping Win32 code `xxxx`)
   * and for plain Win32 codes (`kind === 'win32'`).
   */
  readonly win32?: Win32Info;
  /** True when the table has a name/meaning for this value (directly or via `win32`). */
  readonly known: boolean;
  readonly name?: string;
  readonly meaning?: string;
  readonly source?: string;
}

// ---------------------------------------------------------------------------
// Facility table ([MS-ERREF] 2.1)
// ---------------------------------------------------------------------------

const FACILITIES: ReadonlyArray<readonly [number, string]> = [
  [0, 'FACILITY_NULL'],
  [1, 'FACILITY_RPC'],
  [2, 'FACILITY_DISPATCH'],
  [3, 'FACILITY_STORAGE'],
  [4, 'FACILITY_ITF'],
  [7, 'FACILITY_WIN32'],
  [8, 'FACILITY_WINDOWS'],
  [9, 'FACILITY_SECURITY / FACILITY_SSPI'],
  [10, 'FACILITY_CONTROL'],
  [11, 'FACILITY_CERT'],
  [12, 'FACILITY_INTERNET'],
  [13, 'FACILITY_MEDIASERVER'],
  [14, 'FACILITY_MSMQ'],
  [15, 'FACILITY_SETUPAPI'],
  [16, 'FACILITY_SCARD'],
  [17, 'FACILITY_COMPLUS'],
  [18, 'FACILITY_AAF'],
  [19, 'FACILITY_URT'],
  [20, 'FACILITY_ACS'],
  [21, 'FACILITY_DPLAY'],
  [22, 'FACILITY_UMI'],
  [23, 'FACILITY_SXS'],
  [24, 'FACILITY_WINDOWS_CE'],
  [25, 'FACILITY_HTTP'],
  [26, 'FACILITY_USERMODE_COMMONLOG'],
  [31, 'FACILITY_USERMODE_FILTER_MANAGER'],
  [32, 'FACILITY_BACKGROUNDCOPY'],
  [33, 'FACILITY_CONFIGURATION'],
  [34, 'FACILITY_STATE_MANAGEMENT'],
  [35, 'FACILITY_METADIRECTORY'],
  [36, 'FACILITY_WINDOWSUPDATE'],
  [37, 'FACILITY_DIRECTORYSERVICE'],
  [38, 'FACILITY_GRAPHICS'],
  [39, 'FACILITY_SHELL'],
  [40, 'FACILITY_TPM_SERVICES'],
  [41, 'FACILITY_TPM_SOFTWARE'],
  [48, 'FACILITY_PLA'],
  [49, 'FACILITY_FVE'],
  [50, 'FACILITY_FWP'],
  [51, 'FACILITY_WINRM'],
  [52, 'FACILITY_NDIS'],
  [53, 'FACILITY_USERMODE_HYPERVISOR'],
  [54, 'FACILITY_CMI'],
  [55, 'FACILITY_USERMODE_VIRTUALIZATION'],
];

const FACILITY_NAMES: ReadonlyMap<number, string> = new Map(FACILITIES);

/** Facility name per [MS-ERREF] 2.1, or undefined when not listed there. */
export function facilityName(facility: number): string | undefined {
  return FACILITY_NAMES.get(facility);
}

// ---------------------------------------------------------------------------
// Win32 table
// ---------------------------------------------------------------------------

function w(code: number, name: string, meaning: string, source = SOURCE_MS_ERREF_WIN32): Win32CodeEntry {
  return { code, name, meaning, source };
}

export const WIN32_CODES: readonly Win32CodeEntry[] = [
  w(0, 'ERROR_SUCCESS', 'Success: the operation finished without error.'),
  w(1, 'ERROR_INVALID_FUNCTION', 'The function called is not valid for this object or in this situation.'),
  w(2, 'ERROR_FILE_NOT_FOUND', 'A file that was named could not be found.'),
  w(3, 'ERROR_PATH_NOT_FOUND', 'A folder path that was named could not be found.'),
  w(4, 'ERROR_TOO_MANY_OPEN_FILES', 'No more files can be opened right now.'),
  w(5, 'ERROR_ACCESS_DENIED', 'Access denied: the account running the operation lacks permission.'),
  w(6, 'ERROR_INVALID_HANDLE', 'A handle passed to the call is not valid (closed or never opened).'),
  w(8, 'ERROR_NOT_ENOUGH_MEMORY', 'There was not enough memory to carry out the command.'),
  w(14, 'ERROR_OUTOFMEMORY', 'Memory ran out before the operation could finish.'),
  w(32, 'ERROR_SHARING_VIOLATION', 'The file is in use by another process and cannot be opened this way.'),
  w(50, 'ERROR_NOT_SUPPORTED', 'The request is not supported.'),
  w(53, 'ERROR_BAD_NETPATH', 'The network path could not be found (name, share or connectivity).'),
  w(64, 'ERROR_NETNAME_DELETED', 'The network name disappeared while in use (the connection dropped).'),
  w(87, 'ERROR_INVALID_PARAMETER', 'One of the parameters passed is not valid.'),
  w(112, 'ERROR_DISK_FULL', 'The disk has no free space left.'),
  w(1008, 'ERROR_NO_TOKEN', 'The code tried to use a security token that does not exist.'),
  w(1053, 'ERROR_SERVICE_REQUEST_TIMEOUT', 'A service did not answer a start or control request in time.'),
  w(1168, 'ERROR_NOT_FOUND', 'The element asked for was not found.'),
  w(1223, 'ERROR_CANCELLED', 'The operation was cancelled by the user.'),
  w(1326, 'ERROR_LOGON_FAILURE', 'Sign-in failed: unknown user name or wrong password.'),
  w(1460, 'ERROR_TIMEOUT', 'The operation returned because its time-out ran out.'),
  w(1602, 'ERROR_INSTALL_USEREXIT', 'Windows Installer: the user cancelled the installation.'),
  w(1603, 'ERROR_INSTALL_FAILURE', 'Windows Installer: a fatal error happened during installation (see the MSI verbose log).'),
  w(1605, 'ERROR_UNKNOWN_PRODUCT', 'Windows Installer: the action needs a product that is not installed.'),
  w(1612, 'ERROR_INSTALL_SOURCE_ABSENT', 'Windows Installer: the installation source for the product is not available.'),
  w(1618, 'ERROR_INSTALL_ALREADY_RUNNING', 'Windows Installer: another installation is already in progress; retry after it ends.'),
  w(1619, 'ERROR_INSTALL_PACKAGE_OPEN_FAILED', 'Windows Installer: the package could not be opened (missing, inaccessible or not a valid package).'),
  w(1638, 'ERROR_PRODUCT_VERSION', 'Windows Installer: another version of this product is already installed.'),
  w(1641, 'ERROR_SUCCESS_REBOOT_INITIATED', 'Success; the installer started a restart to complete the operation.'),
  w(1722, 'RPC_S_SERVER_UNAVAILABLE', 'The RPC server could not be reached.'),
  w(3010, 'ERROR_SUCCESS_REBOOT_REQUIRED', 'Success; a restart is needed to complete the operation.'),
  // WinHTTP errors (12000 range). Returned by WinHTTP and seen in HRESULTs as 0x80072Exx / 0x80072Fxx.
  w(12002, 'ERROR_WINHTTP_TIMEOUT', 'WinHTTP: the request timed out (this can also come from TCP/IP time-outs).', SOURCE_WINHTTP),
  w(12007, 'ERROR_WINHTTP_NAME_NOT_RESOLVED', 'WinHTTP: the server name could not be resolved (DNS).', SOURCE_WINHTTP),
  w(12029, 'ERROR_WINHTTP_CANNOT_CONNECT', 'WinHTTP: the connection to the server could not be made.', SOURCE_WINHTTP),
  w(12030, 'ERROR_WINHTTP_CONNECTION_ERROR', 'WinHTTP: the server connection was reset or closed, or the TLS/SSL protocol did not match.', SOURCE_WINHTTP),
  w(12037, 'ERROR_WINHTTP_SECURE_CERT_DATE_INVALID', 'WinHTTP: a certificate is outside its validity period.', SOURCE_WINHTTP),
  w(12038, 'ERROR_WINHTTP_SECURE_CERT_CN_INVALID', 'WinHTTP: the certificate name does not match the host name.', SOURCE_WINHTTP),
  w(12044, 'ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED', 'WinHTTP: the server asks for a client authentication certificate.', SOURCE_WINHTTP),
  w(12045, 'ERROR_WINHTTP_SECURE_INVALID_CA', 'WinHTTP: the certificate chain ends in a root that is not trusted.', SOURCE_WINHTTP),
  w(12057, 'ERROR_WINHTTP_SECURE_CERT_REV_FAILED', 'WinHTTP: revocation could not be checked because the revocation server was offline.', SOURCE_WINHTTP),
  w(12175, 'ERROR_WINHTTP_SECURE_FAILURE', 'WinHTTP: the server\'s TLS/SSL certificate has one or more errors.', SOURCE_WINHTTP),
];

const WIN32_BY_CODE: ReadonlyMap<number, Win32CodeEntry> = new Map(WIN32_CODES.map((e) => [e.code, e]));

// ---------------------------------------------------------------------------
// HRESULT table
// ---------------------------------------------------------------------------

function h(value: number, name: string | undefined, meaning: string, source: string): ErrorCodeEntry {
  return name === undefined ? { value: value >>> 0, meaning, source } : { value: value >>> 0, name, meaning, source };
}

export const HRESULT_CODES: readonly ErrorCodeEntry[] = [
  // --- [MS-ERREF] 2.1: generic COM results ---
  h(0x80004001, 'E_NOTIMPL', 'The function or method asked for has no implementation.', SOURCE_MS_ERREF_HRESULT),
  h(0x80004002, 'E_NOINTERFACE', 'The object does not offer the interface that was asked for.', SOURCE_MS_ERREF_HRESULT),
  h(0x80004003, 'E_POINTER', 'A pointer passed to the call is not valid (for example null).', SOURCE_MS_ERREF_HRESULT),
  h(0x80004004, 'E_ABORT', 'The operation was aborted.', SOURCE_MS_ERREF_HRESULT),
  h(0x80004005, 'E_FAIL', 'Generic failure: the caller gave no more specific reason. Look at the lines just before it.', SOURCE_MS_ERREF_HRESULT),
  h(0x8000ffff, 'E_UNEXPECTED', 'Unexpected (catastrophic) failure: the code hit a state it did not plan for. Intune also reports it for installs that failed unexpectedly.', `${SOURCE_MS_ERREF_HRESULT}; ${SOURCE_INTUNE_APP_INSTALL}`),
  h(0x80070005, 'E_ACCESSDENIED', 'Access denied: the account running the operation lacks permission (Win32 ERROR_ACCESS_DENIED, 5, as an HRESULT).', SOURCE_MS_ERREF_HRESULT),
  h(0x80070006, 'E_HANDLE', 'A handle passed to the call is not valid.', SOURCE_MS_ERREF_HRESULT),
  h(0x8007000e, 'E_OUTOFMEMORY', 'Memory could not be allocated.', SOURCE_MS_ERREF_HRESULT),
  h(0x80070057, 'E_INVALIDARG', 'One or more arguments passed to the call are not valid.', SOURCE_MS_ERREF_HRESULT),
  // --- [MS-ERREF] 2.1: certificates and cryptography ---
  h(0x800b0101, 'CERT_E_EXPIRED', 'A certificate is outside its validity period (expired or not yet valid) by the system clock or the signature timestamp.', SOURCE_MS_ERREF_HRESULT),
  h(0x800b0109, 'CERT_E_UNTRUSTEDROOT', 'The certificate chain was built, but it ends in a root certificate this computer does not trust (root CA missing from the trusted root store).', SOURCE_MS_ERREF_HRESULT),
  h(0x800b010a, 'CERT_E_CHAINING', 'A certificate chain could not be built up to a trusted root (an intermediate or root certificate is missing).', SOURCE_MS_ERREF_HRESULT),
  h(0x800b010f, 'CERT_E_CN_NO_MATCH', 'The name in the certificate does not match the name it was checked against (for example the server name).', SOURCE_MS_ERREF_HRESULT),
  h(0x80090016, 'NTE_BAD_KEYSET', 'The cryptographic key container (keyset) asked for does not exist.', SOURCE_MS_ERREF_HRESULT),
  h(0x80092010, 'CRYPT_E_REVOKED', 'The certificate was revoked by its issuer.', SOURCE_MS_ERREF_HRESULT),
  h(0x80092013, 'CRYPT_E_REVOCATION_OFFLINE', 'Revocation could not be checked: the CRL or OCSP server could not be reached.', SOURCE_MS_ERREF_HRESULT),
  // --- Intune app installation error reference ---
  h(0x87d1041c, undefined, 'Intune: the installation reported success, but the app was not detected afterwards. Causes Microsoft lists: the user uninstalled the app; the identity or version the device reports no longer matches what Intune expects (for example a self-updating MSI updated outside Intune); on iOS/iPadOS, detection does not match the device response. Required apps are reinstalled at a later check-in.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d103e8, undefined, 'Intune (iOS/iPadOS): unknown app installation error, reported when no more specific error applies.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d11388, undefined, 'Intune (iOS/iPadOS): the device was busy (for example locked); the user has to unlock it for the install.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d12906, undefined, 'Intune (iOS/iPadOS): the Apple MDM agent reported that the install command failed, without a reason. Retry the installation.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d1313c, undefined, 'Intune (iOS/iPadOS): the network connection was lost or interrupted (host name not found) while the download location was sent. A later attempt on a better network should work.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b60, undefined, 'Intune (iOS/iPadOS): the install is scheduled but needs a redemption code (typically a paid store app).', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b62, undefined, 'Intune (iOS/iPadOS): the user declined the offer to install the app.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b63, undefined, 'Intune (iOS/iPadOS): the user declined the offer to update the app.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b64, undefined, 'Intune (iOS/iPadOS): the app installation failed; the device console logs are needed to find out why.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b66, undefined, 'Intune (iOS/iPadOS): the app is managed but expired or was removed by the user, or detection does not match what the device reports.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b8f, undefined, 'Intune (iOS/iPadOS line-of-business app): the app is on the device but was installed outside Intune, so it is unmanaged. Uninstall it; Intune installs its own copy at the next sync.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b9d, undefined, 'Intune (iOS/iPadOS): the app is managed but the device still has an older version; the update has not been installed or reported yet.', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d14fb1, undefined, 'Intune (Android device administrator): the user cancelled the app installation at the OS prompt.', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d14fb2, undefined, 'Intune (Android device administrator): the download failed for an unknown reason, often Wi-Fi trouble or a slow connection.', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d14fb5, undefined, 'Intune (Android): the APK downloaded but the installation failed and Android gave no reason (bad APK, blocked by Google Play Protect, or the device does not support the app).', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d14fb6, undefined, 'Intune (Android): the APK is not signed, and Android requires signed apps.', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d14fb7, undefined, 'Intune (Android): the upgrade APK is signed with a different certificate than the installed app; uninstall and redeploy instead of upgrading.', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d14fb8, undefined, 'Intune (Android): the app failed to uninstall and the OS gave no reason.', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d14fb9, undefined, 'Intune (Android): the user cancelled the installation at the accept prompt.', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d14fba, undefined, 'Intune (Android device administrator): the downloaded APK was deleted before the user installed it.', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d14fbb, undefined, 'Intune (Android): the installation was cancelled because the device or process restarted during it.', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d14fbc, undefined, 'Intune (Android): the uninstall was cancelled because the process was restarted.', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d15015, undefined, 'Intune (Android device administrator): the OS stopped the download before it finished (low battery or a very long download).', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d15078, undefined, 'Intune (Android device administrator): the download failed for an unknown reason; the policy is retried at the next sync.', SOURCE_INTUNE_APP_INSTALL),
  h(0xc7d1507c, undefined, 'Intune (Android device administrator): the download service stopped unexpectedly; the policy is retried at the next sync.', SOURCE_INTUNE_APP_INSTALL),
  h(0x80073cf0, undefined, 'Windows app package could not be opened: it may be unsigned, or its publisher does not match the signing certificate (see the AppxPackagingOM event log).', SOURCE_INTUNE_APP_INSTALL),
  h(0x80073cf3, undefined, 'Windows app package failed update, dependency or conflict validation (conflicting package, missing dependency or wrong processor architecture; see the AppXDeployment-Server event log).', SOURCE_INTUNE_APP_INSTALL),
  h(0x80073cfb, undefined, 'Windows app package: this package is already installed and reinstalling a non-identical (rebuilt or re-signed) package is blocked. Raise the version or remove the old package first.', SOURCE_INTUNE_APP_INSTALL),
  h(0x80073cff, undefined, 'Windows app package: installing it needs sideloading to be enabled (trusted signature plus the AllowAllTrustedApps policy).', SOURCE_INTUNE_APP_INSTALL),
  h(0x80cf201c, undefined, 'Windows app package: installing it needs sideloading to be enabled (trusted signature plus the AllowAllTrustedApps policy).', SOURCE_INTUNE_APP_INSTALL),
  // --- Intune common errors ---
  h(0x87d1fde8, undefined, 'Intune: remediation of a setting failed on the device.', SOURCE_INTUNE_COMMON),
  h(0x87d1fde9, undefined, 'Intune: the setting or policy does not apply to this device.', SOURCE_INTUNE_COMMON),
];

const HRESULT_BY_VALUE: ReadonlyMap<number, ErrorCodeEntry> = new Map(HRESULT_CODES.map((e) => [e.value, e]));

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

const HEX_TEXT = /^0[xX]0{0,24}([0-9A-Fa-f]{1,8})$/;
const DEC_TEXT = /^([-+]?)0{0,24}(\d{1,10})$/;

/**
 * Parses one error code written as text.
 *
 * Accepts `0x80070005` / `0X800703F0` (hex needs the `0x` prefix; at most 8
 * significant digits), signed decimals (`-2147024891`, down to -2^31) and
 * unsigned decimals (`2147942405`, up to 2^32-1; small values such as `5` are
 * Win32 codes). Surrounding whitespace is ignored. Returns the unsigned 32-bit
 * value, or undefined when the text is not one of these forms or is out of range.
 * Unprefixed digit strings are always read as decimal (`80070005` is eighty
 * million, not 0x80070005).
 */
export function parseErrorCode(text: string): number | undefined {
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return undefined;
  const hex = HEX_TEXT.exec(t);
  if (hex) return parseInt(hex[1]!, 16) >>> 0;
  const dec = DEC_TEXT.exec(t);
  if (!dec) return undefined;
  const magnitude = Number(dec[2]);
  if (dec[1] === '-') {
    if (magnitude > 0x80000000) return undefined;
    return -magnitude >>> 0;
  }
  if (magnitude > 0xffffffff) return undefined;
  return magnitude >>> 0;
}

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

/** `0x` + 8 upper-case hex digits. */
export function formatHex(value: number): string {
  return '0x' + (value >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

function win32Info(code: number): Win32Info {
  const e = WIN32_BY_CODE.get(code);
  return e ? { code, known: true, name: e.name, meaning: e.meaning, source: e.source } : { code, known: false };
}

/**
 * Decodes a 32-bit value. Accepts the unsigned (0..2^32-1) or signed
 * (-2^31..-1) reading; throws RangeError for anything else (non-integers,
 * NaN, out of range).
 */
export function describeErrorCode(value: number): ErrorCodeInfo {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0xffffffff) {
    throw new RangeError(`not a 32-bit error code: ${value}`);
  }
  const v = value >>> 0;
  const kind: ErrorCodeInfo['kind'] = v <= 0xffff ? 'win32' : 'hresult';
  const isFailure = (v & 0x80000000) !== 0;
  const customer = (v & 0x20000000) !== 0;
  const ntStatusMapped = (v & 0x10000000) !== 0;
  const facility = (v >>> 16) & 0x7ff;
  const code = v & 0xffff;

  let win32: Win32Info | undefined;
  if (kind === 'win32') win32 = win32Info(v);
  else if ((v & 0xffff0000) >>> 0 === 0x80070000) win32 = win32Info(code);

  const direct = HRESULT_BY_VALUE.get(v);
  const fromWin32 = win32 && win32.known ? win32 : undefined;
  const name = direct ? direct.name : fromWin32?.name;
  const meaning = direct ? direct.meaning : fromWin32?.meaning;
  const source = direct ? direct.source : fromWin32?.source;
  const fName = kind === 'hresult' ? facilityName(facility) : undefined;

  const info: {
    -readonly [K in keyof ErrorCodeInfo]: ErrorCodeInfo[K];
  } = {
    value: v,
    hex: formatHex(v),
    signed: v | 0,
    unsigned: v,
    kind,
    isFailure,
    customer,
    ntStatusMapped,
    facility,
    code,
    known: direct !== undefined || fromWin32 !== undefined,
  };
  if (ntStatusMapped) info.ntStatus = (v & ~0x10000000) >>> 0;
  if (fName !== undefined) info.facilityName = fName;
  if (win32 !== undefined) info.win32 = win32;
  if (name !== undefined) info.name = name;
  if (meaning !== undefined) info.meaning = meaning;
  if (source !== undefined) info.source = source;
  return info;
}

/** Table lookup only: the entry for exactly this value, if any. */
export function lookupErrorCode(value: number): ErrorCodeEntry | undefined {
  return HRESULT_BY_VALUE.get(value >>> 0);
}

// ---------------------------------------------------------------------------
// Finding codes in log messages
// ---------------------------------------------------------------------------

export interface FoundErrorCode {
  /** Offset of the first character of the code (including a leading `-`). */
  readonly start: number;
  /** Offset just past the last character of the code. */
  readonly end: number;
  /** Unsigned 32-bit value. */
  readonly value: number;
}

// All patterns below use only bounded repetition and no nested quantifiers, and
// each attempt at a position can consume at most a few dozen characters, so a
// scan is linear in the message length.
//
// Boundaries: a code must not touch a letter, digit or `_` on either side, and
// must not be followed by `-<hex>` (GUID-like continuation).

/** Words that introduce an error code; alternatives are tried in order. */
const CONTEXT =
  '(?<![0-9A-Za-z_])(?:error\\s?code|exit\\s?code|return\\s?code|hresult|error|err|hr|code|result|status|returned)';
/** Optional separator between the context word and the code: `error 0x5`, `hr=0x5`, `Error : 0x5`. */
const SEP = '\\s{0,3}[:=]?\\s{0,3}';
const AFTER = '(?![0-9A-Za-z_]|-[0-9A-Fa-f])';

/** `0x` + exactly 8 hex digits, anywhere. */
const HEX8_RE = new RegExp(`(?<![0-9A-Za-z_])0[xX][0-9A-Fa-f]{8}${AFTER}`, 'g');
/** `0x` + 1..7 hex digits after a context word. The code is group 1, at the end of the match. */
const CONTEXT_HEX_RE = new RegExp(`${CONTEXT}${SEP}(0[xX][0-9A-Fa-f]{1,7})${AFTER}`, 'gi');
/** Signed or unsigned 9-10 digit decimal after a context word. Group 1, at the end. */
const CONTEXT_DEC_RE = new RegExp(`${CONTEXT}${SEP}(-?\\d{9,10})${AFTER}`, 'gi');
/** `Win32 Error = 5` (ConfigMgr writes this). Group 1, at the end; value must fit 16 bits. */
const WIN32_DEC_RE = new RegExp(`(?<![0-9A-Za-z_])win32\\s?error(?:\\s?code)?${SEP}(\\d{1,5})(?![0-9A-Za-z_]|\\.\\d)`, 'gi');
/** The patterns composed above, for the regex safety test (it finds literal patterns by itself). */
export const COMPOSED_PATTERNS: readonly RegExp[] = [HEX8_RE, CONTEXT_HEX_RE, CONTEXT_DEC_RE, WIN32_DEC_RE];

function collect(re: RegExp, message: string, out: FoundErrorCode[], accept: (text: string) => number | undefined): void {
  re.lastIndex = 0;
  for (let m = re.exec(message); m !== null; m = re.exec(message)) {
    const text = m[1] ?? m[0];
    const end = m.index + m[0].length;
    const start = end - text.length;
    const value = accept(text);
    if (value !== undefined) out.push({ start, end, value });
    // Patterns never match the empty string, so lastIndex always advances.
  }
}

/**
 * Finds error codes in one log message. Results are sorted by `start` and do
 * not overlap.
 *
 * Recognised:
 * - `0x` + 8 hex digits anywhere (`0x80070005`, `(0x87D1041C)`);
 * - `0x` + 1..7 hex digits after error-ish words (`error 0x5`, `hr=0x3f0`);
 * - 9-10 digit decimals after error-ish words when they are negative
 *   (`error -2147024891`) or at least 0x80000000 (`ErrorCode = 2147942405`);
 * - `Win32 Error = 5`.
 * Not recognised: codes glued to letters/digits (`abc0x80070005`, `0x123456789`),
 * and GUID pieces.
 */
export function findErrorCodes(message: string): FoundErrorCode[] {
  const found: FoundErrorCode[] = [];
  collect(HEX8_RE, message, found, (t) => parseInt(t.slice(2), 16) >>> 0);
  collect(CONTEXT_HEX_RE, message, found, (t) => parseInt(t.slice(2), 16) >>> 0);
  collect(CONTEXT_DEC_RE, message, found, (t) => {
    // Only values that look like failure HRESULTs: negative (any in range maps to
    // >= 0x80000000), or unsigned and >= 0x80000000.
    const v = parseErrorCode(t);
    return v !== undefined && v >= 0x80000000 ? v : undefined;
  });
  collect(WIN32_DEC_RE, message, found, (t) => {
    const v = Number(t);
    return v <= 0xffff ? v : undefined;
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: FoundErrorCode[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start >= lastEnd) {
      result.push(f);
      lastEnd = f.end;
    }
  }
  return result;
}
