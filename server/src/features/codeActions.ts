// Code actions: the actions the rules offer on their findings under the cursor (e.g. copy the SQL
// checks of aad-tenant-missing). A diagnostic counts only when a finding of the last validation is
// behind it, so what is offered comes from the rule, never from a diagnostic the client sent back.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { Finding } from '../model';
import { Commands } from '../protocol';
import { ruleById, rules, type Rule } from '../rules';

/** `findings`: those shown in the document (a merged view's on its own lines). */
export function codeActions(params: CodeActionParams, findings: readonly Finding[], catalog: readonly Rule[] = rules): CodeAction[] {
  const out: CodeAction[] = [];
  const offered = new Set<string>(); // the same action for several findings is offered once
  for (const d of params.context.diagnostics) {
    for (const f of findings) {
      if (f.ruleId !== d.code || f.line !== d.range.start.line) continue;
      for (const a of ruleById(f.ruleId, catalog)?.actions?.(f) ?? []) {
        const key = `${f.ruleId}\n${a.title}\n${a.copy}`;
        if (offered.has(key)) continue;
        offered.add(key);
        out.push({
          title: a.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          command: { title: a.title, command: Commands.copyToClipboard, arguments: [a.copy] },
        });
      }
    }
  }
  return out;
}
