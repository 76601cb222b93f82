// The built-in signatures (#16): the failures admins meet every week, as the products write them
// (each row's sources say where the strings are documented), one row each, run by signatures.ts. Healthy neighbours
// (matched exit codes, completed scans, return code 0, registered clients) match no row: every
// pattern names the failure's own words. To add one: a row here, its section in docs/rules.md,
// a fixture under test/fixtures/rules/signatures/ (test/unit/signatures.test.ts runs them all).
import { MSI_RETURNS_SOURCE } from '../knowledge/errorCodes';
import { MSI_SUCCESS_CODES } from '../knowledge/msiReturnCodes';
import type { SignatureRow } from './signatures';
import { describeMsiMessage } from '../knowledge/msiMessages';
import { describePsadtExitCode, PSADT_AUTHOR_RANGES, PSADT_OWN_RANGE, rangesText } from '../knowledge/psadtExitCodes';
import { counted } from '../explain/plural';

const LEARN = 'https://learn.microsoft.com/troubleshoot/mem/configmgr';
const APP_INSTALL = `${LEARN}/app-management/understand/deployment-install-technical-reference (Understand app deployment: install technical reference)`;
const APP_DOWNLOAD = `${LEARN}/app-management/understand/deployment-download-technical-reference (Understand app deployment: download technical reference)`;
const HTTP_405 = `${LEARN}/app-management/issues/clients-fail-download-content-http-405-errors (Clients fail to download content with HTTP 405 errors)`;
const CLIENT_1603 = `${LEARN}/client-installation/client-installation-error-1603 (Client installation fails with error 1603)`;
const CLIENT_BITS = `${LEARN}/client-installation/client-installation-fails-without-bits (Client installation fails without BITS)`;
const SCAN = `${LEARN}/update-management/troubleshoot-software-update-scan-failures (Troubleshoot software update scan failures)`;
const SYNC = `${LEARN}/update-management/troubleshoot-software-update-synchronization (Troubleshoot software update synchronization)`;
const CMG = `${LEARN}/client-management/cmg-communication-error (Troubleshoot cloud management gateway communication errors)`;
const INACTIVE = `${LEARN}/client-management/inactive-clients-not-send-inventory (Inactive clients don't send inventory)`;
const CONTENT = `${LEARN}/content-management/troubleshoot-content-distribution (Troubleshoot content distribution)`;
const PXE = `${LEARN}/os-deployment/advanced-troubleshooting-pxe-boot (Advanced troubleshooting for PXE boot)`;
const COMGMT = 'https://learn.microsoft.com/troubleshoot/mem/intune/comanage-configmgr/troubleshoot-co-management-auto-enrolling (Troubleshoot co-management: auto-enroll existing Configuration Manager devices into Intune)';
const MDM_REG = 'https://learn.microsoft.com/windows/win32/mdmreg/mdm-registration-constants (MDM registration error values: 0x80180026)';
const MSI_ERRORS = 'https://learn.microsoft.com/windows/win32/msi/error-codes (Windows Installer error codes)';
const MSI_RETURN = 'https://learn.microsoft.com/windows/win32/msi/logging-of-action-return-values (Logging of action return values: Return value 3 is ERROR_INSTALL_FAILURE, 1603)';
const MSI_MESSAGES = 'https://learn.microsoft.com/windows/win32/msi/windows-installer-error-messages (Windows Installer error messages: the numbers of `Error NNNN.` lines)';
const NETFX3 = 'https://learn.microsoft.com/troubleshoot/windows-client/application-management/dotnet-framework-35-installation-error (.NET Framework 3.5 installation errors: 0x800F0906, 0x800F081F, 0x800F0907, 0x800F0922)';
const FOD_SOURCE = 'https://learn.microsoft.com/windows-hardware/manufacture/desktop/configure-a-windows-repair-source (Configure a Windows repair source)';
const WU_ERRORS = 'https://learn.microsoft.com/windows/deployment/update/windows-update-error-reference (Windows Update error codes by component)';
const WU_LOGS = 'https://learn.microsoft.com/windows/deployment/update/windows-update-logs (Windows Update log files)';
const PSADT_EXIT = 'https://psappdeploytoolkit.com/docs/reference/exit-codes (PSAppDeployToolkit: exit codes, v4; v3 3.10: https://psappdeploytoolkit.com/docs/3.10.2/exit-codes)';
const INTUNE_APP_ERRORS = 'https://learn.microsoft.com/troubleshoot/mem/intune/app-management/app-install-error-codes (Intune app installation error reference)';

/** What Windows Installer says it returns, in the words errorCodes.ts finds it by, when it is not a success (MSI_SUCCESS_CODES). */
const MSI_INSTALL_FAILED = new RegExp(`${MSI_RETURNS_SOURCE}(?!${MSI_SUCCESS_CODES.map((c) => `${c}\\b`).join('|')})(?<exitCode>\\d{1,10})\\b`, 'i');
/** The patterns composed above, for the regex safety test (it finds literal patterns by itself). */
export const COMPOSED_PATTERNS: readonly RegExp[] = [MSI_INSTALL_FAILED];

/** What an installer's exit code means to an admin (Windows Installer codes; 3010 and 1641 are successes). */
const EXIT_CODES: Readonly<Record<string, string>> = {
  '1602': 'the user cancelled the installation',
  // Said of an MSI log too (msi-install-failed): where to read on is each row's remedy.
  '1603': 'a fatal error during installation (often a custom action, a missing prerequisite or a file in use)',
  '1605': 'the product is not installed (an uninstall of something absent)',
  '1618': 'another installation was in progress: Windows Installer runs one at a time; retry later',
  '1619': 'the installation package could not be opened: the content is missing or the command line names the wrong file',
  '1633': 'the package does not support this platform (32/64-bit)',
  '1641': 'success, and the installer started a restart: list it as a Hard reboot success code',
  '3010': 'success, but a restart is needed: list it as a Soft reboot success code',
};

/** Windows Update scan errors by family (the scan-failure article). */
const SCAN_CODES: Readonly<Record<string, string>> = {
  '0x80244021': 'proxy or network: a proxy or gateway between the client and WSUS returned an error',
  '0x8024401b': 'proxy: the proxy requires authentication (HTTP 407)',
  '0x80240030': 'proxy: the proxy setting is not valid',
  '0x8024402c': 'proxy: the proxy or server name cannot be resolved',
  '0x80072ee2': 'timeout: the client got no answer from the WSUS server in time',
  '0x8024401c': 'timeout: the WSUS server took too long to answer (HTTP 408)',
  '0x80244023': 'timeout: the gateway timed out (HTTP 504)',
  '0x80244017': 'authentication: the WSUS server refused the client (HTTP 401)',
  '0x80244018': 'authentication: the WSUS server forbade the request (HTTP 403), often a proxy',
  '0x80244022': 'WSUS unavailable (HTTP 503): the WsusPool application pool in IIS is usually stopped',
  '0x80072f0c': 'certificate: the WSUS virtual directory requires a client certificate',
  '0x80245003': 'Windows Update components on the client are damaged: reset them',
};

const CMG_STATUS: Readonly<Record<string, string>> = {
  'cmgconnector_clientcertificaterequired': 'the gateway wants a client authentication certificate the client did not present',
  'cmgconnector_forbidden': 'the gateway refused the client',
  'cmgservice_invalid_token': 'the gateway did not accept the client\'s token',
};

const CCMHTTP_TEXT: Readonly<Record<string, string>> = {
  'ccm_e_bad_http_status_code': 'the server answered with an HTTP error: the `ERROR INFO` line after it gives the status',
  'error_winhttp_secure_failure': 'the TLS handshake failed: the server certificate\'s root CA is not trusted, its CRL cannot be reached, or its name does not match',
};

const ENROLL_CODES: Readonly<Record<string, string>> = {
  '0x80180026': 'MDM enrolment is blocked on the device, for example by a Group Policy that disables it',
  '0x8018002a': 'multi-factor authentication is enforced for the user, which stops enrolment with the signed-in user\'s credentials',
  '0x80180023': 'the dmwappushservice service is missing',
};

export const SIGNATURES: readonly SignatureRow[] = [
  // 1. Application install
  {
    id: 'app-install-failed', title: 'Application install failed (unmatched exit code)', severity: 'error',
    logs: ['appenforce.log'],
    pattern: /^\s{0,40}Unmatched\s{1,4}exit\s{1,4}code\s{0,4}\(\s{0,4}(?<exitCode>-?\d{1,10})\s{0,4}\)\s{0,4}is\s{1,4}considered\s{1,4}an\s{1,4}execution\s{1,4}failure/i,
    message: 'The installer exited with {exitCode}, which the deployment type does not list as a success',
    explanation: 'AppEnforce.log compares the installer\'s exit code with the deployment type\'s return codes; an exit code not in the table is an execution failure, and the deployment reports an error.',
    remedy: 'Look up the exit code (1603: read the installer\'s verbose log; 1618: another install was running, retry; 1619: check the content and command line). If the code is a success of this installer (3010, 1641, a vendor code), add it to the deployment type\'s Return Codes.',
    sources: [APP_INSTALL, MSI_ERRORS], meanings: { field: 'exitCode', table: EXIT_CODES },
  },
  {
    id: 'app-not-detected', title: 'Application installed but not detected (0x87D00324)', severity: 'error',
    logs: ['appenforce.log', 'appdiscovery.log', 'appintenteval.log'],
    pattern: /0x87D00324\b/i,
    message: 'The application was not detected after installation completed (0x87D00324)',
    explanation: 'The installer reported success but the deployment type\'s detection method still does not find the application, so the client reports the install as failed.',
    remedy: 'Compare the detection method (product code, file, registry key, script) with what the installer really writes; AppDiscovery.log shows what the detection looked for.',
    sources: [APP_INSTALL],
  },
  {
    id: 'app-not-discovered', title: 'Application not discovered', severity: 'information',
    logs: ['appdiscovery.log'],
    pattern: /^\s{0,8}\+{3}\s{0,4}Application\s{1,4}not\s{1,4}discovered\.?\s{0,4}\[\s{0,4}AppDT\s{1,4}Id:\s{0,4}(?<deploymentType>[^\],\s]{1,200})/i,
    message: 'Detection did not find deployment type {deploymentType}',
    explanation: 'The detection method did not find the application. Before an install this is how the client decides to install; right after an install it is the 0x87D00324 failure.',
    remedy: 'If an install ran just before, check the detection method against what the installer writes (see app-not-detected).',
    sources: [APP_INSTALL],
  },
  // 2. Client installation
  {
    id: 'ccmsetup-failed', title: 'Client installation failed', severity: 'error',
    logs: ['ccmsetup.log'],
    pattern: /^\s{0,8}CcmSetup\s{1,4}failed\s{1,4}with\s{1,4}error\s{1,4}code\s{1,4}(?<code>0x[0-9a-f]{1,8})/i,
    message: 'CcmSetup failed with {code}',
    explanation: 'The Configuration Manager client was not installed. Known causes: BITS missing or too old (0x80004005 after a BITS message), a failed client MSI (1603, often leftover .ipi files), content not reachable (0x8019xxxx wraps an HTTP status, 0x80190194 = 404).',
    remedy: 'Read the lines before it in ccmsetup.log and client.msi.log; for 1603 remove leftover *.ipi files as the article describes; for a BITS message install or enable BITS; for 0x8019xxxx check the management point or source path.',
    sources: [CLIENT_1603, CLIENT_BITS],
  },
  {
    id: 'ccmsetup-msi-failed', title: 'Client MSI installation failed', severity: 'error',
    logs: ['ccmsetup.log'],
    pattern: /^\s{0,8}Installation\s{1,4}failed\s{1,4}with\s{1,4}error\s{1,4}code\s{1,4}(?<exitCode>\d{1,10})/i,
    message: 'The client MSI failed with {exitCode}',
    explanation: 'client.msi returned an error. 1603 after "MSI: Configuration Manager Client is not installed." is typically caused by leftover .ipi files of an earlier install.',
    remedy: 'Read client.msi.log; for 1603 delete the leftover *.ipi files as the article describes and run ccmsetup again.',
    sources: [CLIENT_1603], meanings: { field: 'exitCode', table: EXIT_CODES },
  },
  {
    id: 'ccmsetup-no-bits', title: 'Client installation needs BITS', severity: 'error',
    logs: ['ccmsetup.log'],
    pattern: /^\s{0,8}This\s{1,4}operating\s{1,4}system\s{1,4}does\s{1,4}not\s{1,4}contain\s{1,4}the\s{1,4}correct\s{1,4}version\s{1,4}of\s{1,4}BITS/i,
    message: 'This operating system does not have the BITS version ccmsetup needs',
    explanation: 'ccmsetup needs the Background Intelligent Transfer Service; without it the install stops with 0x80004005.',
    remedy: 'Install or enable BITS (service start type and its dependencies), then run ccmsetup again.',
    sources: [CLIENT_BITS],
  },
  {
    id: 'ccmsetup-reboot-required', title: 'Client installation waits for a restart (return code 7)', severity: 'warning',
    logs: ['ccmsetup.log'],
    pattern: /^\s{0,8}CcmSetup\s{1,4}is\s{1,4}exiting\s{1,4}with\s{1,4}return\s{1,4}code\s{1,4}7(?!\d)/i,
    message: 'CcmSetup exited with return code 7: a prerequisite needs a restart before the client installs',
    explanation: 'Return code 7 means a prerequisite was installed that needs a restart; the client install continues after the device restarts. Return code 0 is success.',
    remedy: 'Restart the device (or let the maintenance window do so) and check ccmsetup.log afterwards.',
    sources: [CLIENT_1603],
  },
  // 3. Software update scan
  {
    id: 'update-scan-failed', title: 'Software update scan failed', severity: 'error',
    logs: ['wuahandler.log'],
    pattern: /^\s{0,8}(?:OnSearchComplete\s{0,4}-\s{0,4}Failed\s{1,4}to\s{1,4}end\s{1,4}search\s{1,4}job\.?\s{0,4}Error|Scan\s{1,4}failed\s{1,4}with\s{1,4}error)\s{0,4}=\s{0,4}(?<code>0x[0-9a-f]{1,8})/i,
    message: 'The software update scan failed with {code}',
    explanation: 'The Windows Update Agent could not scan against the software update point, so the client has no compliance data. The code tells the family: proxy (0x80244021, 0x8024401B, 0x80240030, 0x8024402C), timeout or authentication (0x80072EE2, 0x8024401C, 0x80244023, 0x80244017, 0x80244018), WSUS down (0x80244022), certificate (0x80072F0C), damaged components (0x80245003).',
    remedy: 'Proxy: check the WinHTTP/user proxy for the WSUS URL. Timeout: check WSUS load and IIS limits. 0x80244022: start the WsusPool application pool. 0x80072F0C: set the WSUS virtual directory to ignore client certificates. Damaged components: reset Windows Update components. Then WindowsUpdate.log tells more.',
    sources: [SCAN], meanings: { field: 'code', table: SCAN_CODES },
  },
  {
    id: 'update-server-policy-override', title: 'Group Policy overrides the update server', severity: 'warning',
    logs: ['wuahandler.log'],
    pattern: /^\s{0,8}Group\s{1,4}policy\s{1,4}settings\s{1,4}were\s{1,4}overwritten\s{1,4}by\s{1,4}a\s{1,4}higher\s{1,4}authority\s{0,4}\((?<authority>[^)]{1,100})\)\s{0,4}to:\s{0,4}Server\s{1,4}(?<server>[^\s]{1,300})/i,
    message: 'A Group Policy ({authority}) set the update server to {server}',
    explanation: 'A domain Group Policy sets the Windows Update server, overriding the local policy Configuration Manager writes; if it names another server than the software update point, scans go there (or fail).',
    remedy: 'Make the domain policy name the software update point, or remove the WSUS settings from it for Configuration Manager clients.',
    sources: [SCAN],
  },
  // 4. Update and content download
  {
    id: 'update-download-failed', title: 'Software update download failed', severity: 'error',
    logs: ['updateshandler.log'],
    pattern: /^\s{0,8}(?:CDeploymentJob\s{0,4}-{1,4}\s{0,4})?Failed\s{1,4}to\s{1,4}download\s{1,4}update\s{0,4}\((?<update>[^)]{1,80})\)\.?\s{0,4}Error\s{0,4}=\s{0,4}(?<code>0x[0-9a-f]{1,8})/i,
    message: 'The update {update} was not downloaded ({code})',
    explanation: 'The client could not download an update of a deployment, so it cannot install it. 0x87D00607 and similar codes mean no distribution point with the content was found.',
    remedy: 'Check that the update\'s deployment package is on a distribution point of the client\'s boundary group; DataTransferService.log and ContentTransferManager.log show the download itself.',
    sources: [APP_DOWNLOAD],
  },
  {
    id: 'content-not-found', title: 'Content not found (0x87D00607)', severity: 'error',
    logs: ['cidownloader.log'],
    pattern: /^\s{0,8}ECCIInfo::SetError\s{0,4}-\s{0,4}Setting\s{1,4}CI\s{1,4}level\s{1,4}error\s{1,4}to\s{0,4}\(\s{0,4}(?<code>0x87d00607)\s{0,4}\)/i,
    message: 'The content of the configuration item was not found ({code})',
    explanation: 'No distribution point the client may use has the content: the content is not distributed, or not to a distribution point of the client\'s boundary group.',
    remedy: 'Distribute the content to a distribution point of the client\'s boundary group (or allow fallback); LocationServices.log and ContentTransferManager.log show the location request.',
    sources: [APP_DOWNLOAD],
  },
  {
    id: 'content-empty-location', title: 'No content location for the client', severity: 'warning',
    logs: ['contenttransfermanager.log'],
    pattern: /^\s{0,8}Received\s{1,4}empty\s{1,4}location\s{1,4}update/i,
    message: 'The management point returned no distribution point for the content',
    explanation: 'The content location request came back empty: no distribution point in the client\'s boundary group holds the content.',
    remedy: 'Distribute the content to a distribution point of the client\'s boundary group, or check the boundaries and fallback settings.',
    sources: [APP_DOWNLOAD],
  },
  {
    id: 'content-transfer-http-error', title: 'Content download failed (DAV/HTTP error)', severity: 'error',
    logs: ['datatransferservice.log'],
    pattern: /^\s{0,8}(?:Error\s{1,4}sending\s{1,4}DAV\s{1,4}request\.?\s{0,4}HTTP\s{1,4}code\s{1,4}(?<httpStatus>\d{3})|GetDirectoryList_HTTP\([^)]{0,500}\)\s{0,4}failed\s{1,4}with\s{1,4}code\s{1,4}(?<code>0x[0-9a-f]{1,8})|Error\s{1,4}retrieving\s{1,4}manifest\s{0,4}\(\s{0,4}(?<code2>0x[0-9a-f]{1,8})\s{0,4}\))/i,
    message: 'The distribution point refused the content request',
    explanation: 'DataTransferService could not list or fetch the content over HTTP. HTTP 405 (Method Not Allowed) and 0x87D0027E are typically WebDAV missing or blocked on the distribution point\'s IIS (request filtering, URLScan).',
    remedy: 'On the distribution point, check the WebDAV publishing role and its authoring rules, and IIS request filtering for the HTTP verbs PROPFIND/OPTIONS, as the article describes.',
    sources: [HTTP_405],
  },
  // 5. Management point / cloud management gateway
  {
    id: 'ccmhttp-error', title: 'HTTP request to a management point failed', severity: 'warning',
    logs: ['ccmmessaging.log', 'locationservices.log', 'ccmsetup.log', 'clientlocation.log', 'datatransferservice.log'],
    pattern: /^\s{0,8}\[CCMHTTP\]\s{0,4}ERROR:\s{0,4}URL=(?<url>[^,\s]{1,500})[^\r\n]{0,400}?\bCode=(?<code>0x[0-9a-f]{1,8}|\d{1,10})\s{0,4},\s{0,4}Text=(?<text>[A-Za-z0-9_]{1,80})/i,
    message: 'An HTTP request to {url} failed: {text}',
    explanation: 'The client could not talk to a management point or cloud management gateway. CCM_E_BAD_HTTP_STATUS_CODE means the server answered with an HTTP error (the ERROR INFO line after it has the status); ERROR_WINHTTP_SECURE_FAILURE (12175) means the TLS certificate check failed.',
    remedy: 'For a status error read the next ERROR INFO line; for a secure failure check that the client trusts the server certificate\'s root CA, can reach its CRL, and uses the name on the certificate.',
    sources: [CMG], meanings: { field: 'text', table: CCMHTTP_TEXT },
  },
  {
    id: 'cmg-request-refused', title: 'Cloud management gateway refused the client', severity: 'error',
    logs: ['ccmmessaging.log', 'locationservices.log', 'ccmsetup.log', 'clientlocation.log', 'datatransferservice.log'],
    pattern: /^\s{0,8}\[CCMHTTP\]\s{0,4}ERROR\s{1,4}INFO:\s{0,4}StatusCode=(?<httpStatus>\d{3})\s{1,4}StatusText=(?<status>CMG[A-Za-z]{0,20}_[A-Za-z_]{1,80})/i,
    message: 'The cloud management gateway answered {httpStatus} {status}',
    explanation: 'The gateway refused the request: CMGConnector_Clientcertificaterequired (a client authentication certificate is required), CMGConnector_Forbidden, or CMGService_Invalid_Token (the client\'s token was not accepted).',
    remedy: 'Give the client a client authentication certificate the gateway trusts, or enable token-based authentication (Azure AD or a bulk registration token) for the site, as the article describes.',
    sources: [CMG], meanings: { field: 'status', table: CMG_STATUS },
  },
  // 6. Client registration
  {
    id: 'client-registration-failed', title: 'Client registration state could not be set', severity: 'error',
    logs: ['clientidmanagerstartup.log'],
    pattern: /^\s{0,8}(?:\[RegTask\]\s{0,4}-\s{0,4})?SetRegistrationState\s{1,4}failed\s{0,4}\(\s{0,4}(?<code>0x[0-9a-f]{1,8})\s{0,4}\)/i,
    message: 'The client could not record its registration ({code})',
    explanation: 'The client fails to store its registration state and keeps retrying (`[RegTask] - Sleeping for ... seconds`); such clients stay inactive and send no inventory.',
    remedy: 'Follow the article on inactive clients for this error; afterwards ClientIDManagerStartup.log should show "Client is registered".',
    sources: [INACTIVE],
  },
  {
    id: 'client-registration-loop', title: 'Client keeps asking to register', severity: 'warning',
    logs: ['clientidmanagerstartup.log'], atLeast: 3,
    pattern: /^\s{0,8}\[RegTask\]\s{0,4}-\s{0,4}Client\s{1,4}is\s{1,4}not\s{1,4}registered\.\s{0,4}Sending\s{1,4}registration\s{1,4}request/i,
    message: 'The client is not registered and sends registration requests again and again',
    explanation: 'A new client sends one registration request and then logs "Client is registered"; repeated requests mean the site does not register it (not approved, a duplicate or blocked record, a management point problem).',
    remedy: 'Check the device in the console (approved, not blocked, no duplicate record) and MP_RegistrationManager.log on the management point.',
    sources: [INACTIVE],
  },
  // 9. Site server, legacy format
  {
    id: 'package-content-not-arrived', title: 'Package content has not arrived from the parent site', severity: 'warning',
    logs: ['distmgr.log'], components: ['sms_distribution_manager'],
    pattern: /^\s{0,8}~?\s{0,4}The\s{1,4}contents\s{1,4}for\s{1,4}the\s{1,4}package\s{1,4}(?<package>[A-Za-z0-9]{1,16})\s{1,4}hasn'?t\s{1,4}arrived\s{1,4}from\s{1,4}site\s{1,4}(?<site>[A-Za-z0-9]{1,8})\s{1,4}yet/i,
    message: 'The content of package {package} has not arrived from site {site} yet',
    explanation: 'A child site waits for a package\'s compressed content from its parent site; while it does not arrive the package cannot be distributed here.',
    remedy: 'Check the sender (PkgXferMgr.log / sender.log) on the parent site and the file replication route between the sites.',
    sources: [CONTENT],
  },
  {
    id: 'package-transfer-failed', title: 'Package transfer to a distribution point failed', severity: 'error',
    logs: ['pkgxfermgr.log'], components: ['sms_package_transfer_manager'],
    pattern: /^\s{0,8}~?\s{0,4}(?:ExecStaticMethod\s{1,4}failed\s{0,4}\(\s{0,4}(?<code>[0-9a-f]{8})\s{0,4}\)|CSendFileAction::AddFile\s{1,4}failed\s{0,4};\s{0,4}(?<code2>0x[0-9a-f]{8}))/i,
    message: 'The package transfer manager could not send content to the distribution point',
    explanation: 'The site server could not call WMI on the distribution point or add a file to it (0x80041001 is a generic WMI failure), so the content is not distributed.',
    remedy: 'Check WMI and the SMS_DP provider on the distribution point, and that the site server account can reach it, as the content distribution article describes.',
    sources: [CONTENT],
  },
  {
    id: 'wsus-sync-failed', title: 'Software update synchronisation failed', severity: 'error',
    logs: ['wsyncmgr.log'], components: ['sms_wsus_sync_manager'],
    pattern: /^\s{0,8}~?\s{0,4}Sync\s{1,4}failed:\s{0,4}(?<reason>[^\r\n]{1,300})/i,
    message: 'Synchronisation with the update source failed: {reason}',
    explanation: 'The site could not synchronise software updates; the reason follows "Sync failed:" and it is retried later ("Sync failed. Will retry in 60 minutes").',
    remedy: 'For "WSUS server not configured" read WCM.log; otherwise check the upstream source (Microsoft Update or the parent), the proxy and the WSUS server.',
    sources: [SYNC],
  },
  {
    id: 'wsus-config-http-error', title: 'WSUS configuration failed with an HTTP error', severity: 'error',
    logs: ['wcm.log'], components: ['sms_wsus_configuration_manager'],
    pattern: /System\.Net\.WebException:\s{0,4}The\s{1,4}request\s{1,4}failed\s{1,4}with\s{1,4}HTTP\s{1,4}status\s{1,4}(?<httpStatus>\d{3})/i,
    message: 'The site could not configure WSUS: HTTP status {httpStatus}',
    explanation: 'The WSUS configuration manager could not reach the WSUS server\'s web service (502: a proxy or gateway in between failed; 503: the WSUS application pool is stopped).',
    remedy: 'Check the WsusPool application pool in IIS on the WSUS server and any proxy configured for the site system.',
    sources: [SYNC],
  },
  // 10. PXE and co-management
  {
    id: 'pxe-not-serviced', title: 'PXE request not serviced', severity: 'warning',
    logs: ['smspxe.log'],
    pattern: /^\s{0,8}(?<device>[0-9a-f]{2}[0-9a-f:-]{1,40},\s{0,4}[0-9a-f{}-]{1,40})\s{0,4}:\s{0,4}Not\s{1,4}serviced/i,
    message: 'PXE did not boot device {device}',
    explanation: 'The PXE responder found no task sequence deployment for the device; the record just before says why ("no advertisements found", "No boot action. Aborted.").',
    remedy: 'Deploy a task sequence to a collection the device (or Unknown Computers) is in, available to media and PXE; clear a previous PXE deployment if the device already ran it.',
    sources: [PXE],
  },
  {
    id: 'comanagement-enroll-failed', title: 'Co-management enrolment in Intune failed', severity: 'error',
    logs: ['comanagementhandler.log'],
    pattern: /^\s{0,8}Failed\s{1,4}to\s{1,4}enroll\s{1,4}with\s{1,4}RegisterDeviceWithManagementUsingAADDeviceCredentials\s{1,4}with\s{1,4}error\s{1,4}code\s{1,4}(?<code>0x[0-9a-f]{1,8})/i,
    message: 'Automatic MDM enrolment failed with {code}',
    explanation: 'The co-managed device could not enrol in Intune automatically. 0x80180026: MDM enrolment is blocked on the device (for example by a Group Policy); 0x8018002A: MFA is enforced for the user; 0x80180023: the dmwappushservice service is missing.',
    remedy: 'Remove the policy that blocks MDM enrolment; set MFA to enabled rather than enforced (or allow enrolment from trusted IPs); or restore the dmwappushservice registry key from a working device of the same Windows version, as the article describes.',
    sources: [COMGMT, MDM_REG], meanings: { field: 'code', table: ENROLL_CODES },
  },
  // 11. Windows Installer verbose logs (any file name: the MSI format's components, `Action` and `MSI (s)` / `MSI (c)`)
  {
    id: 'msi-action-failed', title: 'Windows Installer action failed (Return value 3)', severity: 'error',
    components: ['action'],
    pattern: /^Action\s{1,4}ended\s{1,4}[0-9:]{1,12}:\s{0,4}(?<action>[^\s.]{1,100})\.\s{0,4}Return\s{1,4}value\s{1,4}3\b/i,
    message: 'The installation failed at action {action} (Return value 3)',
    explanation: 'Windows Installer ended this action with Return value 3, a fatal error (ERROR_INSTALL_FAILURE, 1603): the installation stops and rolls back. The first action that ends with 3 is the one that failed; the sequences that end with 3 after it (INSTALL) only pass the failure on, and are listed with it. What went wrong is written just above it: an `Error NNNN.` line (a Windows Installer message number), `Note: 1: NNNN` lines, or a custom action that returned a failure.',
    remedy: 'Read the lines above this action. A custom action (a DLL, script or program of the package) failing: its own log, or the package\'s vendor. An `Error NNNN.` line is a Windows Installer message number (its own list, not a Win32 code): hover it to see what the number means (the extension\'s table of Windows Installer messages, from Microsoft\'s list); when it is found above the action it is this finding\'s first related location. Then the installer\'s exit code (1603) in AppEnforce.log or the deployment is this failure.',
    sources: [MSI_RETURN, MSI_MESSAGES], atLeast: 1,
    // The sequences ending with 3 after the failed action (INSTALL) pass the failure on: not a second failure.
    repeats: { related: '{action} ended with Return value 3 after it: passes the failure on', count: (more) => `${counted(more, 'action')} after it passed the failure on` },
    // The `Error NNNN.` line Windows Installer wrote for the failed action, up to its `Action start`.
    evidence: {
      pattern: /^(?:DEBUG:\s{1,4})?Error\s{1,4}(?<n>\d{4})[.:]/i,
      stop: /^Action\s{1,4}start\b/i,
      back: 50,
      message: (m) => {
        const n = Number(m.groups!.n);
        const meaning = describeMsiMessage(n)?.meaning;
        return `the error Windows Installer wrote for it: message ${n}${meaning ? ` (${meaning})` : ''}`;
      },
    },
  },
  {
    id: 'msi-install-failed', title: 'Windows Installer returned an error', severity: 'error',
    components: ['msi (s)', 'msi (c)'],
    pattern: MSI_INSTALL_FAILED,
    message: 'Windows Installer finished with {exitCode}',
    explanation: 'The installation ended with this code (the service writes it as `MSI (s)`, the client as `MSI (c)`): any code but 0, 3010 and 1641 (successes, the last two with a restart) means the product was not installed, changed or removed as asked.',
    remedy: 'Find the first `Return value 3` above it (msi-action-failed: the action that failed) and read the lines before that. 1618: another installation was running, retry; 1602: cancelled; 1603: see the failing action.',
    sources: [MSI_ERRORS, MSI_RETURN], meanings: { field: 'exitCode', table: EXIT_CODES }, atLeast: 1,
    // The service and the client each write the result (`MSI (s)`, `MSI (c)`): one failure, said again.
    repeats: { related: 'the same result written again: {exitCode}', count: (more) => `written ${counted(more, 'more time')} in this file` },
  },
  // 12. Logs found by their content: Windows servicing (CBS/DISM), Windows Update, PSADT, Company Portal, the macOS agent
  {
    id: 'cbs-source-missing', title: 'Servicing could not find or download the source files', severity: 'error',
    logs: ['cbs.log', 'dism.log'], components: ['cbs', 'dism'], atLeast: 1, perCode: true,
    // Only the three codes of a missing source, in the two ways CBS and DISM write an HRESULT: the
    // many harmless `Failed ...` lines of a CBS.log (probes, 0x80070490, 0x800f0805) stay quiet.
    pattern: /(?:HRESULT\s{0,4}=\s{0,4}|\(hr:\s{0,4})(?<code>(?:0x)?800f0(?:81f|906|907))\b/i,
    message: 'Windows could not get the source files of a feature or repair',
    explanation: 'Component-based servicing needed payload that is not on the device: a feature on demand (.NET Framework 3.5 is the classic one), a language or optional component, or files for a repair (DISM /RestoreHealth, sfc). 0x800F081F CBS_E_SOURCE_MISSING: the source was not found; 0x800F0906 CBS_E_DOWNLOAD_FAILURE: it could not be downloaded from Windows Update; 0x800F0907 CBS_E_GROUPPOLICY_DISALLOWED: a policy forbids that download. A device that gets its updates from WSUS or Configuration Manager does not fetch the payload from Windows Update unless a policy allows it.',
    remedy: 'Give the payload a source: `DISM /Online /Enable-Feature /FeatureName:NetFx3 /All /LimitAccess /Source:D:\\sources\\sxs` (media or a share of the same Windows build; /LimitAccess keeps DISM from asking Windows Update), or for a repair `/RestoreHealth /Source:wim:D:\\sources\\install.wim:1 /LimitAccess`. Or set the Group Policy "Specify settings for optional component installation and component repair" (Computer Configuration > Administrative Templates > System): an alternate source file path, and/or "Download repair content and optional features directly from Windows Update instead of WSUS". For 0x800F0906 check the connection and proxy to Windows Update.',
    sources: [NETFX3, FOD_SOURCE],
    repeats: { related: 'the same failure written again ({code})', count: (more) => `written ${counted(more, 'more time')} in this file` },
  },
  {
    id: 'windows-update-failed', title: 'Windows Update failed to search, download or install', severity: 'warning',
    logs: ['windowsupdate.log'], formats: ['wu'], atLeast: 1, perCode: true,
    // A failure's code only (0x8...): `Exit code = 0x00000000` and completed operations stay quiet.
    pattern: /(?:\*\s{0,4}END\s{0,4}\*\s{0,4}(?<operation>Search|Download|Install|Finding\s{1,4}updates|Downloading\s{1,4}updates|Installing\s{1,4}updates)\b[^\r\n]{0,300}?\bfailed\s{1,4}(?:with\s{1,4})?(?:hr\s{0,2}=\s{0,2})?|Exit\s{1,4}code\s{0,4}=\s{0,4}|Failed\s{1,4}to\s{1,4}(?:download|install)\b[^\r\n]{0,300}?\b(?:hr\s{0,2}=\s{0,2}|error\s{0,2}=?\s{0,2})?)(?<code>0x8[0-9a-f]{7})\b|Error\s{1,4}(?<code2>0x8[0-9a-f]{7})\s{1,4}occurred\s{1,4}while\s{1,4}(?:downloading|installing)/i,
    message: 'Windows Update failed',
    explanation: 'The Windows Update client ended a search, download or install with an error code (WU_E_* codes are Windows Update\'s own; 0x8007xxxx wraps a Windows error). It retries on its own schedule, so the count says whether it keeps failing. 0x80240438 WU_E_PT_ENDPOINT_UNREACHABLE: no route to the update service; 0x8024401x/0x8024402x: the server or a proxy answered with an HTTP error.',
    remedy: 'Read the code\'s meaning (hover it) and the lines around it. For network codes (0x80240438, 0x8024402C, 0x80072EE2) check the proxy (`netsh winhttp show proxy`), the firewall and the update server the device is pointed to (WSUS or Configuration Manager: WUAHandler.log); for an install failure, CBS.log at the same time says why (a servicing code such as 0x800F081F or 0x800F0922).',
    sources: [WU_ERRORS, WU_LOGS],
    repeats: { related: 'failed again with the same code', count: (more) => `${counted(more, 'more time')} in this file` },
  },
  {
    id: 'psadt-failed', title: 'PSADT deployment failed', severity: 'error',
    formats: ['psadt'],
    // PSADT v3 writes CMTrace records (found by the functions that log an exit code); v4 its own lines.
    components: ['execute-process', 'execute-msi', 'execute-processasuser', 'exit-script', 'start-adtprocess', 'start-adtmsiprocess', 'start-adtprocessasuser', 'start-adtmsiprocessasuser', 'close-adtsession'],
    atLeast: 1, perCode: true,
    pattern: /(?<what>(?:Execution\s{1,4}failed|completed)\s{1,4}with\s{1,4}exit\s{1,4}code\s{0,4}\[\s{0,4}(?!(?:0|3010|1641)\s{0,4}\])(?<exitCode>-?\d{1,10})\s{0,4}\]|Execution\s{1,4}failed\b)/i,
    message: 'PSADT: {what}',
    explanation: `The PowerShell App Deployment Toolkit ran an installer (or the whole deployment script ended) with an exit code that is not a success: 0, 3010 and 1641 (the last two with a restart) are; an MSI's 1603 is a fatal error during installation, 1618 another installation in progress. The toolkit's own codes are ${rangesText([PSADT_OWN_RANGE])} (the finding says what its code means, from the toolkit's exit code list), ${rangesText(PSADT_AUTHOR_RANGES)} the script author's.`,
    remedy: 'Read the lines above it: the command line the toolkit ran and, for an MSI, its verbose log (the toolkit writes it beside its own log; open it here: msi-action-failed shows the failing action). For 1618 let the other installation finish and retry; for a toolkit code see the toolkit\'s exit code list.',
    // The installers' codes, else the toolkit's (60001..., and its ranges) from their one place.
    sources: [PSADT_EXIT, MSI_ERRORS], meanings: { field: 'exitCode', table: EXIT_CODES, orElse: (v) => describePsadtExitCode(v)?.meaning },
    repeats: { related: 'the same failure written again', count: (more) => `written ${counted(more, 'more time')} in this file` },
  },
  {
    id: 'company-portal-install-failed', title: 'Intune app install failed (Company Portal, macOS agent)', severity: 'error',
    formats: ['portal', 'intunemac'], atLeast: 1, perCode: true,
    // Windows writes an HRESULT after the words; the macOS agent its reason after a colon
    // (`Install failed: package not signed`), which the finding says (clipped like every capture).
    pattern: /(?:\binstall(?:ation)?\s{1,4}(?:has\s{1,4})?fail(?:ed|ure)|\bfail(?:ed|ure)\s{1,4}to\s{1,4}install)\b(?:[^\r\n]{0,200}?(?<code>0x8[0-9a-f]{7})\b|\s{0,4}:\s{0,4}(?<reason>[^\r\n]{1,300}))?/i,
    message: 'An app install failed{reason?}',
    explanation: 'Company Portal (Windows) or the Intune agent for macOS reports that an app did not install. On Windows the HRESULT says why: 0x80070643 is ERROR_INSTALL_FAILURE (1603, the installer\'s fatal error), 0x87D1xxxx are Intune\'s own codes. On macOS the line gives the agent\'s reason (a package not signed, a download that failed).',
    remedy: 'Read the code\'s meaning (hover it) and the lines before it. On Windows the Intune Management Extension logs (IntuneManagementExtension.log, AppWorkload.log) have the installer\'s exit code; on macOS check the package (signed, for this architecture) and the app\'s assignment, then sync the device.',
    sources: [INTUNE_APP_ERRORS],
    repeats: { related: 'failed again', count: (more) => `${counted(more, 'more time')} in this file` },
  },
];
