// Hovers: the explanation of what is under the cursor, built by the pure explain layer (which
// escapes every piece of log text), wrapped as LSP Markdown.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { hoverMarkdown, type OffsetOrigin } from '../explain';
import type { Finding } from '../model';
import { Commands } from '../protocol';
import type { LogInput, Rule, RuleContext } from '../rules';

/** `offset` is a character offset into the target log's text; `catalog` the rules `findings` came from; `origin`: explain/index.ts OffsetOrigin. */
export function hover(target: LogInput, offset: number, context: RuleContext, findings: Finding[], catalog: readonly Rule[], origin?: () => OffsetOrigin): Hover | null {
  // A code under the cursor links to "CMLog: Look Up Error Code" (the explain layer knows no commands).
  const markdown = hoverMarkdown(target, context, offset, findings, catalog, Commands.lookupErrorCode, origin);
  return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown } } : null;
}
