// Open documents and their parsed models. A change that only adds text at the end (a live log
// that VS Code reloads) is appended to the model; anything else re-parses the document when next needed.
import { countLineBreaks, lastLineStart } from '../parse/lineBreaks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidChangeTextDocumentParams, DidOpenTextDocumentParams, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { LogFile } from '../logFile';
import type { Encoding, ParseOptions } from '../model';

export interface OpenLog {
  document: TextDocument;
  /** The parsed model, parsed on first use after an edit that is not an append. */
  readonly log: LogFile;
}

/** An open document whose model is parsed lazily: keystrokes in a big log queue no whole parses. */
class OpenEntry implements OpenLog {
  private model: LogFile | null = null;
  /** Settles once the file's encoding is known (documentEncoding.ts, read when the document opened). */
  encodingKnown: Promise<void> = Promise.resolve();
  /** `encoding`: the file's; UTF-8 (the editor's text) until its read says otherwise. */
  constructor(public document: TextDocument, private encoding: Encoding, private readonly parse: (text: string, encoding: Encoding) => LogFile) {}
  get log(): LogFile { return (this.model ??= this.parse(this.document.getText(), this.encoding)); }
  /** The file's encoding, read after the model may have been parsed: only its label changes. */
  setEncoding(encoding: Encoding): void {
    this.encoding = encoding;
    if (this.model) this.model.encoding = encoding;
  }
  /** The text changed other than at the end: parse again when next asked. */
  invalidate(): void { this.model = null; }
  /** Text added at the end: the model (if parsed) takes it; else the next parse reads it anyway. */
  append(text: string): void { this.model?.appendText(text); }
}

export class LogDocuments {
  private readonly open = new Map<string, OpenEntry>();
  private readonly listeners: ((uri: string) => void)[] = [];
  /** Whole-document parses so far (the server's test hook reports it). */
  parses = 0;

  /** `encodingOf`: the encoding of the file of a document being opened (asked once per open, read off the thread). */
  constructor(private options: (uri: string) => ParseOptions, private readonly encodingOf: (uri: string) => Promise<Encoding> = async () => 'utf-8') {}

  get(uri: string): OpenLog | undefined { return this.open.get(uri); }
  /** Settles when the open document's file encoding has been read (at once if not open): what fileInfo reports waits for it. */
  encodingKnown(uri: string): Promise<void> { return this.open.get(uri)?.encodingKnown ?? Promise.resolve(); }
  /** Called with the URI of a document opened, edited, closed or to be parsed again (its model changed). */
  onDidChange(listener: (uri: string) => void): void { this.listeners.push(listener); }
  all(): IterableIterator<[string, OpenLog]> { return this.open.entries(); }

  didOpen(p: DidOpenTextDocumentParams): OpenLog {
    const document = TextDocument.create(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
    // UTF-8 until the file's first bytes say otherwise.
    const entry = new OpenEntry(document, 'utf-8', (text, e) => this.parse(document.uri, text, e));
    // Set only on the entry it was read for: a document closed (or reopened) meanwhile keeps its own.
    entry.encodingKnown = this.encodingOf(document.uri).then((e) => entry.setEncoding(e), () => undefined);
    this.open.set(document.uri, entry);
    this.fire(document.uri);
    return entry;
  }

  /**
   * Applies an edit. An append is added to the model; anything else drops the model, parsed again
   * on the next request or validation (which are debounced), not once per keystroke.
   */
  didChange(p: DidChangeTextDocumentParams): OpenLog | undefined {
    const entry = this.open.get(p.textDocument.uri);
    if (!entry) return undefined;
    const before = entry.document;
    const appended = appendedText(before, p.contentChanges);
    entry.document = TextDocument.update(before, p.contentChanges, p.textDocument.version);
    if (appended !== null) entry.append(appended);
    else entry.invalidate();
    this.fire(p.textDocument.uri);
    return entry;
  }

  didClose(uri: string): void {
    if (this.open.delete(uri)) this.fire(uri);
  }

  /** Settings changed: parse everything again (lazily) with the new options. */
  reparseAll(): void {
    for (const [uri, entry] of this.open) { entry.invalidate(); this.fire(uri); }
  }

  private fire(uri: string): void {
    for (const l of this.listeners) l(uri);
  }

  private parse(uri: string, text: string, encoding: Encoding): LogFile {
    this.parses++;
    return LogFile.fromText(text, this.options(uri), encoding);
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
    // An LF right after a CR joins it into one line break: not a plain append of lines.
    const before = parts.length > 0 ? parts[parts.length - 1] : doc.getText({ start: { line: Math.max(0, line - 1), character: 0 }, end: { line, character } });
    if (c.text.startsWith('\n') && before.endsWith('\r')) return null;
    parts.push(c.text);
    const breaks = countLineBreaks(c.text);
    if (breaks === 0) {
      character += c.text.length;
    } else {
      line += breaks;
      character = c.text.length - lastLineStart(c.text);
    }
  }
  return parts.join('');
}
