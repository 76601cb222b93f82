// The extension is installed and tells CMTrace / legacy-format logs from plain text logs, whatever their names.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, currentDocument, expectLanguage, openFixture, pollUntil } from './helpers';

suite('CMLog Lens: extension and language detection', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test(`extension ${EXTENSION_ID} is present and activates`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found; have: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  for (const [what, file] of [
    ['a CMTrace-format .log', 'Client/ccmsetup.log'],
    ['a legacy SMS-format .log', 'SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log'],
    ['a rotated log (.lo_)', 'SiteServer/CloudUserSync.lo_'],
    ['a CMTrace-format log named .txt', 'exported/HealthScripts.txt'],
  ]) {
    test(`${what} gets languageId cmlog`, async () => {
      await expectLanguage(await openFixture(file), 'cmlog');
    });
  }

  test('a plain-text .log keeps languageId log', async () => {
    const plain = await openFixture('plain/notes.log');
    // Barrier instead of a sleep: a CMTrace .log opened *after* the plain one gets detected, so the extension
    // has certainly looked at the plain one by then.
    const barrier = await openFixture('Client/ClientIDManagerStartup.log');
    await pollUntil(() => currentDocument(barrier)?.languageId, (id) => id === 'cmlog', 15_000);
    assert.equal(currentDocument(plain)?.languageId, 'log');
  });
});
