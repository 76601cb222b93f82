// Code actions: on a missing-AADTenantID problem, copy each of the article's SQL checks. The
// command runs in the client and takes our constant text, never text from the log.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { AAD_SQL_QUERIES } from '../explain';
import { Commands } from '../protocol';

export function codeActions(params: CodeActionParams): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    if (d.code !== 'aad-tenant-missing') continue;
    for (const q of AAD_SQL_QUERIES) {
      out.push({
        title: `Copy SQL: ${q.title}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: `Copy SQL: ${q.title}`, command: Commands.copyToClipboard, arguments: [q.sql] },
      });
    }
    break; // the same queries for every such problem: offer them once
  }
  return out;
}
