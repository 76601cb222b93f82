// An exception nobody caught may have left the server half-updated (an index, a timeline, a
// pending validation): carrying on would answer from broken state for the rest of the session.
// Say why in the output and exit non-zero, so that the client's restart policy starts a fresh
// server (client/src/errorHandler.ts).
import { LogMessageNotification, MessageType, type Connection } from 'vscode-languageserver';

/** How long the log message may take to be written before the process exits anyway. */
const FLUSH_MS = 2_000;

export function exitOnCrash(connection: Connection): void {
  let exiting = false;
  process.on('uncaughtException', (e) => {
    if (exiting) return; // a second failure while the first is reported: the exit is under way
    exiting = true;
    const exit = () => process.exit(1);
    setTimeout(exit, FLUSH_MS); // a broken connection must not keep the process alive
    const message = `The CMLog Lens server failed and exits (the client restarts it): ${(e as Error)?.stack ?? e}`;
    connection.sendNotification(LogMessageNotification.type, { type: MessageType.Error, message }).then(exit, exit);
  });
}
