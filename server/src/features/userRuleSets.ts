// The admin's rules of each workspace folder (`.cmlog/rules.json`), for the validator: loaded at
// start and when the file changes, run only in a trusted workspace (a rules file is code the
// workspace brings: its patterns run on every log). Problems with a file are shown on the file,
// those its schema does not show already.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { visibleLine } from '../explain/plainText';
import type { Rule } from '../rules';
import { lineColumn } from '../rules/ruleFilePlaces';
import { parseUserRules, USER_RULES_FILE, userRules } from '../rules/userRules';
import { relativeMatcher } from '../workspace/globs';
import { innermostFolder, toPath } from '../uri';

interface FolderRules { path: string; uri: string; rules: Rule[] }

export class UserRuleSets {
  /** Whether the client said the workspace is trusted (VS Code workspace trust). */
  trusted = false;
  private folders: FolderRules[] = [];

  constructor(private readonly connection: Connection, private readonly builtIn: readonly Rule[]) {}

  /** The rules for a log: the built-in ones, and its folder's own when the workspace is trusted. */
  catalogOf(uri: string): readonly Rule[] {
    if (!this.trusted) return this.builtIn;
    const k = innermostFolder(this.folders, toPath(uri));
    const own = k >= 0 ? this.folders[k]!.rules : [];
    return own.length ? [...this.builtIn, ...own] : this.builtIn;
  }

  /** Whether a changed file is a folder's rules file. */
  isRulesFile(uri: string): boolean {
    return uri.endsWith('/' + USER_RULES_FILE);
  }

  /** (Re)reads the rules file of every folder. */
  async load(folders: readonly { path: string; uri: string }[]): Promise<void> {
    const loaded: FolderRules[] = [];
    for (const f of folders) {
      const file = path.join(f.path, USER_RULES_FILE);
      const fileUri = f.uri.replace(/\/$/, '') + '/' + USER_RULES_FILE;
      let text: string | null = null;
      try { text = await readFile(file, 'utf8'); } catch { /* no rules in this folder */ }
      if (text === null) {
        void this.connection.sendDiagnostics({ uri: fileUri, diagnostics: [] });
        loaded.push({ ...f, rules: [] });
        continue;
      }
      const parsed = parseUserRules(text, USER_RULES_FILE);
      // Each problem VS Code's JSON language cannot say (it marks broken JSON, and the schema's on
      // their fields) on its rule; the file's first character otherwise.
      const diagnostics: Diagnostic[] = parsed.editor.map(({ message, at }) => {
        const { line, column: character } = lineColumn(text, at ?? 0);
        return { range: { start: { line, character }, end: { line, character: character + 1 } }, severity: 1, source: 'CMLog Lens', message };
      });
      if (!this.trusted && parsed.specs.length > 0) {
        diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 3, source: 'CMLog Lens',
          message: 'These rules are not run: the workspace is not trusted (Workspaces: Manage Workspace Trust).' });
      }
      void this.connection.sendDiagnostics({ uri: fileUri, diagnostics });
      // Messages name the file as the Explorer shows it (the folder's name is untrusted text).
      const shown = folders.length > 1 ? `${visibleLine(path.basename(f.path))}/${USER_RULES_FILE}` : USER_RULES_FILE;
      loaded.push({ ...f, rules: userRules(parsed.specs, shown, (glob) => relativeMatcher(glob, true)) });
    }
    this.folders = loaded;
  }
}
