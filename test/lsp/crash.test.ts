// An exception nobody catches ends the server with a logged reason and a non-zero code, so that
// the client's restart policy starts a fresh one instead of talking to a broken server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { TestClient } from '../support/lspClient';

const HOOK = path.resolve(__dirname, '../support/crashOnSignal.cjs');

test('an uncaught exception is logged and the server exits non-zero', { skip: process.platform === 'win32' && 'no SIGUSR2 on Windows' }, async () => {
  const client = await TestClient.start({}, { execArgv: ['--require', HOOK] });
  try {
    client.proc.kill('SIGUSR2');
    const code = await client.exitCode();
    assert.notEqual(code, 0);
    assert.notEqual(code, null, 'exited by itself, not killed by the signal');
    // The message was written before the exit; the connection may hand it on a turn after the pipe closes.
    await client.until(() => client.logs.some((l) => l.includes('injected crash for tests') && /exits/.test(l)), 'the crash logged in the server output', 5_000);
  } finally {
    client.proc.kill();
  }
});
