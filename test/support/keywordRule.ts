// The keyword rule as regexes, its plainest statement (see severity.ts): what both of the
// parser's implementations (the WebAssembly kernel, and the TypeScript rule on character codes)
// are tested against.
import { Severity } from '../../server/src/model';

const ERROR_WORDS = /error|\bfail(?:ed|s)?\b|exception|critical|fatal/i;
const ANY_WORD = /error|\bfail(?:ed|s)?\b|exception|critical|fatal|warn/i;

export function keywordRule(message: string): Severity {
  const first = ANY_WORD.exec(message);
  if (!first) return Severity.Information;
  if (first[0].toLowerCase() !== 'warn') return Severity.Error;
  // A warning word came first; an error word in the rest (a string of its own) still wins.
  return ERROR_WORDS.test(message.slice(first.index + 4)) ? Severity.Error : Severity.Warning;
}
