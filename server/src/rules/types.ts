// What a rule is. Rules are pure functions over parsed logs; the domain knowledge lives in them.
import type { Finding } from '../model';
import type { LogFile } from '../logFile';

import type { FindingSeverity } from '../severity';

export type { FindingSeverity };

/** A parsed log with the key its caller knows it by (a path or a URI string). */
export interface LogInput {
  key: string;
  /** File name without folders, e.g. `CloudUserSync.log`. */
  name: string;
  log: LogFile;
}

/** A log known by key and name only (it may be gone: a deleted file). */
export type LogRef = Pick<LogInput, 'key' | 'name'>;

/** Every log the caller knows of (a folder, a workspace): cross-file rules look here. */
export interface RuleContext {
  logs: readonly LogInput[];
}

export interface Rule {
  id: string;
  defaultSeverity: FindingSeverity;
  title: string;
  /** One paragraph: what it means and what to do. */
  explanation: string;
  sources: string[];
  /** Findings located in `target` (other logs of the context may be read for evidence). */
  check(target: LogInput, context: RuleContext): Finding[];
  /**
   * Whether `check(target)` reads `other` (another log of the context), so that a change of `other`
   * can change `target`'s findings. Absent: the rule reads only its target. The language server
   * re-validates after a change only the logs this names; keep it cheap (names, not records).
   */
  reads?(target: LogInput, other: LogRef): boolean;
}

/** Per-rule settings: off, or another severity. */
export type RuleSettings = Record<string, FindingSeverity | 'off' | undefined>;
