// What a log file's name is, in one place for the server, the CLI and the extension: live `.log`,
// rotated `.lo_` / `.log_`, dated history `X-yyyymmdd-hhmmss.log`; any case (Windows names).
// No imports: the client bundles it. (package.json's activation and language globs are JSON and
// say the same by hand.)

/** The extensions of a log's name, lower case (LOG_NAME says the same: test/unit/logName.test.ts). */
const LOG_EXTENSIONS = ['log', 'lo_', 'log_'] as const;

// Literals, not built with new RegExp, so the regex audit (regexSafety.test.ts) sees them.
const LOG_NAME = /\.(?:log|lo_|log_)$/i;
const ROTATED_EXT = /\.(?:lo_|log_)$/i;
const HISTORY_SUFFIX = /-\d{8}-\d{6}(\.log)$/i;

/** A VS Code glob of log names (globs match case-sensitively, so each letter is a class). */
export const LOG_GLOB = `**/*.{${LOG_EXTENSIONS.map((e) => e.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`)).join(',')}}`;

/** File names that are logs by convention: live, rotated and dated history. */
export function isLogFileName(name: string): boolean {
  return LOG_NAME.test(name);
}

/** `CloudUserSync.lo_` -> `CloudUserSync.log`; `smsexec-20240101-120000.log` -> `smsexec.log` (case kept). */
export function liveLogName(name: string): string {
  return name.replace(ROTATED_EXT, '.log').replace(HISTORY_SUFFIX, '$1');
}
