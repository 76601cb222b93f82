// The shipped language server's entry point (dist/server.js): a connection over the transport
// the client chose (stdio, IPC, ...) and the server on it, with the default runtime.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

startServer(createConnection(ProposedFeatures.all));
