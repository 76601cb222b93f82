// Open documents: the editor's text replaces the indexed file while open (the workspace's
// timeline follows by itself); each change validates the logs that read the document.
import type { ServerContext } from './context';
import { isMerged } from './mergedViews';

export function registerDocumentSync(server: ServerContext): void {
  const { connection, documents, validator, merged } = server;
  connection.onDidOpenTextDocument((p) => {
    documents.didOpen(p);
    if (isMerged(p.textDocument.uri)) return merged.publish(p.textDocument.uri);
    validator.scheduleDependents([p.textDocument.uri]);
  });
  connection.onDidChangeTextDocument((p) => {
    if (!documents.didChange(p) || isMerged(p.textDocument.uri)) return;
    validator.scheduleDependents([p.textDocument.uri]);
  });
  connection.onDidCloseTextDocument((p) => {
    const uri = p.textDocument.uri;
    documents.didClose(uri);
    if (isMerged(uri)) { merged.delete(uri); return validator.clear(uri); }
    if (validator.covers(uri)) validator.scheduleDependents([uri]);
    else validator.clear(uri);
  });
}
