// Severity of records that carry no `type` (legacy format, empty type), by keywords.
// CMTrace's own rule is "error" -> error and "warn" -> warning, anywhere in the message,
// case-insensitive. We also know the words fail/failed/fails (but not "failover" or "failure",
// which ConfigMgr writes in harmless lines such as "raise failure status messages = True"),
// "exception", "critical" and "fatal". Alternations of literals: linear time.
import { Severity } from '../model';

const ERROR_WORDS = /error|\bfail(?:ed|s)?\b|exception|critical|fatal/i;
// One pass finds the first keyword of either kind; most messages have none.
const ANY_WORD = /error|\bfail(?:ed|s)?\b|exception|critical|fatal|(warn)/i;

export function keywordSeverity(message: string): Severity {
  const m = ANY_WORD.exec(message);
  if (m === null) return Severity.Information;
  if (m[1] === undefined) return Severity.Error;
  // A warning word came first; an error word later still wins.
  return ERROR_WORDS.test(message.slice(m.index + 4)) ? Severity.Error : Severity.Warning;
}

/**
 * CMTrace `type` attribute given as the char code of a one-character value: 0-3 as documented,
 * anything else information. (An empty or missing type goes to `keywordSeverity` instead.)
 */
export function typeSeverity(typeCode: number): Severity {
  switch (typeCode) {
    case 48: return Severity.Success; // '0'
    case 50: return Severity.Warning; // '2'
    case 51: return Severity.Error; // '3'
    default: return Severity.Information;
  }
}
