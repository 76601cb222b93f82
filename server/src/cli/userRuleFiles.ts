// `cmlog check`'s user rules: `.cmlog/rules.json` in each folder it is given (for the logs under
// that folder) and `--rules FILE` (for every log). A bad file is reported and the built-in rules
// still run.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { LogRef, Rule } from '../rules';
import { parseUserRules, USER_RULES_FILE, userRules } from '../rules/userRules';
import { relativeMatcher } from '../workspace/globs';
import { displayPath } from './load';

export interface UserRuleFiles {
  /** The user rules that apply to `target` (none: the built-in catalog alone). */
  forLog(target: LogRef): readonly Rule[];
  /** One sentence per problem (unreadable file, bad JSON, bad rule). */
  problems: string[];
}

function load(file: string, problems: string[]): Rule[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    problems.push(`${displayPath(file)}: cannot read the rules: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return [];
  }
  const parsed = parseUserRules(text, displayPath(file));
  for (const p of parsed.problems) problems.push(p);
  return userRules(parsed.specs, displayPath(file), (glob) => relativeMatcher(glob, true));
}

export function userRuleFiles(paths: readonly string[], rulesFile: string | undefined): UserRuleFiles {
  const problems: string[] = [];
  const everywhere = rulesFile ? load(rulesFile, problems) : [];
  const folders: { root: string; rules: Rule[] }[] = [];
  for (const p of paths) {
    let isDir = false;
    try { isDir = statSync(p).isDirectory(); } catch { /* discovery reports it */ }
    const file = path.join(p, USER_RULES_FILE);
    if (!isDir || !statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    folders.push({ root: path.resolve(p), rules: load(file, problems) });
  }
  return {
    problems,
    forLog(target) {
      if (folders.length === 0) return everywhere;
      const abs = path.resolve(target.key);
      const out = [...everywhere];
      for (const f of folders) if (abs.startsWith(f.root + path.sep)) for (const r of f.rules) out.push(r);
      return out;
    },
  };
}
