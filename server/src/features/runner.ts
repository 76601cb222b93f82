// Every request goes through here: cancellation honoured, a failure logged once and answered with
// a fallback, never a crash of the server.
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export type Logger = (message: string) => void;

const reported = new Set<string>();

export async function runSafe<T>(log: Logger, name: string, token: CancellationToken | undefined, fallback: T, fn: () => T | Promise<T>): Promise<T | ResponseError<void>> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await fn();
    return token?.isCancellationRequested ? cancelled() : result;
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    const key = `${name}: ${message}`;
    if (!reported.has(key)) {
      reported.add(key);
      log(`${name} failed: ${(e as Error)?.stack ?? message}`);
    }
    return fallback;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
