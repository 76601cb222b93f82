// Open documents: the editor's text replaces the indexed file while open (the workspace's
// timeline follows by itself); each change validates the logs that read the document.
import type { ServerContext } from './context';

export function registerDocumentSync(server: ServerContext): void {
  const { connection, documents, validator } = server;
  connection.onDidOpenTextDocument((p) => {
    documents.didOpen(p);
    validator.scheduleDependents([p.textDocument.uri]);
  });
  connection.onDidChangeTextDocument((p) => {
    if (!documents.didChange(p)) return;
    validator.scheduleDependents([p.textDocument.uri]);
  });
  connection.onDidCloseTextDocument((p) => {
    const uri = p.textDocument.uri;
    documents.didClose(uri);
    if (validator.covers(uri)) validator.scheduleDependents([uri]);
    else validator.clear(uri);
  });
}
