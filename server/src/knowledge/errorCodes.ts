import { headerName, SOURCE_WINDOWS_HEADERS } from './errorCodeNames';

/**
 * Windows / ConfigMgr / Intune error codes: parsing, decoding and the sourced
 * table of meanings for the codes admins meet most. Symbol names for thousands
 * more come from the Windows headers (errorCodeNames.ts, generated).
 *
 * Pure core: no `vscode` or LSP imports.
 *
 * Every table entry names the document it comes from. The meanings are written
 * in this project's own words; they are not quotations. Codes we could not find
 * in a source we trust get no meaning, so hovers show the header name alone or
 * say "unknown" rather than guess (for example 0xD0090016).
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
const LEARN = 'learn.microsoft.com';
export const SOURCE_INTUNE_APP_INSTALL =
  `Microsoft Learn: Intune app installation error reference, CC BY 4.0 (${LEARN}/troubleshoot/mem/intune/app-management/app-install-error-codes)`;
export const SOURCE_INTUNE_COMMON =
  `Microsoft Learn: Common error codes and descriptions in Microsoft Intune, CC BY 4.0 (${LEARN}/troubleshoot/mem/intune/general/troubleshoot-company-resource-access-problems)`;
export const SOURCE_CM_TS_MEDIA_87D01004 = `Microsoft Learn: Task sequence fails when using stand-alone media in Configuration Manager (${LEARN}/troubleshoot/mem/configmgr/os-deployment/task-sequence-fails-error-0x87d01004)`;
export const SOURCE_CM_APP_AFTER_CLIENT_UPGRADE = 'Microsoft support: FIX: Application installation fails post-upgrade of the Configuration Manager client from version 1606 to version 1610 or 1702 (support.microsoft.com/topic/3e413ceb-7cc8-72bd-78ac-a9c699bc891f)';
export const SOURCE_WU_ERRORS = `Microsoft Learn: Windows Update error codes by component (${LEARN}/windows/deployment/update/windows-update-error-reference)`;
export const SOURCE_WU_SCAN = `Microsoft Learn: Troubleshoot software update scan failures in Configuration Manager (${LEARN}/troubleshoot/mem/configmgr/update-management/troubleshoot-software-update-scan-failures)`;
export const SOURCE_CM_INSTALL = `Microsoft Learn: Application deployment install technical reference (${LEARN}/troubleshoot/mem/configmgr/app-management/understand/deployment-install-technical-reference)`;
export const SOURCE_CM_DOWNLOAD = `Microsoft Learn: Application deployment download technical reference (${LEARN}/troubleshoot/mem/configmgr/app-management/understand/deployment-download-technical-reference)`;
export const SOURCE_CM_HTTP_405 = `Microsoft Learn: Clients fail to download content with HTTP 405 errors (${LEARN}/troubleshoot/mem/configmgr/app-management/issues/clients-fail-download-content-http-405-errors)`;
export const SOURCE_CM_COMANAGEMENT = `Microsoft Learn: Troubleshoot co-management: auto-enroll existing Configuration Manager devices into Intune (${LEARN}/troubleshoot/mem/intune/comanage-configmgr/troubleshoot-co-management-auto-enrolling)`;
export const SOURCE_MDM_REGISTRATION = `Microsoft Learn: MDM registration error values (${LEARN}/windows/win32/mdmreg/mdm-registration-constants)`;
export const SOURCE_INTUNE_WINDOWS_ENROLL = `Microsoft Learn: Troubleshoot Windows device enrollment errors in Intune (${LEARN}/troubleshoot/mem/intune/device-enrollment/troubleshoot-windows-enrollment-errors)`;
export const SOURCE_WMI = `Microsoft Learn: WMI Error Constants (${LEARN}/windows/win32/wmisdk/wmi-error-constants)`;
export const SOURCE_MSI = `Microsoft Learn: MsiExec.exe and InstMsi.exe error messages (${LEARN}/windows/win32/msi/error-codes)`;
export const SOURCE_HTTP = 'RFC 9110 HTTP Semantics, section 15 (status codes)';
export const SOURCE_BITSMSG = 'Windows SDK bitsmsg.h (BG_E_HTTP_ERROR_xxx: 0x8019xxxx carries the HTTP status)';
// CBS_E_* (0x800F08xx / 0x800F09xx) are in no MinGW-w64 header: names as CBS.log writes them beside
// the value (`[HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]`), meanings from these pages.
export const SOURCE_CBS_CORRUPTION = `Microsoft Learn: Fix Windows Update corruptions and installation failures, KB 947821 (${LEARN}/troubleshoot/windows-server/installing-updates-features-roles/fix-windows-update-errors)`;
export const SOURCE_CBS_ERRORS = 'Microsoft TechNet: Windows Server 2008 R2, common CBS errors (technet.microsoft.com/library/cc732334(WS.10).aspx); the name as CBS.log writes it';
export const SOURCE_NETFX3_ERRORS = `Microsoft Learn: .NET Framework 3.5 installation errors: 0x800F0906, 0x800F081F, 0x800F0907, 0x800F0922, KB 2734782 (${LEARN}/troubleshoot/windows-client/application-management/dotnet-framework-35-installation-error); the name as CBS.log writes it`;

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
  w(13, 'ERROR_INVALID_DATA', 'The data passed or read is not valid.'),
  w(15, 'ERROR_INVALID_DRIVE', 'The drive named does not exist.'),
  w(21, 'ERROR_NOT_READY', 'The device is not ready (no medium, or still starting).'),
  w(31, 'ERROR_GEN_FAILURE', 'A device attached to the system is not working.'),
  w(33, 'ERROR_LOCK_VIOLATION', 'Another process has locked a part of the file.'),
  w(38, 'ERROR_HANDLE_EOF', 'The end of the file was reached.'),
  w(39, 'ERROR_HANDLE_DISK_FULL', 'The disk is full.'),
  w(51, 'ERROR_REM_NOT_LIST', 'The remote computer is not available on the network.'),
  w(59, 'ERROR_UNEXP_NET_ERR', 'An unexpected network error happened.'),
  w(67, 'ERROR_BAD_NET_NAME', 'The network name (share) could not be found.'),
  w(80, 'ERROR_FILE_EXISTS', 'The file already exists.'),
  w(86, 'ERROR_INVALID_PASSWORD', 'The network password is not correct.'),
  w(122, 'ERROR_INSUFFICIENT_BUFFER', 'The buffer passed to a call is too small for the answer.'),
  w(123, 'ERROR_INVALID_NAME', 'The file name, folder name or volume label syntax is not valid.'),
  w(183, 'ERROR_ALREADY_EXISTS', 'The file or object already exists, so it cannot be created again.'),
  w(206, 'ERROR_FILENAME_EXCED_RANGE', 'The file name or extension is too long (often a path over 260 characters).'),
  w(234, 'ERROR_MORE_DATA', 'More data is available than fits in the buffer given.'),
  w(258, 'WAIT_TIMEOUT', 'A wait ran out of time before the awaited event happened.'),
  w(259, 'ERROR_NO_MORE_ITEMS', 'There are no more items to list.'),
  w(267, 'ERROR_DIRECTORY', 'The folder name is not valid.'),
  w(1056, 'ERROR_SERVICE_ALREADY_RUNNING', 'The service is already running.'),
  w(1058, 'ERROR_SERVICE_DISABLED', 'The service cannot be started because it is disabled (or has no enabled devices).'),
  w(1060, 'ERROR_SERVICE_DOES_NOT_EXIST', 'The service named is not installed.'),
  w(1062, 'ERROR_SERVICE_NOT_ACTIVE', 'The service has not been started.'),
  w(1067, 'ERROR_PROCESS_ABORTED', 'The process ended unexpectedly.'),
  w(1069, 'ERROR_SERVICE_LOGON_FAILED', 'The service did not start because its account could not sign in.'),
  w(1115, 'ERROR_SHUTDOWN_IN_PROGRESS', 'The system is shutting down.'),
  w(1219, 'ERROR_SESSION_CREDENTIAL_CONFLICT', 'The same server is already connected with other credentials; one user cannot hold two connections to it.'),
  w(1231, 'ERROR_NETWORK_UNREACHABLE', 'The network location cannot be reached (routing or firewall).'),
  w(1232, 'ERROR_HOST_UNREACHABLE', 'The host cannot be reached on the network.'),
  w(1312, 'ERROR_NO_SUCH_LOGON_SESSION', 'The sign-in session asked for does not exist (it may have ended).'),
  w(1314, 'ERROR_PRIVILEGE_NOT_HELD', 'The account lacks a privilege the operation needs.'),
  w(1330, 'ERROR_PASSWORD_EXPIRED', 'The account\'s password has expired.'),
  w(1331, 'ERROR_ACCOUNT_DISABLED', 'The account is disabled.'),
  w(1332, 'ERROR_NONE_MAPPED', 'An account name could not be mapped to a security ID.'),
  w(1355, 'ERROR_NO_SUCH_DOMAIN', 'The domain could not be contacted or does not exist.'),
  w(1392, 'ERROR_FILE_CORRUPT', 'The file or folder is corrupted and cannot be read.'),
  w(1450, 'ERROR_NO_SYSTEM_RESOURCES', 'Not enough system resources exist to complete the call.'),
  w(1601, 'ERROR_INSTALL_SERVICE_FAILURE', 'Windows Installer: the Windows Installer service could not be reached.', SOURCE_MSI),
  w(1604, 'ERROR_INSTALL_SUSPEND', 'Windows Installer: the installation was suspended and is incomplete.', SOURCE_MSI),
  w(1606, 'ERROR_UNKNOWN_FEATURE', 'Windows Installer: the feature asked for is not known to the product.', SOURCE_MSI),
  w(1620, 'ERROR_INSTALL_PACKAGE_INVALID', 'Windows Installer: the package could not be opened; it may not be a valid Windows Installer package.', SOURCE_MSI),
  w(1624, 'ERROR_INSTALL_TRANSFORM_FAILURE', 'Windows Installer: a transform (.mst) could not be applied.', SOURCE_MSI),
  w(1625, 'ERROR_INSTALL_PACKAGE_REJECTED', 'Windows Installer: the installation is forbidden by system policy.', SOURCE_MSI),
  w(1633, 'ERROR_INSTALL_PLATFORM_UNSUPPORTED', 'Windows Installer: the package is not supported on this processor type (for example x64 only).', SOURCE_MSI),
  w(1639, 'ERROR_INVALID_COMMAND_LINE', 'Windows Installer: the command line arguments are not valid.', SOURCE_MSI),
  w(1642, 'ERROR_PATCH_TARGET_NOT_FOUND', 'Windows Installer: the program to be patched is missing or at another version than the patch expects.', SOURCE_MSI),
  w(1643, 'ERROR_PATCH_PACKAGE_REJECTED', 'Windows Installer: the patch package is not allowed by system policy.', SOURCE_MSI),
  w(1726, 'RPC_S_CALL_FAILED', 'The remote procedure call failed.'),
  w(1727, 'RPC_S_CALL_FAILED_DNE', 'The remote procedure call failed and did not run.'),
  w(1753, 'EPT_S_NOT_REGISTERED', 'The RPC endpoint mapper has no endpoint for the service (the service is not running or a firewall blocks it).'),
  w(1909, 'ERROR_ACCOUNT_LOCKED_OUT', 'The account is locked out.'),
  w(2250, 'ERROR_NOT_CONNECTED', 'This network connection does not exist.'),
  w(4312, 'ERROR_OBJECT_NOT_FOUND', 'The object was not found.'),
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
  w(12001, 'ERROR_WINHTTP_OUT_OF_HANDLES', 'WinHTTP: no more handles could be created.', SOURCE_WINHTTP),
  w(12004, 'ERROR_WINHTTP_INTERNAL_ERROR', 'WinHTTP: an internal error happened.', SOURCE_WINHTTP),
  w(12005, 'ERROR_WINHTTP_INVALID_URL', 'WinHTTP: the URL is not valid.', SOURCE_WINHTTP),
  w(12006, 'ERROR_WINHTTP_UNRECOGNIZED_SCHEME', 'WinHTTP: the URL scheme is neither http nor https.', SOURCE_WINHTTP),
  w(12015, 'ERROR_WINHTTP_LOGIN_FAILURE', 'WinHTTP: the sign-in (user name and password) was not accepted.', SOURCE_WINHTTP),
  w(12017, 'ERROR_WINHTTP_OPERATION_CANCELLED', 'WinHTTP: the operation was cancelled, usually because its handle was closed first.', SOURCE_WINHTTP),
  w(12019, 'ERROR_WINHTTP_INCORRECT_HANDLE_STATE', 'WinHTTP: the handle is not in the right state for this call.', SOURCE_WINHTTP),
  w(12150, 'ERROR_WINHTTP_HEADER_NOT_FOUND', 'WinHTTP: the HTTP header asked for was not in the response.', SOURCE_WINHTTP),
  w(12152, 'ERROR_WINHTTP_INVALID_SERVER_RESPONSE', 'WinHTTP: the server response could not be parsed.', SOURCE_WINHTTP),
  w(12156, 'ERROR_WINHTTP_REDIRECT_FAILED', 'WinHTTP: a redirect failed (scheme change or all redirect attempts used).', SOURCE_WINHTTP),
  w(12157, 'ERROR_WINHTTP_SECURE_CHANNEL_ERROR', 'WinHTTP: a TLS/SSL (secure channel) error happened.', SOURCE_WINHTTP),
  w(12166, 'ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT', 'WinHTTP: the proxy auto-configuration (PAC) script has an error.', SOURCE_WINHTTP),
  w(12167, 'ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT', 'WinHTTP: the proxy auto-configuration (PAC) script could not be downloaded.', SOURCE_WINHTTP),
  w(12169, 'ERROR_WINHTTP_SECURE_INVALID_CERT', 'WinHTTP: the server certificate is not valid.', SOURCE_WINHTTP),
  w(12170, 'ERROR_WINHTTP_SECURE_CERT_REVOKED', 'WinHTTP: the server certificate was revoked.', SOURCE_WINHTTP),
  w(12172, 'ERROR_WINHTTP_NOT_INITIALIZED', 'WinHTTP: initialization failed or was not done.', SOURCE_WINHTTP),
  w(12178, 'ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR', 'WinHTTP: the automatic proxy (WinHTTP Web Proxy Auto-Discovery) service failed.', SOURCE_WINHTTP),
  w(12180, 'ERROR_WINHTTP_AUTODETECTION_FAILED', 'WinHTTP: the proxy could not be discovered automatically (WPAD).', SOURCE_WINHTTP),
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
  // --- COM and RPC ([MS-ERREF] 2.1) ---
  h(0x80040154, 'REGDB_E_CLASSNOTREG', 'The COM class is not registered on this computer (a component is missing or its registration is broken).', SOURCE_MS_ERREF_HRESULT),
  h(0x800401f3, 'CO_E_CLASSSTRING', 'The COM class name (ProgID) or class ID is not valid or not registered.', SOURCE_MS_ERREF_HRESULT),
  h(0x80010105, 'RPC_E_SERVERFAULT', 'The COM server threw an exception while handling the call.', SOURCE_MS_ERREF_HRESULT),
  h(0x80010108, 'RPC_E_DISCONNECTED', 'The COM object has disconnected from its clients (its process ended or restarted).', SOURCE_MS_ERREF_HRESULT),
  // --- CryptoAPI and security packages (0x8009xxxx), trust and certificates (0x800Bxxxx) ([MS-ERREF] 2.1) ---
  h(0x80090005, 'NTE_BAD_DATA', 'Cryptography: the data given is not valid (for example a corrupted or wrongly encrypted blob).', SOURCE_MS_ERREF_HRESULT),
  h(0x80090008, 'NTE_BAD_ALGID', 'Cryptography: the algorithm asked for is not valid for this provider or key.', SOURCE_MS_ERREF_HRESULT),
  h(0x8009000d, 'NTE_NO_KEY', 'Cryptography: the key does not exist (for example a certificate whose private key is missing).', SOURCE_MS_ERREF_HRESULT),
  h(0x8009000f, 'NTE_EXISTS', 'Cryptography: the object (key container) already exists.', SOURCE_MS_ERREF_HRESULT),
  h(0x80090010, 'NTE_PERM', 'Cryptography: access denied to the key (the account may not read the private key).', SOURCE_MS_ERREF_HRESULT),
  h(0x80090011, 'NTE_NOT_FOUND', 'Cryptography: the object (key or container) was not found.', SOURCE_MS_ERREF_HRESULT),
  h(0x80090020, 'NTE_FAIL', 'Cryptography: an internal error happened in the provider (often the TPM or smart card).', SOURCE_MS_ERREF_HRESULT),
  h(0x80090027, 'NTE_INVALID_PARAMETER', 'Cryptography: a parameter is not valid.', SOURCE_MS_ERREF_HRESULT),
  h(0x80090029, 'NTE_NOT_SUPPORTED', 'Cryptography: the operation is not supported by this provider.', SOURCE_MS_ERREF_HRESULT),
  h(0x80090030, 'NTE_DEVICE_NOT_READY', 'Cryptography: the device that holds the key (TPM, smart card) is not ready.', SOURCE_MS_ERREF_HRESULT),
  h(0x80090302, 'SEC_E_UNSUPPORTED_FUNCTION', 'Security package: the function is not supported (often a TLS version or cipher the other side does not offer).', SOURCE_MS_ERREF_HRESULT),
  h(0x80090304, 'SEC_E_INTERNAL_ERROR', 'Security package: the Local Security Authority could not be contacted or failed internally.', SOURCE_MS_ERREF_HRESULT),
  h(0x80090308, 'SEC_E_INVALID_TOKEN', 'Security package: the token (for example a TLS handshake message) is not valid.', SOURCE_MS_ERREF_HRESULT),
  h(0x8009030c, 'SEC_E_LOGON_DENIED', 'Security package: the sign-in attempt failed.', SOURCE_MS_ERREF_HRESULT),
  h(0x8009030d, 'SEC_E_UNKNOWN_CREDENTIALS', 'Security package: the credentials given were not recognised (for example a client certificate without a usable private key).', SOURCE_MS_ERREF_HRESULT),
  h(0x8009030e, 'SEC_E_NO_CREDENTIALS', 'Security package: no credentials are available (no suitable certificate or sign-in).', SOURCE_MS_ERREF_HRESULT),
  h(0x80090311, 'SEC_E_NO_AUTHENTICATING_AUTHORITY', 'Security package: no authority (domain controller) could be contacted to authenticate.', SOURCE_MS_ERREF_HRESULT),
  h(0x80090322, 'SEC_E_WRONG_PRINCIPAL', 'Security package: the target principal name is wrong (Kerberos SPN or server name mismatch).', SOURCE_MS_ERREF_HRESULT),
  h(0x80090325, 'SEC_E_UNTRUSTED_ROOT', 'TLS: the certificate chain was issued by an authority this computer does not trust.', SOURCE_MS_ERREF_HRESULT),
  h(0x80090326, 'SEC_E_ILLEGAL_MESSAGE', 'TLS: the message received was unexpected or badly formatted (often a protocol or cipher mismatch, or something in the middle).', SOURCE_MS_ERREF_HRESULT),
  h(0x80090327, 'SEC_E_CERT_UNKNOWN', 'TLS: an unknown error happened while processing the certificate.', SOURCE_MS_ERREF_HRESULT),
  h(0x80090328, 'SEC_E_CERT_EXPIRED', 'TLS: the certificate received has expired.', SOURCE_MS_ERREF_HRESULT),
  h(0x80090331, 'SEC_E_ALGORITHM_MISMATCH', 'TLS: client and server share no algorithm (TLS version or cipher suites do not overlap).', SOURCE_MS_ERREF_HRESULT),
  h(0x80092004, 'CRYPT_E_NOT_FOUND', 'Cryptography: the object or property was not found (for example no certificate matching the search in the store).', SOURCE_MS_ERREF_HRESULT),
  h(0x80092012, 'CRYPT_E_NO_REVOCATION_CHECK', 'The revocation function could not check the certificate (no CRL distribution point, or none reachable).', SOURCE_MS_ERREF_HRESULT),
  h(0x80096004, 'TRUST_E_CERT_SIGNATURE', 'The signature of a certificate in the chain could not be verified.', SOURCE_MS_ERREF_HRESULT),
  h(0x80096010, 'TRUST_E_BAD_DIGEST', 'The digital signature of the file does not match its content (the file changed after signing, or is corrupt).', SOURCE_MS_ERREF_HRESULT),
  h(0x800b0001, 'TRUST_E_PROVIDER_UNKNOWN', 'No trust provider is known for this kind of file or signature.', SOURCE_MS_ERREF_HRESULT),
  h(0x800b0003, 'TRUST_E_SUBJECT_FORM_UNKNOWN', 'The file\'s form is not one the trust provider can check.', SOURCE_MS_ERREF_HRESULT),
  h(0x800b0004, 'TRUST_E_SUBJECT_NOT_TRUSTED', 'The subject (file or publisher) is not trusted for the action asked.', SOURCE_MS_ERREF_HRESULT),
  h(0x800b0100, 'TRUST_E_NOSIGNATURE', 'The file carries no signature.', SOURCE_MS_ERREF_HRESULT),
  h(0x800b010c, 'CERT_E_REVOKED', 'A certificate was explicitly revoked by its issuer.', SOURCE_MS_ERREF_HRESULT),
  h(0x800b010e, 'CERT_E_REVOCATION_FAILURE', 'Revocation could not be checked because the revocation server was offline.', SOURCE_MS_ERREF_HRESULT),
  h(0x800b0110, 'CERT_E_WRONG_USAGE', 'The certificate is not valid for the use asked (for example missing the Client or Server Authentication purpose).', SOURCE_MS_ERREF_HRESULT),
  h(0x800b0111, 'TRUST_E_EXPLICIT_DISTRUST', 'The certificate is explicitly distrusted (in the Untrusted Certificates store).', SOURCE_MS_ERREF_HRESULT),
  h(0x800b0112, 'CERT_E_UNTRUSTEDCA', 'A certification authority in the chain is not trusted for this use.', SOURCE_MS_ERREF_HRESULT),
  // --- WMI (0x8004xxxx) ---
  h(0x80041001, 'WBEM_E_FAILED', 'WMI: the call failed without a more specific reason.', SOURCE_WMI),
  h(0x80041002, 'WBEM_E_NOT_FOUND', 'WMI: the object (class, instance or namespace) was not found.', SOURCE_WMI),
  h(0x80041003, 'WBEM_E_ACCESS_DENIED', 'WMI: the account lacks permission for the operation.', SOURCE_WMI),
  h(0x80041006, 'WBEM_E_OUT_OF_MEMORY', 'WMI: there was not enough memory for the operation.', SOURCE_WMI),
  h(0x8004100e, 'WBEM_E_INVALID_NAMESPACE', 'WMI: the namespace does not exist (for example root\\ccm on a computer without the ConfigMgr client).', SOURCE_WMI),
  h(0x80041010, 'WBEM_E_INVALID_CLASS', 'WMI: the class does not exist.', SOURCE_WMI),
  h(0x80041013, 'WBEM_E_PROVIDER_LOAD_FAILURE', 'WMI: the provider for the class could not be loaded (often a WMI repository or registration problem).', SOURCE_WMI),
  h(0x80041017, 'WBEM_E_INVALID_QUERY', 'WMI: the query is not valid.', SOURCE_WMI),
  h(0x80041032, 'WBEM_E_CALL_CANCELLED', 'WMI: the call was cancelled.', SOURCE_WMI),
  h(0x80041033, 'WBEM_E_SHUTTING_DOWN', 'WMI: the service is shutting down and cannot take the call.', SOURCE_WMI),
  // --- Component-based servicing (CBS, DISM, features on demand: 0x800F08xx) ---
  h(0x800f0805, 'CBS_E_INVALID_PACKAGE', 'Servicing: the package is not valid (not one Windows can install here); get a valid package and try again.', SOURCE_CBS_ERRORS),
  h(0x800f081f, 'CBS_E_SOURCE_MISSING', 'Servicing: the source of the package or of a file was not found (the feature\'s or repair\'s payload, e.g. .NET Framework 3.5, is not on the device nor in the source given).', `${SOURCE_CBS_CORRUPTION}; ${SOURCE_NETFX3_ERRORS}`),
  h(0x800f0831, 'CBS_E_STORE_CORRUPTION', 'Servicing: the component store (CBS store) is corrupted.', SOURCE_CBS_CORRUPTION),
  h(0x800f0906, 'CBS_E_DOWNLOAD_FAILURE', 'Servicing: the source files could not be downloaded from Windows Update (no connection, a proxy or firewall, or the device is pointed to WSUS).', SOURCE_NETFX3_ERRORS),
  h(0x800f0907, 'CBS_E_GROUPPOLICY_DISALLOWED', 'Servicing: a Group Policy setting keeps Windows from downloading the source files from Windows Update.', SOURCE_NETFX3_ERRORS),
  // --- Windows Update Agent (0x8024xxxx) ---
  h(0x80240002, 'WU_E_MAX_CAPACITY_REACHED', 'Windows Update: the service\'s maximum capacity was exceeded.', SOURCE_WU_ERRORS),
  h(0x80240003, 'WU_E_UNKNOWN_ID', 'Windows Update: an ID could not be found.', SOURCE_WU_ERRORS),
  h(0x80240004, 'WU_E_NOT_INITIALIZED', 'Windows Update: the object could not be initialised.', SOURCE_WU_ERRORS),
  h(0x80240005, 'WU_E_RANGEOVERLAP', 'Windows Update: the update handler asked for a byte range that overlaps one asked for before.', SOURCE_WU_ERRORS),
  h(0x80240006, 'WU_E_TOOMANYRANGES', 'Windows Update: more byte ranges were asked for than allowed.', SOURCE_WU_ERRORS),
  h(0x80240007, 'WU_E_INVALIDINDEX', 'Windows Update: an index into a collection was not valid.', SOURCE_WU_ERRORS),
  h(0x80240008, 'WU_E_ITEMNOTFOUND', 'Windows Update: the key of the item asked for could not be found.', SOURCE_WU_ERRORS),
  h(0x80240009, 'WU_E_OPERATIONINPROGRESS', 'Windows Update: another, conflicting operation was in progress.', SOURCE_WU_ERRORS),
  h(0x8024000a, 'WU_E_COULDNOTCANCEL', 'Windows Update: the operation could not be cancelled.', SOURCE_WU_ERRORS),
  h(0x8024000e, 'WU_E_XML_INVALID', 'Windows Update: the update\'s XML metadata holds information that is not valid.', SOURCE_WU_ERRORS),
  h(0x8024000f, 'WU_E_CYCLE_DETECTED', 'Windows Update: the update metadata has circular relationships.', SOURCE_WU_ERRORS),
  h(0x80240010, 'WU_E_TOO_DEEP_RELATION', 'Windows Update: the update relationships are too deep to evaluate.', SOURCE_WU_ERRORS),
  h(0x80240012, 'WU_E_REG_VALUE_INVALID', 'Windows Update: a registry value read is not valid.', SOURCE_WU_ERRORS),
  h(0x80240013, 'WU_E_DUPLICATE_ITEM', 'Windows Update: the operation tried to add a duplicate item to a list.', SOURCE_WU_ERRORS),
  h(0x80240018, 'WU_E_NO_USERTOKEN', 'Windows Update: a required user token is missing.', SOURCE_WU_ERRORS),
  h(0x80240019, 'WU_E_EXCLUSIVE_INSTALL_CONFLICT', 'Windows Update: an exclusive update cannot be installed together with other updates.', SOURCE_WU_ERRORS),
  h(0x8024001a, 'WU_E_POLICY_NOT_SET', 'Windows Update: a policy value was not set.', SOURCE_WU_ERRORS),
  h(0x8024001b, 'WU_E_SELFUPDATE_IN_PROGRESS', 'Windows Update: the agent is updating itself, so the operation could not run.', SOURCE_WU_ERRORS),
  h(0x8024001d, 'WU_E_INVALID_UPDATE', 'Windows Update: an update contains metadata that is not valid.', SOURCE_WU_ERRORS),
  h(0x80240021, 'WU_E_TIME_OUT', 'Windows Update: the operation did not finish in time.', SOURCE_WU_ERRORS),
  h(0x80240023, 'WU_E_EULAS_DECLINED', 'Windows Update: the license terms of every update were declined.', SOURCE_WU_ERRORS),
  h(0x80240024, 'WU_E_NO_UPDATE', 'Windows Update: there are no updates.', SOURCE_WU_ERRORS),
  h(0x80240026, 'WU_E_INVALID_UPDATE_TYPE', 'Windows Update: the update type is not valid.', SOURCE_WU_ERRORS),
  h(0x80240027, 'WU_E_URL_TOO_LONG', 'Windows Update: a URL is longer than allowed.', SOURCE_WU_ERRORS),
  h(0x80240028, 'WU_E_UNINSTALL_NOT_ALLOWED', 'Windows Update: the update could not be uninstalled because the request did not come from a WSUS server.', SOURCE_WU_ERRORS),
  h(0x8024002a, 'WU_E_MISSING_HANDLER', 'Windows Update: a component needed to detect applicable updates is missing.', SOURCE_WU_ERRORS),
  h(0x8024002b, 'WU_E_LEGACYSERVER', 'Windows Update: the operation needs a newer version of the update server.', SOURCE_WU_ERRORS),
  h(0x8024002c, 'WU_E_BIN_SOURCE_ABSENT', 'Windows Update: a delta-compressed update could not be installed because its source is missing.', SOURCE_WU_ERRORS),
  h(0x8024002d, 'WU_E_SOURCE_ABSENT', 'Windows Update: a full-file update could not be installed because its source is missing.', SOURCE_WU_ERRORS),
  h(0x80240031, 'WU_E_INVALID_FILE', 'Windows Update: a file is in the wrong format.', SOURCE_WU_ERRORS),
  h(0x80240033, 'WU_E_EULA_UNAVAILABLE', 'Windows Update: the license terms could not be downloaded.', SOURCE_WU_ERRORS),
  h(0x80240035, 'WU_E_UPDATE_NOT_PROCESSED', 'Windows Update: the update was not processed.', SOURCE_WU_ERRORS),
  h(0x80240036, 'WU_E_INVALID_OPERATION', 'Windows Update: the object\'s current state does not allow the operation.', SOURCE_WU_ERRORS),
  h(0x80240037, 'WU_E_NOT_SUPPORTED', 'Windows Update: the operation is not supported.', SOURCE_WU_ERRORS),
  h(0x80246001, 'WU_E_DM_URLNOTAVAILABLE', 'Windows Update: the download could not start because the file has no URL.', SOURCE_WU_ERRORS),
  h(0x80246002, 'WU_E_DM_INCORRECTFILEHASH', 'Windows Update: the downloaded file\'s digest does not match (corrupted or tampered download).', SOURCE_WU_ERRORS),
  h(0x80246005, 'WU_E_DM_NONETWORK', 'Windows Update: the download could not finish because no network connection was available.', SOURCE_WU_ERRORS),
  h(0x80246006, 'WU_E_DM_WRONGBITSVERSION', 'Windows Update: the installed BITS version is not compatible.', SOURCE_WU_ERRORS),
  h(0x80242014, 'WU_E_UH_POSTREBOOTSTILLPENDING', 'Windows Update: the update\'s post-restart work is still in progress.', SOURCE_WU_ERRORS),
  h(0x80240001, 'WU_E_NO_SERVICE', 'Windows Update Agent could not provide the service.', SOURCE_WU_ERRORS),
  h(0x8024000b, 'WU_E_CALL_CANCELLED', 'Windows Update: the operation was cancelled.', SOURCE_WU_ERRORS),
  h(0x8024000c, 'WU_E_NOOP', 'Windows Update: no operation was needed.', SOURCE_WU_ERRORS),
  h(0x80240016, 'WU_E_INSTALL_NOT_ALLOWED', 'Windows Update: an install was attempted while another was running or a restart is pending.', SOURCE_WU_ERRORS),
  h(0x80240017, 'WU_E_NOT_APPLICABLE', 'Windows Update: nothing done because no update applies.', SOURCE_WU_ERRORS),
  h(0x8024001e, 'WU_E_SERVICE_STOP', 'Windows Update: the operation stopped because the service or the system was shutting down.', SOURCE_WU_ERRORS),
  h(0x8024001f, 'WU_E_NO_CONNECTION', 'Windows Update: no network connection was available.', SOURCE_WU_ERRORS),
  h(0x80240020, 'WU_E_NO_INTERACTIVE_USER', 'Windows Update: the operation needs a signed-in user and none is signed in.', SOURCE_WU_ERRORS),
  h(0x80240022, 'WU_E_ALL_UPDATES_FAILED', 'Windows Update: the operation failed for every update.', SOURCE_WU_ERRORS),
  h(0x80240025, 'WU_E_USER_ACCESS_DISABLED', 'Windows Update: a policy forbids this user to use Windows Update.', SOURCE_WU_ERRORS),
  h(0x8024002e, 'WU_E_WU_DISABLED', 'Windows Update: access to an unmanaged server (Microsoft Update) is not allowed by policy.', SOURCE_WU_ERRORS),
  h(0x80240030, 'WU_E_INVALID_PROXY_SERVER', 'Windows Update: the proxy list is malformed. ConfigMgr\'s scan troubleshooting lists it among proxy problems: check the WinHTTP proxy setting.', `${SOURCE_WU_ERRORS}; ${SOURCE_WU_SCAN}`),
  h(0x80240032, 'WU_E_INVALID_CRITERIA', 'Windows Update: the search criteria string is not valid.', SOURCE_WU_ERRORS),
  h(0x80240034, 'WU_E_DOWNLOAD_FAILED', 'Windows Update: the update failed to download.', SOURCE_WU_ERRORS),
  h(0x80240438, 'WU_E_PT_ENDPOINT_UNREACHABLE', 'Windows Update: there is no route or network connectivity to the update service endpoint.', SOURCE_WU_ERRORS),
  h(0x80240fff, 'WU_E_UNEXPECTED', 'Windows Update: an unexpected failure with no more specific code.', SOURCE_WU_ERRORS),
  h(0x80242006, 'WU_E_UH_INVALIDMETADATA', 'Windows Update: the update handler could not run because the update\'s metadata is not valid.', SOURCE_WU_ERRORS),
  h(0x8024200b, 'WU_E_UH_INSTALLERFAILURE', 'Windows Update: the installer failed to install one or more updates.', SOURCE_WU_ERRORS),
  h(0x8024200d, 'WU_E_UH_NEEDANOTHERDOWNLOAD', 'Windows Update: the update was not installed because it needs to be downloaded again.', SOURCE_WU_ERRORS),
  h(0x80244007, 'WU_E_PT_SOAPCLIENT_SOAPFAULT', 'Windows Update: the update server answered with a SOAP fault.', SOURCE_WU_ERRORS),
  h(0x8024400a, 'WU_E_PT_SOAPCLIENT_PARSE', 'Windows Update: the answer from the update server could not be parsed.', SOURCE_WU_ERRORS),
  h(0x8024400d, 'WU_E_PT_SOAP_CLIENT', 'Windows Update: the update server found the request not valid (SOAP client fault).', SOURCE_WU_ERRORS),
  h(0x8024400e, 'WU_E_PT_SOAP_SERVER', 'Windows Update: the update server failed while handling the request (SOAP server fault).', SOURCE_WU_ERRORS),
  h(0x80244010, 'WU_E_PT_EXCEEDED_MAX_SERVER_TRIPS', 'Windows Update: the number of round trips to the server went over the limit.', SOURCE_WU_ERRORS),
  h(0x80244015, 'WU_E_PT_REFRESH_CACHE_REQUIRED', 'Windows Update: the server says its state changed or the cookie is no longer valid; the client refreshes and retries.', SOURCE_WU_ERRORS),
  h(0x80244016, 'WU_E_PT_HTTP_STATUS_BAD_REQUEST', 'Windows Update: the server answered HTTP 400 (bad request).', SOURCE_WU_ERRORS),
  h(0x80244017, 'WU_E_PT_HTTP_STATUS_DENIED', 'Windows Update: the server answered HTTP 401 (authentication needed). Scan troubleshooting lists it among time-out and authentication problems.', `${SOURCE_WU_ERRORS}; ${SOURCE_WU_SCAN}`),
  h(0x80244018, 'WU_E_PT_HTTP_STATUS_FORBIDDEN', 'Windows Update: the server answered HTTP 403 (forbidden), often a proxy or a firewall in the way.', `${SOURCE_WU_ERRORS}; ${SOURCE_WU_SCAN}`),
  h(0x80244019, 'WU_E_PT_HTTP_STATUS_NOT_FOUND', 'Windows Update: the server answered HTTP 404 (not found).', SOURCE_WU_ERRORS),
  h(0x8024401a, 'WU_E_PT_HTTP_STATUS_BAD_METHOD', 'Windows Update: the server answered HTTP 405 (method not allowed).', SOURCE_WU_ERRORS),
  h(0x8024401b, 'WU_E_PT_HTTP_STATUS_PROXY_AUTH_REQ', 'Windows Update: the proxy answered HTTP 407 (proxy authentication required). A proxy problem: the scan runs as SYSTEM, which cannot answer the proxy\'s sign-in.', `${SOURCE_WU_ERRORS}; ${SOURCE_WU_SCAN}`),
  h(0x8024401c, 'WU_E_PT_HTTP_STATUS_REQUEST_TIMEOUT', 'Windows Update: HTTP 408, the server timed out waiting for the request. Scan troubleshooting lists it among time-out problems (slow or overloaded WSUS).', `${SOURCE_WU_ERRORS}; ${SOURCE_WU_SCAN}`),
  h(0x8024401f, 'WU_E_PT_HTTP_STATUS_SERVER_ERROR', 'Windows Update: the server answered HTTP 500 (internal server error); look at the WSUS server and its IIS log.', SOURCE_WU_ERRORS),
  h(0x80244021, 'WU_E_PT_HTTP_STATUS_BAD_GATEWAY', 'Windows Update: HTTP 502 (bad gateway), usually from a proxy that could not reach the update server. A proxy problem in scan troubleshooting.', `${SOURCE_WU_ERRORS}; ${SOURCE_WU_SCAN}`),
  h(0x80244022, 'WU_E_PT_HTTP_STATUS_SERVICE_UNAVAIL', 'Windows Update: HTTP 503, the update service is unavailable. On a ConfigMgr software update point this usually means the WSUS application pool (WsusPool) in IIS stopped, often after running out of memory.', `${SOURCE_WU_ERRORS}; ${SOURCE_WU_SCAN}`),
  h(0x80244023, 'WU_E_PT_HTTP_STATUS_GATEWAY_TIMEOUT', 'Windows Update: HTTP 504 (gateway time-out). Scan troubleshooting lists it among time-out problems.', `${SOURCE_WU_ERRORS}; ${SOURCE_WU_SCAN}`),
  h(0x8024402c, 'WU_E_PT_WINHTTP_NAME_NOT_RESOLVED', 'Windows Update: the proxy or update server name could not be resolved (DNS or proxy setting).', `${SOURCE_WU_ERRORS}; ${SOURCE_WU_SCAN}`),
  h(0x8024402f, 'WU_E_PT_ECP_SUCCEEDED_WITH_ERRORS', 'Windows Update: processing of the external cab files finished with errors.', SOURCE_WU_ERRORS),
  h(0x80246007, 'WU_E_DM_NOTDOWNLOADED', 'Windows Update: the update has not been downloaded.', SOURCE_WU_ERRORS),
  h(0x80246008, 'WU_E_DM_FAILTOCONNECTTOBITS', 'Windows Update: the download manager could not connect to BITS.', SOURCE_WU_ERRORS),
  h(0x80248007, 'WU_E_DS_NODATA', 'Windows Update: the information asked for is not in the local data store.', SOURCE_WU_ERRORS),
  // --- Configuration Manager client (0x87D0xxxx) ---
  h(0x87d00324, undefined, 'ConfigMgr: the application was not detected after installation completed. The installer ran and ended with a success code, but the deployment type\'s detection method does not find the app: check the detection rule (product code, file, version, registry) against what the installer really writes (AppEnforce.log, AppDiscovery.log).', SOURCE_CM_INSTALL),
  h(0x87d00607, undefined, 'ConfigMgr: content not found. No distribution point that has the content is available to the client in its boundary groups (content not distributed, or no boundary group covers the client). Look at ContentTransferManager.log and LocationServices.log.', SOURCE_CM_DOWNLOAD),
  h(0x87d01004, undefined, 'ConfigMgr: the Software Distribution Agent is not enabled on the client yet (it has no policy), so a task sequence cannot install software (smsts.log "Failed to invoke Execution Manager to Install Software ... hr=0x87d01004", seen with stand-alone media). Enable the agent with a command-line step before the install steps, as the article shows.', SOURCE_CM_TS_MEDIA_87D01004),
  h(0x87d01106, undefined, 'ConfigMgr: the client could not enforce the app (AppEnforce.log "Failed to enforce app. Error 0x87d01106"). Microsoft documents it for installs that were running when a client upgrade (1606 to 1610/1702) deleted their content request data; new deployments are not affected, so deploy again.', SOURCE_CM_APP_AFTER_CLIENT_UPGRADE),
  h(0x87d0027e, undefined, 'ConfigMgr: the client could not retrieve the content list or manifest from the distribution point; with DataTransferService.log showing HTTP 405 (method not allowed) it is the IIS WebDAV setup of the distribution point.', SOURCE_CM_HTTP_405),
  // --- Windows MDM enrolment (0x8018xxxx) ---
  h(0x80180003, undefined, 'MDM enrolment: this user is not authorised to enrol (enrolment restrictions, or the user may not join devices).', SOURCE_INTUNE_WINDOWS_ENROLL),
  h(0x8018000a, undefined, 'MDM enrolment: the device is already enrolled (by another user or in another MDM).', SOURCE_INTUNE_WINDOWS_ENROLL),
  h(0x80180014, undefined, 'MDM enrolment: the device or platform is not supported or is blocked by an enrolment restriction (for example personally owned Windows devices blocked).', SOURCE_INTUNE_WINDOWS_ENROLL),
  h(0x80180018, undefined, 'MDM enrolment: the user has no license for the MDM service (no Intune license assigned).', SOURCE_INTUNE_WINDOWS_ENROLL),
  h(0x80180023, undefined, 'MDM enrolment failed; in co-management troubleshooting this goes with a missing Device Management WAP Push (dmwappushservice) service: restore its registry key from a working device of the same Windows version.', SOURCE_CM_COMANAGEMENT),
  h(0x80180026, 'MENROLL_E_DEVICE_MANAGEMENT_BLOCKED', 'MDM enrolment is blocked on this device, for example by a Group Policy that disables it (or by software that declared the device managed externally), so co-management cannot enrol it.', SOURCE_MDM_REGISTRATION),
  h(0x8018002a, undefined, 'MDM enrolment failed because multi-factor authentication is enforced for the user, which stops the Configuration Manager client from enrolling the device with the signed-in user\'s credentials (Event Viewer: "Auto MDM Enroll: Failed (Unknown Win32 Error code: 0x8018002a)"). Set MFA to enabled rather than enforced, or allow the enrolment from trusted IPs.', SOURCE_CM_COMANAGEMENT),
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
  h(0x87d1313d, undefined, 'Intune (iOS/iPadOS): the license of a volume-purchased (VPP) app could not be retrieved. Sync the VPP token and the device; if it persists, revoke and reassign the license.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b7d, undefined, 'Intune (iOS/iPadOS): unknown app installation error; one known cause is an expired VPP token, so check that first.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b7e, undefined, 'Intune (iOS/iPadOS): no VPP licenses are left for the app. Buy more or reclaim licenses from users no longer targeted.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b7f, undefined, 'Intune (iOS/iPadOS): the app needs an app configuration policy, and none is assigned to the same groups as the app.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b80, undefined, 'Intune (iOS/iPadOS): the install failed because the device could not connect to the iTunes Store.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b6e, undefined, 'Intune (iOS/iPadOS): Apple reported install failure 12024 without a cause.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b6f, undefined, 'Intune (iOS/iPadOS): validating the app manifest timed out (network).', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b70, undefined, 'Intune (iOS/iPadOS): validating the app manifest failed: the host could not be found (network).', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b72, undefined, 'Intune (iOS/iPadOS): validating the app manifest failed: the connection was lost (network).', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b73, undefined, 'Intune (iOS/iPadOS): validating the app manifest failed: the device is not connected to the internet.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b77, undefined, 'Intune (iOS/iPadOS): validating the app manifest failed: the secure (TLS) connection failed.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b69, undefined, 'Intune (iOS/iPadOS): device-licensed VPP apps need iOS/iPadOS 9.0 or later; update the device.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b68, undefined, 'Intune (iOS/iPadOS): the user declined app management; ask them to accept it.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b93, undefined, 'Intune (iOS/iPadOS): a Shared iPad installs only apps obtained through Apple\'s Volume Purchase Program.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b94, undefined, 'Intune (iOS/iPadOS): apps cannot be installed while the App Store is disabled on the device.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b95, undefined, 'Intune (iOS/iPadOS): no VPP license was found for the app; revoke and reassign it.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b96, undefined, 'Intune (iOS/iPadOS): apps that come with the operating system cannot be installed through MDM.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b97, undefined, 'Intune (iOS/iPadOS): apps cannot be installed while the device is in Lost Mode.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b98, undefined, 'Intune (iOS/iPadOS): apps cannot be installed while the device is in kiosk mode; exclude it from the kiosk policy to install.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b99, undefined, 'Intune (iOS/iPadOS): the user has to sign in to the App Store before the app can install.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b9a, undefined, 'Intune (iOS/iPadOS): the install failed for an unknown reason; try again later.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b9b, undefined, 'Intune (iOS/iPadOS): the device hit an error installing the app; Intune retries at the next sync.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b9c, undefined, 'Intune (iOS/iPadOS): the device cannot install 32-bit apps; deploy the 64-bit version.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b9e, undefined, 'Intune (iOS/iPadOS): the app is installed but its "uninstall on retire" setting could not be enforced; request the install again from Company Portal.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d13b9f, undefined, 'Intune (iOS/iPadOS): the VPP app is installed and a newer version is available.', SOURCE_INTUNE_APP_INSTALL),
  h(0x87d1279d, undefined, 'Intune (iOS/iPadOS store app): unknown error; Microsoft does not know the scenario.', SOURCE_INTUNE_APP_INSTALL),
  // --- Intune common errors ---
  h(0x87d1fde8, undefined, 'Intune: remediation of a setting failed on the device.', SOURCE_INTUNE_COMMON),
  h(0x87d1fde9, undefined, 'Intune: the setting or policy does not apply to this device.', SOURCE_INTUNE_COMMON),
  h(0x87d1fdea, undefined, 'Intune: a parameter given to a CIM setting is not valid.', SOURCE_INTUNE_COMMON),
  h(0x87d1fdeb, undefined, 'Intune: converting a setting\'s value to its data type failed.', SOURCE_INTUNE_COMMON),
  h(0x87d1fdec, undefined, 'Intune: a setting the configuration item refers to was not found in it.', SOURCE_INTUNE_COMMON),
  h(0x87d1fded, undefined, 'Intune: the setting\'s discovery source is not supported.', SOURCE_INTUNE_COMMON),
  h(0x87d1fdee, undefined, 'Intune: the setting does not apply because another policy won the conflict for it.', SOURCE_INTUNE_COMMON),
  h(0x87d1fdef, undefined, 'Intune: a rule could not be evaluated.', SOURCE_INTUNE_COMMON),
  h(0x87d1fdf0, undefined, 'Intune: the certificate information of the MDM configuration item was not found.', SOURCE_INTUNE_COMMON),
  h(0x87d1fdf1, undefined, 'Intune: the certificate information of the MDM certificate registration (CRP) request was not found.', SOURCE_INTUNE_COMMON),
  h(0x87d1fdf2, undefined, 'Intune: the NDES URL was not found (SCEP certificate profile).', SOURCE_INTUNE_COMMON),
  h(0x87d1fdf3, undefined, 'Intune: the MDM certificate registration (CRP) request was not found.', SOURCE_INTUNE_COMMON),
  h(0x87d13b61, undefined, 'Intune (iOS/iPadOS): the user installed the app before Intune could install it as a managed app.', SOURCE_INTUNE_COMMON),
  h(0x87d13b65, undefined, 'Intune (iOS/iPadOS): the device is redeeming the app\'s redemption code.', SOURCE_INTUNE_COMMON),
  h(0x87d13b67, undefined, 'Intune (iOS/iPadOS): the app\'s state is unknown.', SOURCE_INTUNE_COMMON),
  h(0x87d11389, undefined, 'Intune (iOS/iPadOS): the device answered with an unexpected Idle status.', SOURCE_INTUNE_COMMON),
  h(0x87d1138a, undefined, 'Intune (iOS/iPadOS): the device rejected the command because its format was wrong.', SOURCE_INTUNE_COMMON),
  h(0x87d1138b, undefined, 'Intune (iOS/iPadOS): the device returned an error for the command.', SOURCE_INTUNE_COMMON),
];

/** What an HTTP status means, for BITS's 0x8019xxxx (our words, after RFC 9110). */
const HTTP_STATUS_MEANING: ReadonlyMap<number, string> = new Map([
  [400, 'bad request'], [401, 'authentication needed'], [403, 'forbidden'], [404, 'not found on the server'],
  [405, 'method not allowed, often WebDAV missing on an IIS distribution point'], [407, 'proxy authentication needed'],
  [408, 'request time-out'], [416, 'range not satisfiable'], [500, 'internal server error'], [502, 'bad gateway'],
  [503, 'service unavailable'], [504, 'gateway time-out'],
]);

const HRESULT_BY_VALUE: ReadonlyMap<number, ErrorCodeEntry> = new Map(HRESULT_CODES.map((e) => [e.value, e]));

/**
 * Ranges of codes (the upper 16 bits) whose listed members all come from one product's documents:
 * a code of the range that no source describes is still that product's, so the lookup can say whose
 * it is (and which of its neighbours are described) instead of only "unknown".
 */
const CODE_FAMILIES: ReadonlyMap<number, string> = new Map([
  [0x87d0, 'the Configuration Manager client\'s own errors'],
  [0x87d1, 'Intune app installation errors'],
  [0xc7d1, 'Intune app installation errors (Android)'],
]);

export interface CodeFamily {
  /** The range as written: `0x87D0xxxx`. */
  readonly range: string;
  /** Whose codes these are. */
  readonly name: string;
  /** Codes of the range described here, ascending. */
  readonly described: readonly number[];
}

const FAMILIES: ReadonlyMap<number, CodeFamily> = new Map([...CODE_FAMILIES].map(([high, name]) => [high, {
  range: `0x${high.toString(16).toUpperCase()}xxxx`,
  name,
  described: HRESULT_CODES.filter((e) => e.value >>> 16 === high).map((e) => e.value).sort((a, b) => a - b),
}]));

/** The family of `value` (see CODE_FAMILIES), or undefined when it belongs to none. */
export function codeFamily(value: number): CodeFamily | undefined {
  return FAMILIES.get((value >>> 16) & 0xffff);
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

const HEX_TEXT = /^0[xX]0{0,24}([0-9A-Fa-f]{1,8})$/;
const DEC_TEXT = /^([-+]?)0{0,24}(\d{1,10})$/;

/** `HRESULT_FROM_WIN32(5)`: the macro written around a code (the inner text is parsed as below). */
const FROM_WIN32_TEXT = /^HRESULT_FROM_WIN32\s{0,3}\(\s{0,3}([^()\s]{1,40})\s{0,3}\)$/i;

/** The HRESULT_FROM_WIN32 macro of winerror.h: zero and negative (HRESULT) values pass unchanged. */
export function hresultFromWin32(value: number): number {
  const v = value >>> 0;
  return v === 0 || v >= 0x80000000 ? v : (0x80070000 | (v & 0xffff)) >>> 0;
}

/**
 * Parses one error code written as text.
 *
 * Accepts `0x80070005` / `0X800703F0` (hex needs the `0x` prefix; at most 8
 * significant digits), signed decimals (`-2147024891`, down to -2^31) and
 * unsigned decimals (`2147942405`, up to 2^32-1; small values such as `5` are
 * Win32 codes), and any of these inside `HRESULT_FROM_WIN32(...)` (the 0x8007xxxx wrap).
 * Surrounding whitespace is ignored. Returns the unsigned 32-bit
 * value, or undefined when the text is not one of these forms or is out of range.
 * Unprefixed digit strings are always read as decimal (`80070005` is eighty
 * million, not 0x80070005).
 */
export function parseErrorCode(text: string): number | undefined {
  const t = text.trim();
  if (t.length === 0 || t.length > 60) return undefined;
  const wrapped = FROM_WIN32_TEXT.exec(t);
  if (wrapped) {
    const inner = parseErrorCode(wrapped[1]!);
    return inner === undefined ? undefined : hresultFromWin32(inner);
  }
  if (t.length > 40) return undefined;
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
  if (e) return { code, known: true, name: e.name, meaning: e.meaning, source: e.source };
  const name = headerName(code);
  return name === undefined ? { code, known: false } : { code, known: false, name, source: SOURCE_WINDOWS_HEADERS };
}

/** BITS reports an HTTP status N from the server as 0x8019xxxx with xxxx = N (bitsmsg.h BG_E_HTTP_ERROR_N). */
function bitsHttpStatus(v: number): ErrorCodeEntry | undefined {
  const status = v & 0xffff;
  if ((v & 0xffff0000) >>> 0 !== 0x80190000 || status < 100 || status > 599) return undefined;
  const what = HTTP_STATUS_MEANING.get(status);
  return {
    value: v,
    meaning: `BITS: the server answered HTTP status ${status}${what ? ` (${what})` : ''}, so the transfer failed. Check the URL, the content on the server and the web server's own log for this request.`,
    source: what ? `${SOURCE_BITSMSG}; ${SOURCE_HTTP}` : SOURCE_BITSMSG,
  };
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

  const direct = HRESULT_BY_VALUE.get(v) ?? bitsHttpStatus(v);
  const fromWin32 = win32 && win32.known ? win32 : undefined;
  // Names alone (no meaning written here) come from the Windows headers: the value itself, the
  // wrapped Win32 code, or the NTSTATUS an N-bit value was mapped from.
  const ownName = kind === 'hresult' ? headerName(v) : undefined;
  const headerOnly = ownName ?? win32?.name ?? (ntStatusMapped ? headerName((v & ~0x10000000) >>> 0) : undefined);
  const name = (direct ? direct.name ?? headerName(v) : fromWin32?.name) ?? headerOnly;
  const meaning = direct ? direct.meaning : fromWin32?.meaning;
  const source = direct ? direct.source : fromWin32 ? fromWin32.source : headerOnly !== undefined ? SOURCE_WINDOWS_HEADERS : undefined;
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
  /**
   * Written as a script's exit code in brackets (`exit code [60001]`, as PSADT writes it): the
   * number may also be one of PSADT's own codes (knowledge/psadtExitCodes.ts).
   */
  readonly exitCode?: true;
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
/**
 * The words before the code Windows Installer's verbose log says it returns
 * (`MainEngineThread is returning 1603`, `Installation success or error status: 1603.`), up to
 * the code. One place: the code lookup here and the msi-install-failed signature compose it.
 */
export const MSI_RETURNS_SOURCE = '(?:MainEngineThread\\s{1,4}is\\s{1,4}returning|success\\s{1,4}or\\s{1,4}error\\s{1,4}status:?)\\s{1,4}';
/**
 * What the MSI log says it returns: its return codes are Win32 codes. Group 1, at the end. (Its
 * `Error 1722.` message numbers are another list, not looked up here.)
 */
const MSI_RETURN_RE = new RegExp(`(?<![0-9A-Za-z_])${MSI_RETURNS_SOURCE}(\\d{1,5})(?![0-9A-Za-z_]|\\.\\d)`, 'gi');
/**
 * Windows Update's log (Get-WindowsUpdateLog) writes a failure's HRESULT in brackets without `0x`:
 * `Agent *FAILED* [80240022] Method failed [...]`. Group 1 is hexadecimal, at the end before `]`.
 */
const WU_FAILED_RE = /(?<![0-9A-Za-z_])\*\s{0,2}FAILED\s{0,2}\*\s{0,3}\[([0-9A-Fa-f]{8})(?=\])/gi;
/**
 * A script's exit code in brackets, decimal (PSADT v3 and v4: `Execution failed with exit code
 * [60001].`, `completed with exit code [1603]`). Group 1, at the end before `]`.
 */
const BRACKET_EXIT_RE = /(?<![0-9A-Za-z_])exit\s{1,4}code\s{0,4}\[\s{0,4}(-?\d{1,10})(?=\s{0,4}\])/gi;
/** The patterns composed above, for the regex safety test (it finds literal patterns by itself). */
export const COMPOSED_PATTERNS: readonly RegExp[] = [HEX8_RE, CONTEXT_HEX_RE, CONTEXT_DEC_RE, WIN32_DEC_RE, MSI_RETURN_RE];

function collect(re: RegExp, message: string, out: FoundErrorCode[], accept: (text: string) => number | undefined, exitCode = false): void {
  re.lastIndex = 0;
  for (let m = re.exec(message); m !== null; m = re.exec(message)) {
    const text = m[1] ?? m[0];
    // The group ends the match (a closing bracket after it is a lookahead: WU_FAILED_RE).
    const end = m.index + m[0].length;
    const start = end - text.length;
    const value = accept(text);
    if (value !== undefined) out.push(exitCode ? { start, end, value, exitCode } : { start, end, value });
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
 * - `Win32 Error = 5`;
 * - Windows Update's `*FAILED* [80240022]` (hexadecimal without `0x`);
 * - a script's `exit code [60001]` (decimal in brackets, as PSADT writes it; marked `exitCode`).
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
  const win32 = (t: string) => {
    const v = Number(t);
    return v <= 0xffff ? v : undefined;
  };
  collect(WIN32_DEC_RE, message, found, win32);
  collect(MSI_RETURN_RE, message, found, (t) => (t === '0' ? undefined : win32(t)));
  collect(WU_FAILED_RE, message, found, (t) => parseInt(t, 16) >>> 0);
  // 0 is a success, not a code to explain; anything else within 32 bits is read as it is written.
  collect(BRACKET_EXIT_RE, message, found, (t) => {
    const v = parseErrorCode(t);
    return v === 0 ? undefined : v;
  }, true);
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
