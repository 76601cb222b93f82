// What the extension's manifest promises VS Code: when it starts, and how it is packaged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
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

// The outline groups records by component from its first record to its last, so sticky scroll on the
// outline (VS Code's default) pins a line of another component; records' folding ranges pin the
// first line of the record in view instead.
test('manifest: sticky scroll in a log follows the records\' folding ranges, not the outline', () => {
  assert.equal(manifest.contributes.configurationDefaults?.['[cmlog]']?.['editor.stickyScroll.defaultModel'], 'foldingProviderModel');
});

const WORKBENCH = path.resolve(__dirname, '..', '..', '.cache', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'vs', 'code', 'browser', 'workbench', 'workbench.js');
// Skipped in the unit run before the harness has installed code-server; `npm run test:e2e` runs it
// again after, where the files must be there.
test('manifest: the editor defaults it sets are settings the harness\'s VS Code knows', { skip: process.env.CMLOG_EDITOR_FILES_REQUIRED !== '1' && !existsSync(WORKBENCH) && 'no code-server in .cache' }, () => {
  const workbench = readFileSync(WORKBENCH, 'utf8');
  for (const [key, value] of Object.entries(manifest.contributes.configurationDefaults['[cmlog]'] as Record<string, unknown>)) {
    assert.ok(workbench.includes(`"${key}":{`), `${key} is a setting`);
    if (typeof value === 'string') assert.ok(workbench.includes(`"${value}"`), `${value} is one of ${key}'s values`);
  }
});

// The folding markers (language-configuration.json) open at a record's first line: VS Code's minimap
// reads folding-marker regions as section headers and labelled every multi-line record's first line.
test('manifest: the minimap shows no region section headers in a log (its folding markers are records, not regions)', () => {
  assert.equal(manifest.contributes.configurationDefaults?.['[cmlog]']?.['editor.minimap.showRegionSectionHeaders'], false);
});

// One scheme in the text editor and the table: Ctrl+F8 / Ctrl+Shift+F8 error records, Ctrl+F7 /
// Ctrl+Shift+F7 warning records (the table also takes F8 / Shift+F8: it has no problem walk).
test('manifest: a record walk key means the same in the text editor and the table', () => {
  const keys = manifest.contributes.keybindings as { command: string; key: string; mac?: string }[];
  const walks = {
    'next error': ['cmlog.nextErrorRecord', 'cmlog.table.nextError'],
    'previous error': ['cmlog.previousErrorRecord', 'cmlog.table.previousError'],
    'next warning': ['cmlog.nextWarningRecord', 'cmlog.table.nextWarning'],
    'previous warning': ['cmlog.previousWarningRecord', 'cmlog.table.previousWarning'],
  };
  const meaning = new Map<string, string>();
  for (const [walk, [editor, table]] of Object.entries(walks)) {
    const editorKeys = keys.filter((k) => k.command === editor);
    assert.ok(editorKeys.length > 0, `${editor} has a key`);
    for (const k of editorKeys) {
      const same = keys.find((t) => t.command === table && t.key === k.key);
      assert.ok(same, `${k.key} is ${walk} in the editor: in the table too`);
      assert.equal(same.mac, k.mac, `${walk}: the same key on macOS`);
    }
    for (const k of keys.filter((x) => x.command === editor || x.command === table)) {
      for (const key of k.mac ? [k.key, `mac:${k.mac}`] : [k.key]) {
        assert.ok(!meaning.has(key) || meaning.get(key) === walk, `${key} is both ${meaning.get(key)} and ${walk}`);
        meaning.set(key, walk);
      }
    }
  }
});

test('manifest: the README names the folder offset command as the palette shows it', () => {
  const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const cmd = manifest.contributes.commands.find((c: { command: string }) => c.command === 'cmlog.useFolderOffset');
  assert.ok(readme.includes(`| ${cmd.category}: ${cmd.title} |`), cmd.title);
});

type Command = { command: string; title: string; category: string };
const commands = manifest.contributes.commands as Command[];
const palette = manifest.contributes.menus.commandPalette as { command: string; when: string }[];
// VS Code's own commands are in title case: every word capitalised but these short ones (not first).
const MINOR = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'to', 'with']);

test('manifest: every command title is in title case, as VS Code\'s own', () => {
  for (const c of commands) {
    c.title.split(/\s+/).forEach((word, i) => {
      const w = word.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
      if (!w) return;
      if (i > 0 && MINOR.has(w.toLowerCase())) assert.equal(w, w.toLowerCase(), `${c.command}: "${c.title}" writes "${w}" in lower case`);
      else assert.match(w, /^[A-Z]/, `${c.command}: "${c.title}" capitalises "${w}"`);
    });
  }
});

test('manifest: the same action in the text editor and the table has the same name', () => {
  const title = (id: string) => commands.find((c) => c.command === id)!.title;
  for (const [editor, table] of [['cmlog.nextErrorRecord', 'cmlog.table.nextError'], ['cmlog.previousErrorRecord', 'cmlog.table.previousError'],
    ['cmlog.nextWarningRecord', 'cmlog.table.nextWarning'], ['cmlog.previousWarningRecord', 'cmlog.table.previousWarning']]) {
    assert.equal(title(table), title(editor), `${table} and ${editor}`);
  }
});

test('manifest: "Open in CMLog Table" is in the palette only where its editor title button is: a log in a text editor', () => {
  const when = palette.find((m) => m.command === 'cmlog.openTable')?.when;
  assert.ok(when, 'a when clause in the palette');
  const button = (manifest.contributes.menus['editor/title'] as { command: string; when: string }[]).find((m) => m.command === 'cmlog.openTable')!.when;
  assert.equal(when, button);
  // A table is a custom editor or a webview: the text file editor is not active then.
  assert.match(when, /activeEditor == workbench\.editors\.files\.textFileEditor/);
  assert.match(when, /editorLangId == cmlog/);
});

test('manifest: the README and the e2e harness name the commands as the palette shows them', () => {
  const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const e2e = readFileSync(path.resolve(__dirname, '..', 'e2e', 'ui.mjs'), 'utf8');
  const shown = new Set(commands.map((c) => `${c.category}: ${c.title}`));
  for (const [, name] of readme.matchAll(/^\| (CMLog(?: Table)?: [^|]+?) \|/gm)) {
    if (!name.includes(' / ')) assert.ok(shown.has(name), `README names "${name}"`);
  }
  for (const [, name] of e2e.matchAll(/runCommand\('(CMLog(?: Table)?: [^']+)'/g)) assert.ok(shown.has(name), `the e2e runs "${name}"`);
});
