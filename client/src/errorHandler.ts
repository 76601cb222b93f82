// If the language server dies, restart it and say so once: no storm of pop-ups when a log keeps
// crashing it, and no silent loop either (after five deaths in three minutes it stays down).
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';

const WINDOW_MS = 3 * 60_000;
const MAX_RESTARTS = 5;

export function quietRestarts(output: vscode.OutputChannel): ErrorHandler {
  const deaths: number[] = [];
  let told = false;
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const now = Date.now();
      deaths.push(now);
      while (deaths.length && now - deaths[0] > WINDOW_MS) deaths.shift();
      if (deaths.length > MAX_RESTARTS) {
        output.appendLine('The CMLog Lens server stopped five times in three minutes; it stays stopped. Reload the window to try again.');
        return { action: CloseAction.DoNotRestart, message: 'The CMLog Lens language server keeps stopping; see the "CMLog Lens" output for details.' };
      }
      output.appendLine(`The CMLog Lens server stopped; restarting it (${new Date(now).toISOString()}).`);
      if (!told) {
        told = true;
        void vscode.window.showWarningMessage('The CMLog Lens language server stopped and was restarted.');
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
