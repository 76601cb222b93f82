// The keyword rule as regexes, its plainest statement, made from a keyword list (by default the
// parser's, server/src/parse/keywords.ts): what both of the parser's implementations (the
// WebAssembly kernel, and the TypeScript rule on character codes) are tested against. For the
// shipped list the patterns are /error|\bfail(?:ed|s)?\b|exception|critical|fatal|warn/i and,
// after a warning word, /error|\bfail(?:ed|s)?\b|exception|critical|fatal/i on the rest.
import { Severity } from '../../server/src/model';
import { KEYWORDS, type Keyword } from '../../server/src/parse/keywords';

const pattern = (k: Keyword) => (k.wholeWord ? `\\b${k.word}${k.endings?.length ? `(?:${k.endings.join('|')})?` : ''}\\b` : k.word);

/** The rule's two regexes for a list: any word, and error words only. */
export function keywordPatterns(list: readonly Keyword[] = KEYWORDS): { any: RegExp; errors: RegExp } {
  return {
    any: new RegExp(list.map(pattern).join('|'), 'i'),
    errors: new RegExp(list.filter((k) => k.severity === 'error').map(pattern).join('|') || '(?!)', 'i'),
  };
}

/** Severity of a message by the rule on `list`. */
export function keywordRuleOf(list: readonly Keyword[]): (message: string) => Severity {
  const { errors } = keywordPatterns(list);
  // The same alternation with a group for each word, to tell which one matched.
  const any = new RegExp(list.map((k) => `(${pattern(k)})`).join('|'), 'i');
  return (message) => {
    const first = any.exec(message);
    if (!first) return Severity.Information;
    if (list[first.findIndex((g, i) => i > 0 && g !== undefined) - 1].severity === 'error') return Severity.Error;
    // A warning word came first; an error word in the rest (a string of its own) still wins.
    return errors.test(message.slice(first.index + first[0].length)) ? Severity.Error : Severity.Warning;
  };
}

export const keywordRule = keywordRuleOf(KEYWORDS);
