/**
 * Known ConfigMgr and Intune log file names: where each lives, what writes it,
 * and what it is for (in the project's own words), with the source per entry.
 *
 * Pure core: no `vscode` or LSP imports.
 */
import { liveLogName } from '../parse/formats/logName';

export const SOURCE_CM_LOG_REFERENCE = 'Microsoft Learn: Log file reference (Configuration Manager)';
export const SOURCE_CM_ABOUT_LOGS = 'Microsoft Learn: About log files in Configuration Manager';
export const SOURCE_IME_WIN32_FLOW =
  'Microsoft Learn: Support Tip - Understanding the flow behind deployment, delivery, and processing of a Win32 application through Intune';
export const SOURCE_IME_SCRIPTS = 'Microsoft Learn: Use PowerShell scripts on Windows 10/11 devices in Intune';

/** Default folders, per "About log files" (actual paths vary with the install directory). */
export const DEFAULT_FOLDERS = {
  client: 'C:\\Windows\\CCM\\Logs',
  siteServer: 'C:\\Program Files\\Microsoft Configuration Manager\\Logs',
  managementPoint: 'C:\\SMS_CCM\\Logs',
  intuneManagementExtension: 'C:\\ProgramData\\Microsoft\\IntuneManagementExtension\\Logs',
} as const;

export interface LogFileInfo {
  /** Canonical file name, e.g. `CloudUserSync.log`. */
  readonly name: string;
  /** Which computer keeps it: site server, management point, client, ... */
  readonly location: string;
  /** Usual folder there (defaults; installs may differ). */
  readonly folder?: string;
  /** Which component or process writes it, when the source says. */
  readonly component?: string;
  /** One line, in the project's own words. */
  readonly purpose: string;
  /** Version notes and related logs. */
  readonly notes?: string;
  readonly source: string;
}

const SITE = 'Site server';
const MP = 'Management point (site system server)';
const CLIENT = 'Configuration Manager client';
const SCP = 'Site server with the service connection point';
const IME = 'Windows device managed by Intune (Intune Management Extension)';

function cm(
  name: string,
  location: string,
  purpose: string,
  extra: { folder?: string; component?: string; notes?: string; source?: string } = {},
): LogFileInfo {
  const folder =
    extra.folder ??
    (location === CLIENT
      ? DEFAULT_FOLDERS.client
      : location === SITE || location === SCP
        ? DEFAULT_FOLDERS.siteServer
        : undefined);
  const info: { -readonly [K in keyof LogFileInfo]: LogFileInfo[K] } = {
    name,
    location,
    purpose,
    source: extra.source ?? SOURCE_CM_LOG_REFERENCE,
  };
  if (folder !== undefined) info.folder = folder;
  if (extra.component !== undefined) info.component = extra.component;
  if (extra.notes !== undefined) info.notes = extra.notes;
  return info;
}

export const LOG_FILES: readonly LogFileInfo[] = [
  // --- Site server / service connection point: cloud and Azure AD (scenarios A and B) ---
  cm('CloudUserSync.log', SCP, 'Enabling discovered users for the cloud service (user license enablement). In hybrid MDM this is where users fail or succeed to be added to the cloud, e.g. "reason UserNotFound".', {
    component: 'Cloud user sync, a site server component running under the SMS Executive service',
    notes: 'In ConfigMgr 2012 R2 hybrid MDM the role was the Windows Intune Connector on the site server.',
  }),
  cm('SMS_AZUREAD_DISCOVERY_AGENT.log', SITE, 'Azure AD (Microsoft Entra ID) user and user group discovery; from version 2303 also the sync of collection membership to Entra ID groups.', {
    component: 'SMS_AZUREAD_DISCOVERY_AGENT (site server component)',
    notes: 'Collection sync runs on the top-level site; in versions 2002-2303 it was logged in CollectionAADGroupSyncWorker.log.',
  }),
  cm('CollectionAADGroupSyncWorker.log', SCP, 'Sync of collection membership results to Microsoft Entra ID (Azure AD) security groups.', {
    notes: 'Starting in 2303 this moved to SMS_AZUREAD_DISCOVERY_AGENT.log.',
  }),
  cm('SMS_CLOUDCONNECTION.log', SCP, 'Information about the site\'s cloud services.'),
  cm('smsexec.log', 'Site server or site system server', 'Processing of all site server component threads by the SMS Executive service.', {
    component: 'SMS Executive',
  }),
  cm('adusrdis.log', SITE, 'Active Directory User Discovery runs.'),
  cm('adsysdis.log', SITE, 'Active Directory System Discovery runs.'),
  cm('adsgdis.log', SITE, 'Active Directory Group Discovery runs.'),
  cm('ddm.log', SITE, 'Discovery data manager: processing of discovery records into the site database.'),
  cm('colleval.log', SITE, 'Collection Evaluator: collections being created, changed and deleted.'),
  cm('distmgr.log', SITE, 'Distribution manager: package creation, compression, delta replication and distribution point work.'),
  cm('statmgr.log', SITE, 'Writing of all status messages to the site database.'),
  cm('policypv.log', 'Primary site server', 'Policy provider: client policies updated after changes to client settings or deployments.'),
  cm('hman.log', SITE, 'Hierarchy manager: site configuration changes and publishing site information to Active Directory.'),
  cm('wsyncmgr.log', SITE, 'Software updates synchronization.'),
  cm('SMSProv.log', 'Computer with the SMS Provider', 'SMS Provider (WMI) access to the site database, including console activity.'),
  // --- Management point ---
  cm('MP_RegistrationManager.log', MP, 'Client registration on the management point: validating certificates, CRLs and tokens (e.g. Azure AD token registration).'),
  cm('MP_CliReg.log', MP, 'Client registration requests processed by the management point.'),
  cm('CCM_STS.log', MP, 'Authentication tokens on the management point: Microsoft Entra ID (Azure AD) tokens and site-issued client tokens.'),
  cm('MP_GetPolicy.log', MP, 'Policy requests from clients.'),
  cm('MP_Location.log', MP, 'Location requests from clients and the replies.'),
  cm('mpcontrol.log', 'Site system server (management point)', 'Management point registration and its availability check every 10 minutes.'),
  cm('CcmIsapi.log', MP, 'Client messaging activity on the management point endpoint.'),
  // --- Client (and ClientAuth on both sides) ---
  cm('ClientAuth.log', 'Configuration Manager client and management point', 'Signing and authentication activity (on the client, and on the management point for incoming requests).', {
    folder: `${DEFAULT_FOLDERS.client} (client); ${DEFAULT_FOLDERS.managementPoint} (management point)`,
  }),
  cm('ClientIDManagerStartup.log', CLIENT, 'Creating and keeping the client GUID; client registration and site assignment (including registration with Azure AD authentication).'),
  cm('ADALOperationProvider.log', CLIENT, 'Client requests for Azure AD (Entra ID) authentication tokens through ADAL.', {
    notes: 'Replaced by CcmAad.log starting in version 2107.',
  }),
  cm('CcmAad.log', CLIENT, 'Client requests for Azure AD (Entra ID) authentication tokens (the successor of ADALOperationProvider.log).', {
    notes: 'Starting in version 2107; earlier versions use ADALOperationProvider.log.',
  }),
  cm('ccmsetup.log', 'Configuration Manager client (client installation)', 'ccmsetup.exe: client setup, upgrade and removal; the first place to look when a client install fails.', {
    component: 'ccmsetup.exe',
  }),
  cm('client.msi.log', 'Configuration Manager client (client installation)', 'Setup tasks done by client.msi during client installation or removal.'),
  cm('CcmExec.log', CLIENT, 'Client and SMS Agent Host service activity.', { component: 'SMS Agent Host (CcmExec)' }),
  cm('CcmMessaging.log', CLIENT, 'Communication between the client and management points.'),
  cm('ClientLocation.log', CLIENT, 'Tasks of client site assignment (the assigned site and its checks).'),
  cm('LocationServices.log', CLIENT, 'Finding management points, software update points and distribution points.'),
  cm('PolicyAgent.log', CLIENT, 'Policy requests made through the Data Transfer Service.'),
  cm('CertificateMaintenance.log', CLIENT, 'Certificate maintenance for Active Directory and management points.'),
  cm('CoManagementHandler.log', CLIENT, 'Co-management on the client.'),
  cm('AppDiscovery.log', CLIENT, 'Detection of applications on the client (whether a deployment type is installed).'),
  cm('AppEnforce.log', CLIENT, 'Enforcement actions (install and uninstall) taken for applications.'),
  cm('AppIntentEval.log', CLIENT, 'Current and intended state of applications, applicability, requirements and dependencies.'),
  cm('execmgr.log', CLIENT, 'Packages and task sequences that run on the client.'),
  cm('CAS.log', CLIENT, 'Content Access service: the local package cache.'),
  cm('ContentTransferManager.log', CLIENT, 'Scheduling BITS or SMB downloads of content.'),
  cm('DataTransferService.log', CLIENT, 'BITS communication for policy or package access.'),
  cm('InventoryAgent.log', CLIENT, 'Hardware inventory, software inventory and heartbeat discovery on the client.'),
  cm('StatusAgent.log', CLIENT, 'Status messages created by client components.'),
  cm('UpdatesDeployment.log', CLIENT, 'Software update deployments on the client: activation, evaluation and enforcement.'),
  cm('WUAHandler.log', CLIENT, 'Windows Update Agent activity when the client scans for software updates.'),
  cm('smsts.log', CLIENT, 'Task sequence activity.', {
    folder: 'varies with the task sequence phase (X:\\Windows\\temp\\smstslog, C:\\_SMSTaskSequence\\Logs\\smstslog, C:\\Windows\\CCM\\Logs)',
    notes: 'See "About log files" for the location in each phase.',
  }),
  // --- Intune Management Extension ---
  cm('IntuneManagementExtension.log', IME, 'Main Intune Management Extension log: check-in, policy received, Win32 app download, install and detection, and reporting.', {
    folder: DEFAULT_FOLDERS.intuneManagementExtension,
    component: 'Intune Management Extension (sidecar agent)',
    source: `${SOURCE_IME_WIN32_FLOW}; ${SOURCE_IME_SCRIPTS}`,
  }),
  cm('AgentExecutor.log', IME, 'Runs of PowerShell scripts deployed by Intune.', {
    folder: DEFAULT_FOLDERS.intuneManagementExtension,
    component: 'Intune Management Extension',
    source: SOURCE_IME_WIN32_FLOW,
  }),
  cm('ClientHealth.log', IME, 'Health checks of the Intune Management Extension (sidecar) agent.', {
    folder: DEFAULT_FOLDERS.intuneManagementExtension,
    component: 'Intune Management Extension',
    source: SOURCE_IME_WIN32_FLOW,
  }),
];

const BY_KEY: ReadonlyMap<string, LogFileInfo> = new Map(LOG_FILES.map((l) => [l.name.toLowerCase(), l]));


/**
 * Reduces a path or file name to the key used for lookup: base name, lower case,
 * rotation extension (`.lo_`, `.log_`) turned back into `.log`, history suffix
 * (`-YYYYMMDD-HHMMSS`) removed, `.log` added when there is no extension.
 */
export function normalizeLogFileName(fileName: string): string {
  let base = baseKey(fileName);
  if (!base.includes('.')) base += '.log';
  return liveLogName(base);
}

/** A path's file name, lower case and trimmed. */
function baseKey(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return fileName.slice(slash + 1).trim().toLowerCase();
}

/** Describes a known ConfigMgr/Intune log by file name (case-insensitive; path, rotation and history suffixes ignored). */
export function describeLogFile(fileName: string): LogFileInfo | undefined {
  return BY_KEY.get(normalizeLogFileName(fileName));
}

/**
 * The client's logs that tell the machine's clock best, best first (a folder's offer is taken from
 * the first it has: explain/folderOffer.ts). CcmExec.log, which the SMS Agent Host writes all day;
 * then the logs of the hourly policy, location and status cycles; then those written at service
 * start or about daily; last ccmsetup.log, written only at install and upgrade (its last offset may
 * predate a DST change) but kept by every client. Logs written on demand, such as
 * ADALOperationProvider.log on a token request, say the clock of their last request only.
 */
export const MACHINE_CLOCK_LOGS: readonly string[] = [
  'CcmExec.log',
  'CcmMessaging.log', 'PolicyAgent.log', 'LocationServices.log', 'StatusAgent.log', 'DataTransferService.log',
  'ClientIDManagerStartup.log', 'ClientLocation.log', 'InventoryAgent.log',
  'ccmsetup.log',
];
const CLOCK_KEYS = MACHINE_CLOCK_LOGS.map((n) => n.toLowerCase());

/**
 * Where a log stands among MACHINE_CLOCK_LOGS, best first: 2k for the k-th, 2k + 1 for its rotated
 * copies (older than the live log), null for any other log.
 */
export function machineClockRank(fileName: string): number | null {
  const live = normalizeLogFileName(fileName);
  const k = CLOCK_KEYS.indexOf(live);
  return k < 0 ? null : 2 * k + (baseKey(fileName) === live ? 0 : 1);
}

/** A log the knowledge base knows as Configuration Manager's (client, management point, site), not Intune's. */
export function isConfigMgrLog(fileName: string): boolean {
  const info = describeLogFile(fileName);
  return info !== undefined && info.location !== IME;
}
