// Open documents and their parsed models. A change that only adds text at the end (a live log
// that VS Code reloads) is appended to the model; anything else re-parses the document.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidChangeTextDocumentParams, DidOpenTextDocumentParams, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { LogFile } from '../logFile';
import type { ParseOptions } from '../model';

export interface OpenLog {
  document: TextDocument;
  log: LogFile;
}

export class LogDocuments {
  private readonly open = new Map<string, OpenLog>();

  constructor(private options: (uri: string) => ParseOptions) {}

  get(uri: string): OpenLog | undefined { return this.open.get(uri); }
  all(): IterableIterator<[string, OpenLog]> { return this.open.entries(); }

  didOpen(p: DidOpenTextDocumentParams): OpenLog {
    const document = TextDocument.create(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
    const entry = { document, log: this.parse(document.uri, document.getText()) };
    this.open.set(document.uri, entry);
    return entry;
  }

  didChange(p: DidChangeTextDocumentParams): OpenLog | undefined {
    const entry = this.open.get(p.textDocument.uri);
    if (!entry) return undefined;
    const before = entry.document;
    const appended = appendedText(before, p.contentChanges);
    entry.document = TextDocument.update(before, p.contentChanges, p.textDocument.version);
    if (appended !== null) {
      entry.log.appendText(appended);
    } else {
      entry.log = this.parse(entry.document.uri, entry.document.getText());
    }
    return entry;
  }

  didClose(uri: string): void { this.open.delete(uri); }

  /** Settings changed: parse everything again with the new options. */
  reparseAll(): void {
    for (const entry of this.open.values()) entry.log = this.parse(entry.document.uri, entry.document.getText());
  }

  private parse(uri: string, text: string): LogFile {
    return LogFile.fromText(text, this.options(uri));
  }
}

/** The text added when every change inserts at the current end of the document, else null. */
function appendedText(doc: TextDocument, changes: TextDocumentContentChangeEvent[]): string | null {
  let { line, character } = doc.positionAt(doc.getText().length);
  const parts: string[] = [];
  for (const c of changes) {
    if (!('range' in c) || !c.range) return null;
    const { start, end } = c.range;
    if (start.line !== line || end.line !== line || start.character !== character || end.character !== character) return null;
    parts.push(c.text);
    const nl = c.text.lastIndexOf('\n');
    if (nl < 0) {
      character += c.text.length;
    } else {
      for (let i = c.text.indexOf('\n'); i >= 0; i = c.text.indexOf('\n', i + 1)) line++;
      character = c.text.length - nl - 1;
    }
  }
  return parts.join('');
}
