// What Windows Installer's return codes mean to a triage: which are a success and which is the
// user's own cancel. The MSI reader judges a log's status lines by them, and the rules judge an
// install's exit code by them, so both read this one list.

/** Windows Installer return codes that are a success: 0, and 3010 / 1641 (with a restart). The msi-install-failed signature reads every other as a failure. */
export const MSI_SUCCESS_CODES: readonly number[] = [0, 3010, 1641];

/**
 * ERROR_INSTALL_USEREXIT: the user cancelled. An MSI log's line saying so is a warning (the user's
 * choice, not a fault); an Intune deployment that ends with it failed (rules/intuneWin32.ts).
 */
export const MSI_USER_CANCELLED = 1602;
