// What the extension's manifest promises VS Code: when it starts, and how it is packaged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));

test('manifest: starts for logs and its commands, not for every plain-text file', () => {
  const events: string[] = manifest.activationEvents;
  assert.ok(!events.includes('onLanguage:plaintext'), 'a plain-text file must not start the server and its sweep');
  assert.ok(!events.includes('*') && !events.includes('onStartupFinished'));
  for (const e of ['onLanguage:cmlog', 'onLanguage:log']) assert.ok(events.includes(e), e);
  // Commands activate implicitly from VS Code 1.74 on: the engine must allow no older VS Code.
  assert.match(manifest.engines.vscode, /^\^1\.(7[4-9]|[89]\d)\./);
});

test('manifest: vscode:prepublish builds the production bundle, and packaging relies on it', () => {
  assert.match(manifest.scripts['vscode:prepublish'], /^npm run build -- --production$/);
  assert.ok(!/esbuild|npm run build/.test(manifest.scripts.package), 'vsce runs vscode:prepublish itself: no second build');
});
