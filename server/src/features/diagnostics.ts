// Findings -> LSP diagnostics. The Problems panel and `cmlog check` show the same rule ids.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { visible } from '../explain/plainText';
import type { Finding } from '../model';
import { diagnosticSeverity } from '../severity';
import { lineRange } from './positions';

/** The Problems panel shows messages as plain text: control characters quoted from logs show as escapes. */
export function toDiagnostic(f: Finding, doc?: TextDocument): Diagnostic {
  return {
    range: lineRange(f.line, f.line, doc),
    severity: diagnosticSeverity[f.severity],
    code: f.ruleId,
    source: 'CMLog Lens',
    message: visible(f.message),
    data: f.data,
    relatedInformation: f.related?.map((r) => ({
      location: { uri: r.file, range: lineRange(r.line, r.line) },
      message: visible(r.message),
    })),
  };
}
