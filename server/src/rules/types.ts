// What a rule is. Rules are pure functions over parsed logs; the domain knowledge lives in them.
import type { LogInput, LogRef } from '../logFile';
import type { Finding } from '../model';
import type { FindingSeverity } from '../severity';

export type { FindingSeverity, LogInput, LogRef };

/** Every log the caller knows of (a folder, a workspace): cross-file rules look here. */
export interface RuleContext {
  logs: readonly LogInput[];
}

/**
 * A rule: what it checks and what it knows about its findings. Everything but `check` is optional;
 * the features iterate the catalog and never name a rule. `Data` types the findings' `data`.
 * A declarative rule (#16: a signature from a table or from .cmlog/rules.json) is one of these
 * built by a generic engine from data; nothing else changes.
 */
export interface Rule<Data = unknown> {
  id: string;
  defaultSeverity: FindingSeverity;
  title: string;
  /** One paragraph: what it means and what to do. */
  explanation: string;
  sources: string[];
  /** Findings located in `target` (other logs of the context may be read for evidence). */
  check(target: LogInput, context: RuleContext): Finding<Data>[];
  /**
   * Whether `check(target)` reads `other` (another log of the context), so that a change of `other`
   * can change `target`'s findings. Absent: the rule reads only its target. The language server
   * re-validates after a change only the logs this names; keep it cheap (names, not records).
   */
  reads?(target: LogInput, other: LogRef): boolean;
  /** Hover Markdown for one of its findings (every piece of log text escaped). Absent: a generic section from title, explanation and sources. */
  explain?(finding: Finding<Data>): string;
  /** Code lenses on one of its findings. */
  lenses?(finding: Finding<Data>): FindingLens[];
  /** Code actions on one of its findings (offered once per request when several findings give the same). */
  actions?(finding: Finding<Data>): FindingAction[];
}

/** A lens above `line` (0-based): a title, and where a click goes (none: the title only). */
export interface FindingLens {
  line: number;
  title: string;
  reveal?: { file: string; line: number };
}

/** An action: copy the rule's own constant text (never text from the log) to the clipboard. */
export interface FindingAction {
  title: string;
  copy: string;
}

/** Per-rule settings: off, or another severity. */
export type RuleSettings = Record<string, FindingSeverity | 'off' | undefined>;
