/**
 * The PowerShell App Deployment Toolkit's own exit codes: what a deployment script ends with when the
 * toolkit itself failed (60001: the script threw), as opposed to the installer's code it passes on
 * (1603, 1618: Windows Installer's).
 *
 * Pure core: no `vscode` or LSP imports.
 *
 * They are decimal numbers that are also Win32 values (60001 = 0xEA61), so the error-code table is
 * never used for them: `lookup` and the code hover say this meaning beside the Windows one.
 * Only what the toolkit's exit code pages say, in the project's own words; v3 (3.10) and v4 give the
 * same numbers, v4 with the renamed functions (Execute-Process -> Start-ADTProcess, Deploy-Application
 * -> Invoke-AppDeployToolkit). Older v3 pages numbered 60002-60006 differently; the 3.10 list is kept.
 */

export interface PsadtExitCode {
  readonly code: number;
  /** One sentence in the project's own words; for a range, what the range is for. */
  readonly meaning: string;
  readonly source: string;
  /** Whose code it is: the toolkit's own (60000-68999) or one the script's author chose. */
  readonly owner: 'toolkit' | 'author';
}

export const SOURCE_PSADT_EXIT_CODES =
  'PSAppDeployToolkit documentation, "Exit Codes": https://psappdeploytoolkit.com/docs/reference/exit-codes (v4) and https://psappdeploytoolkit.com/docs/3.10.2/exit-codes (v3)';
const SOURCE_PSADT_ISSUE_223 = 'PSAppDeployToolkit/website issue #223, "Exit Codes page is incorrect" (https://github.com/PSAppDeployToolkit/website/issues/223)';

interface CodeRange { readonly first: number; readonly last: number }

/** The toolkit reserves these for itself. */
export const PSADT_OWN_RANGE: CodeRange = { first: 60000, last: 68999 };
/** The toolkit recommends these for the script author's own codes (v3: in the deployment script, and in its extensions). */
export const PSADT_AUTHOR_RANGES: readonly CodeRange[] = [{ first: 69000, last: 69999 }, { first: 70000, last: 79999 }];

/** `69000-69999 and 70000-79999`: ranges as the texts here write them. */
export function rangesText(ranges: readonly CodeRange[]): string {
  const each = ranges.map((r) => `${r.first}-${r.last}`);
  return each.length > 1 ? `${each.slice(0, -1).join(', ')} and ${each[each.length - 1]}` : each.join('');
}

const c = (code: number, meaning: string, source = SOURCE_PSADT_EXIT_CODES, owner: PsadtExitCode['owner'] = 'toolkit'): PsadtExitCode =>
  ({ code, meaning, source, owner });

export const PSADT_EXIT_CODES: readonly PsadtExitCode[] = [
  c(60001, 'An error in the deployment script (Deploy-Application.ps1 in v3, Invoke-AppDeployToolkit.ps1 in v4): check its syntax and the error the toolkit logged above.'),
  c(60002, 'The toolkit\'s process function failed (Execute-Process in v3, Start-ADTProcess in v4).'),
  c(60003, 'Running a process as the user (Execute-ProcessAsUser, Start-ADTProcessAsUser) needs administrator rights.'),
  c(60004, 'The .NET WinForms / WPF assemblies the toolkit\'s dialogs use could not be loaded.'),
  c(60005, 'The Blocked Application dialog could not be shown.'),
  c(60006, 'The toolkit would have had to fall back to the SYSTEM context without user interaction, and the config does not allow that (AllowSystemInteractionFallback not set).'),
  c(60007, 'The deployment script could not load the toolkit\'s main script (AppDeployToolkitMain.ps1): not found, or it failed while being loaded.'),
  c(60008, 'Documented as: running as the user was asked without a user name, because no user was logged on when the toolkit started. ' +
    'A member of the toolkit\'s team reports (issue #223) that v4\'s script template also exits with 60008 when it cannot import the toolkit module or open its session.',
  `${SOURCE_PSADT_EXIT_CODES}; ${SOURCE_PSADT_ISSUE_223}`),
  c(60009, 'The toolkit\'s .exe launcher (Deploy-Application.exe, Invoke-AppDeployToolkit.exe) failed before PowerShell could start.'),
  c(60010, 'The toolkit\'s .exe launcher failed before PowerShell could start.'),
  c(60011, 'The toolkit\'s .exe launcher could not run the PowerShell process.'),
  c(60012, 'A prompt of the toolkit timed out, or the user chose to defer the installation.'),
  c(60013, 'The process function got an exit code outside the 32-bit integer range and returned this code instead.'),
];

const BY_CODE = new Map(PSADT_EXIT_CODES.map((e) => [e.code, e]));

/**
 * What `n` means as a PSADT exit code: a listed code, else the range it falls in (the toolkit's
 * reserved range, or the script author's); undefined outside 60000-79999.
 */
export function describePsadtExitCode(n: number): PsadtExitCode | undefined {
  const listed = BY_CODE.get(n);
  if (listed) return listed;
  if (n >= PSADT_OWN_RANGE.first && n <= PSADT_OWN_RANGE.last) {
    return c(n, `In the range the toolkit reserves for its own codes (${rangesText([PSADT_OWN_RANGE])}); the documentation lists no meaning for this one.`);
  }
  if (PSADT_AUTHOR_RANGES.some((r) => n >= r.first && n <= r.last)) {
    return c(n, `In a range the toolkit recommends for the script author's own codes (${rangesText(PSADT_AUTHOR_RANGES)}): the deployment script chose it, so its meaning is in that script.`, SOURCE_PSADT_EXIT_CODES, 'author');
  }
  return undefined;
}
