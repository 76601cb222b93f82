// Code actions: the actions the rules offer on their findings under the cursor (e.g. copy the SQL
// checks of aad-tenant-missing), and "Look Up Error 0x…" for each code the finding names or its
// record writes (explain/findingCodes: the table's detail offers the same). A diagnostic counts
// only when a finding of the last validation is behind it, so what is offered comes from the rule
// and the log, never from a diagnostic the client sent back.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { codesOf, findingCodes, recordCodeText } from '../explain/findingCodes';
import { formatHex } from '../knowledge/errorCodes';
import type { LogFile } from '../logFile';
import type { Finding } from '../model';
import { Commands } from '../protocol';
import { ruleById, rules, type Rule } from '../rules';

/**
 * `findings`: those shown in the document (a merged view's on its own lines); `catalog`: the rules
 * they came from; `log`: the log their records are in (none: only the codes findings name).
 */
export function codeActions(params: CodeActionParams, findings: readonly Finding[], catalog: readonly Rule[] = rules, log?: LogFile): CodeAction[] {
  // Asked on every cursor move: the record's codes from its first characters only (recordCodeText).
  // A record's codes, read once however many of its findings the request has (as the table's detail does).
  const records = new Map<number, number[]>();
  const recordCodes = (f: Finding): number[] => {
    const i = f.entryIndex;
    if (!log || i === undefined || i >= log.entryCount) return [];
    let codes = records.get(i);
    if (!codes) records.set(i, (codes = codesOf([recordCodeText(log, i)])));
    return codes;
  };
  const out: CodeAction[] = [];
  const offered = new Set<string>(); // the same action for several findings is offered once
  const offer = (key: string, title: string, d: Diagnostic, command: string, arg: string) => {
    if (offered.has(key)) return;
    offered.add(key);
    out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command, arguments: [arg] } });
  };
  for (const d of params.context.diagnostics) {
    for (const f of findings) {
      if (f.ruleId !== d.code || f.line !== d.range.start.line) continue;
      for (const a of ruleById(f.ruleId, catalog)?.actions?.(f) ?? []) offer(`${f.ruleId}\n${a.title}\n${a.copy}`, a.title, d, Commands.copyToClipboard, a.copy);
      for (const v of findingCodes(f.message, recordCodes(f))) {
        const hex = formatHex(v);
        offer(`lookup\n${v}`, `Look Up Error ${hex}`, d, Commands.lookupErrorCode, hex);
      }
    }
  }
  return out;
}
