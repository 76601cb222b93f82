// package.json declares what the table's code registers: the custom editor, every command with its
// keybinding in the table only, the settings the host reads; the merged text view is gone; the
// package ships the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Commands } from '../../server/src/protocol';
import { FORWARDED, TableCommands } from '../../client/src/table/commandIds';
import { MERGE_VIEW_TYPE, TABLE_VIEW_TYPE } from '../../client/src/table/viewTypes';
import { manifestSettings } from '../support/manifestSettings';

const ROOT = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const c = manifest.contributes;

test('the CMLog Table is an optional custom editor for logs', () => {
  assert.deepEqual(c.customEditors, [{
    viewType: TABLE_VIEW_TYPE, displayName: 'CMLog Table', priority: 'option',
    selector: [{ filenamePattern: '*.log' }, { filenamePattern: '*.lo_' }, { filenamePattern: '*.log_' }],
  }]);
});

test('a merge tab is restored after a window reload: its serializer\'s view type starts the extension', () => {
  assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${MERGE_VIEW_TYPE}`));
});

test('every table command is declared; the page\'s keys work only in a table', () => {
  const declared = new Set(c.commands.map((x: { command: string }) => x.command));
  for (const id of [...Object.values(TableCommands), ...Object.keys(FORWARDED), Commands.mergeLogs]) assert.ok(declared.has(id), id);
  const inTable = `activeCustomEditorId == '${TABLE_VIEW_TYPE}' || activeWebviewPanelId == '${MERGE_VIEW_TYPE}'`;
  const keys = new Map<string, string>();
  for (const id of Object.keys(FORWARDED)) {
    // The error walk has two (F8 and the text editor's Ctrl+F8: manifest.test.ts).
    const kb = c.keybindings.filter((k: { command: string }) => k.command === id);
    assert.ok(kb.length >= 1, `${id} has a keybinding`);
    for (const k of kb) {
      assert.equal(k.when, inTable, id);
      assert.ok(!keys.has(k.key), `${k.key} is bound once`);
      keys.set(k.key, id);
    }
  }
  assert.ok(!keys.has('ctrl+p'), 'Quick Open stays');
  const explorer = c.menus['explorer/context'].map((m: { command: string }) => m.command);
  assert.ok(explorer.includes(Commands.mergeLogs) && explorer.includes(TableCommands.openTable));
});

test('the table\'s settings exist with their defaults', () => {
  const p = manifestSettings(manifest);
  assert.equal(p['cmlog.table.openLargeLogs'].default, true);
  assert.match(p['cmlog.table.openLargeLogs'].markdownDescription, /workbench\.editorAssociations/);
  assert.equal(p['cmlog.table.utcColumn'].default, false);
  assert.equal(p['cmlog.table.follow'].default, true);
});

test('the merged text view is gone; the package ships the page', () => {
  assert.ok(!JSON.stringify(c).includes('cmlogmerged'));
  const ignore = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  for (const f of ['!dist/webview.js', '!dist/webview.css']) assert.ok(ignore.includes(f), f);
});
