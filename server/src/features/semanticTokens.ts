// Severity colouring from the server: the message of every error, warning and success record, on
// each of its lines. Custom token types fall back to TextMate scopes declared in package.json.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LogFile } from '../logFile';
import { Severity } from '../model';
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
      const nl = text.indexOf('\n', pos);
      const end = nl < 0 || nl > b ? b : nl;
      const len = (end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end) - pos;
      if (len > 0) {
        const p = doc.positionAt(pos);
        builder.push(p.line, p.character, len, type, 0);
      }
      pos = end + 1;
    }
  }
  return builder.build();
}
