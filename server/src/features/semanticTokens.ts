// Severity colouring from the server: the message of every error, warning and success record, on
// each of its lines. Custom token types fall back to TextMate scopes declared in package.json.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LogFile } from '../logFile';
import { Severity } from '../model';
import { LINE_BREAKS } from '../parse/lineBreaks';
import { messageExtent } from './positions';

export const legend: SemanticTokensLegend = {
  tokenTypes: ['cmlogSuccess', 'cmlogWarning', 'cmlogError'],
  tokenModifiers: [],
};

const TYPE_OF: Partial<Record<Severity, number>> = { [Severity.Success]: 0, [Severity.Warning]: 1, [Severity.Error]: 2 };

export function semanticTokens(doc: TextDocument, log: LogFile): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const text = doc.getText();
  for (let i = 0; i < log.entryCount; i++) {
    const type = TYPE_OF[log.severity(i)];
    if (type === undefined) continue;
    const [a, b] = messageExtent(log, i);
    // Semantic tokens cannot span lines: one token per line of the record.
    let pos = a;
    while (pos < b) {
      LINE_BREAKS.lastIndex = pos;
      const m = LINE_BREAKS.exec(text);
      const end = m && m.index < b ? m.index : b;
      const len = end - pos;
      if (len > 0) {
        const p = doc.positionAt(pos);
        builder.push(p.line, p.character, len, type, 0);
      }
      pos = m && m.index < b ? end + m[0].length : b;
    }
  }
  return builder.build();
}
