/**
 * Windows Installer message numbers: the `Error 1722. ...`, `Warning 1946. ...`, `Info 2898. ...`
 * and `DEBUG: Error 2826: ...` lines MSI writes bare in a verbose log, and the ones its timed lines
 * report (`Product: name -- Error 1722.`, `Note: 1: 2205 2: ...`).
 *
 * Pure core: no `vscode` or LSP imports.
 *
 * These numbers are a list of their own, not Win32 codes: message 1722 is a custom action program
 * that failed, not RPC_S_SERVER_UNAVAILABLE, and message 1603 is a file held in use, not
 * ERROR_INSTALL_FAILURE. So the error-code lookup is never used for them. Numbers that are only
 * msiexec exit codes (1618, 1620, 1624: see errorCodes.ts) are not messages and are not listed.
 *
 * Only numbers whose meaning Microsoft's message list gives are listed; meanings are in the
 * project's own words. 1000-1999 are messages a package shows its user; 2000 and up are internal
 * ones, a sign of a package authored wrongly.
 */

export interface MsiMessageInfo {
  readonly number: number;
  /** One sentence in the project's own words. */
  readonly meaning: string;
  /** Which document the entry comes from. */
  readonly source: string;
}

const SOURCE_MSI_ERROR_MESSAGES =
  'Microsoft Learn, "Windows Installer Error Messages", https://learn.microsoft.com/windows/win32/msi/windows-installer-error-messages';

const m = (number: number, meaning: string): MsiMessageInfo => ({ number, meaning, source: SOURCE_MSI_ERROR_MESSAGES });

export const MSI_MESSAGES: readonly MsiMessageInfo[] = [
  m(1303, 'The installer lacks the rights to reach a folder it needs (the folder is named in the line).'),
  m(1304, 'Writing a file to its destination failed (the file is named in the line).'),
  m(1305, 'Reading a file failed; the line gives the file and a system error code.'),
  m(1306, 'A file to be replaced is open in another program; closing that program (or a restart) frees it.'),
  m(1307, 'The disk has too little free space left for a file of the installation.'),
  m(1308, 'A source file of the package was not found.'),
  m(1309, 'A source file could not be opened; the line gives the file and a system error code.'),
  m(1310, 'A destination file could not be created; the line gives the file and a system error code.'),
  m(1311, 'A cabinet (.cab) holding the package\'s files was not found at the source.'),
  m(1316, 'A network error stopped the installer reading a file (the file is named in the line).'),
  m(1321, 'The installer lacks the rights to change a file (the file is named in the line).'),
  m(1327, 'A drive the installation points at is not valid (the drive is named in the line).'),
  m(1335, 'A cabinet (.cab) of the installation is corrupt: a network or media read error, or a broken package.'),
  m(1402, 'A registry key could not be opened; the line gives the key and a system error code.'),
  m(1406, 'A registry value could not be written; the line gives the value, the key and a system error code.'),
  m(1500, 'Another installation is in progress; it has to finish before this one can go on.'),
  m(1601, 'A volume has too little free space for the installation (required and available space are in the line).'),
  m(1602, 'The installer asked whether to cancel (the cancel confirmation).'),
  m(1603, 'A file to be updated is held open by a process (its name and id are in the line); a restart may be needed.'),
  m(1604, 'Another installed product stops this one from installing.'),
  m(1605, 'A volume has too little free space unless rollback is turned off.'),
  m(1606, 'A location (folder) the package lists could not be reached.'),
  m(1607, 'Applications have to be closed before the installation can go on (files in use).'),
  m(1609, 'Applying security settings failed: a user or group named by the package is not valid, or a domain controller could not be reached.'),
  m(1610, 'Files or services in use have to be updated; going on needs a restart.'),
  m(1611, 'Not all applications holding files in use could be closed automatically.'),
  m(1706, 'No valid installation source was found for the product.'),
  m(1708, 'The installation failed.'),
  m(1712, 'Files needed to roll the computer back were not found: a rollback is not possible.'),
  m(1714, 'An older version of the product could not be removed; the line gives a system error code.'),
  m(1719, 'The Windows Installer service could not be reached: check that it is registered and not disabled.'),
  m(1720, 'A script custom action of the package failed; the line names the custom action and the script error.'),
  m(1721, 'A program the package needs (a custom action) could not be started; the line names the action and the command.'),
  m(1722, 'A program run by the package as a custom action ended with a failure; the line names the action and the command.'),
  m(1723, 'A DLL custom action of the package could not be run (the DLL must export the function called); the line names the action, the entry point and the DLL.'),
  m(1730, 'Only an administrator can remove this product.'),
  m(1904, 'A module failed to register; the line gives its HRESULT.'),
  m(1909, 'A shortcut could not be created; its destination folder may be missing or not reachable.'),
  m(1920, 'A service failed to start; check that the account has the rights to start services.'),
  m(1921, 'A service could not be stopped; the account may lack the rights to stop services.'),
  m(1922, 'A service could not be deleted; the account may lack the rights to remove services.'),
  m(1923, 'A service could not be installed; the account may lack the rights to install services.'),
  m(1924, 'An environment variable could not be updated; the account may lack the rights.'),
  m(1925, 'The account lacks the rights to install the product for all users of the computer; an administrator has to install it.'),
  m(1931, 'A system file protected by Windows cannot be updated by the package.'),
  m(1935, 'An assembly of the package failed to install; the line gives the HRESULT and the assembly or its component.'),
  m(1946, 'A property of a shortcut could not be set; a warning, the installation goes on.'),
  m(2105, 'Creating a shortcut failed (internal message); the line gives a system error.'),
  m(2203, 'A database (package or transform) file could not be opened; the line gives the file and a system error.'),
  m(2205, 'A table the installer looked for does not exist in the package (internal message).'),
  m(2228, 'An SQL query of the package names a table that does not exist (internal message).'),
  m(2262, 'A stream the installer looked for does not exist in the package (internal message).'),
  m(2502, 'InstallFinalize was called with no installation in progress (internal message).'),
  m(2503, 'RunScript was called with no installation marked in progress (internal message).'),
  m(2753, 'A file is not marked for installation (internal message).'),
  m(2755, 'The installer service returned an unexpected error for a package; the line gives the error and the package.'),
  m(2762, 'A custom action that changes the system is sequenced outside the installation script (internal message: the package is authored wrongly).'),
  m(2826, 'A control of a dialog extends beyond the dialog\'s edges (internal message about the user interface).'),
  m(2835, 'A control was not found on a dialog (internal message about the user interface).'),
  m(2898, 'The installer created a font for a text style (internal message).'),
];

const BY_NUMBER: ReadonlyMap<number, MsiMessageInfo> = new Map(MSI_MESSAGES.map((e) => [e.number, e]));

/** Meaning of a Windows Installer message number, or undefined when no source for it was found. */
export function describeMsiMessage(number: number): MsiMessageInfo | undefined {
  return BY_NUMBER.get(number);
}
