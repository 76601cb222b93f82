// A file in any registered format (CMTrace, legacy, CBS, MSI, ...) opens as "ConfigMgr Log"
// whatever its name; any other `.log` keeps VS Code's Log language. Decided from content (the first records, by the formats'
// recognisers alone: the scanner stays out of the extension's bundle), re-checked when a file
// that was empty gets content. `cmlog.detection.enabled` turns it off, and a language the user
// picks by hand is never overridden. Plain-text documents are checked too, but they do not start
// the extension (package.json activationEvents): a `.txt` log is recognised once it runs.
import * as vscode from 'vscode';
import { recognisedFormats } from '../../server/src/parse/formats';
import { LANGUAGE_ID } from '../../server/src/protocol';

const CANDIDATES = new Set(['log', 'plaintext']);
const SAMPLE_LINES = 2000;
const SAMPLE_CHARS = 64 * 1024;

export function registerLanguageDetection(context: vscode.ExtensionContext): void {
  const switched = new Set<string>(); // documents we moved to cmlog
  const pickedByHand = new Set<string>(); // ... that the user moved back
  const waitingForContent = new Set<string>();
  const closing = new Set<string>();

  const check = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    if (!CANDIDATES.has(doc.languageId) || pickedByHand.has(key)) return;
    if (!vscode.workspace.getConfiguration('cmlog', doc.uri).get<boolean>('detection.enabled', true)) return;
    if (doc.getText().trim().length === 0) {
      waitingForContent.add(key);
      return;
    }
    waitingForContent.delete(key);
    const sample = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, SAMPLE_LINES), 0)).slice(0, SAMPLE_CHARS);
    if (recognisedFormats(sample).length === 0) return;
    switched.add(key);
    void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      const key = doc.uri.toString();
      // A language change shows as close + open of the same document in one go.
      if (closing.delete(key) && switched.has(key) && doc.languageId !== LANGUAGE_ID) pickedByHand.add(key);
      check(doc);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      closing.add(key);
      waitingForContent.delete(key);
      setImmediate(() => {
        // Still closed after this turn: a real close, forget the document.
        if (closing.delete(key)) {
          switched.delete(key);
          pickedByHand.delete(key);
        }
      });
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (waitingForContent.has(e.document.uri.toString())) check(e.document);
    }),
  );
  vscode.workspace.textDocuments.forEach(check);
}
