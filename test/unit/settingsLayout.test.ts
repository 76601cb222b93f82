// What the Settings UI and the Command Palette show of the extension: settings in titled sections
// in a set order (not ~20 settings in one alphabetical list), every choice described, and command
// titles that name no key (VS Code shows a command's keybinding beside it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
type Section = { title: string; order: number; properties: Record<string, { order?: number; enum?: unknown[]; enumDescriptions?: string[] }> };

test('settings: titled sections in a set order, each setting in one with its own order', () => {
  const sections = manifest.contributes.configuration as Section[];
  assert.ok(Array.isArray(sections) && sections.length > 1, 'sections, not one list');
  const titles = sections.map((s) => s.title);
  assert.equal(new Set(titles).size, titles.length, 'distinct titles');
  for (const want of ['Time Zones', 'Table', 'Rules and Problems']) assert.ok(titles.includes(want), want);
  assert.deepEqual(sections.map((s) => s.order), sections.map((_, i) => i + 1));
  const seen = new Set<string>();
  for (const s of sections) {
    const keys = Object.keys(s.properties);
    assert.ok(keys.length > 0, `${s.title} has settings`);
    assert.deepEqual(keys.map((k) => s.properties[k].order), keys.map((_, i) => i + 1), `${s.title}: each setting has its order`);
    for (const k of keys) {
      assert.ok(k.startsWith('cmlog.') && !seen.has(k), k);
      seen.add(k);
    }
  }
});

test('settings: every enum setting describes each of its values', () => {
  for (const s of manifest.contributes.configuration as Section[]) {
    for (const [key, p] of Object.entries(s.properties)) {
      if (!p.enum || key === 'cmlog.rules') continue; // the rules' levels are their own words
      assert.equal(p.enumDescriptions?.length, p.enum.length, `${key}: enumDescriptions`);
    }
  }
});

test('commands: no title names a key, and the record walks are titled alike in the editor and the table', () => {
  const commands = manifest.contributes.commands as { command: string; title: string }[];
  for (const c of commands) assert.doesNotMatch(c.title, /\((?:Ctrl|Cmd|Shift|Alt|F\d+)\b|\bF\d+\)/, c.command);
  const title = (id: string) => commands.find((c) => c.command === id)!.title;
  for (const [walk, editor, table] of [
    ['Next Error', 'cmlog.nextErrorRecord', 'cmlog.table.nextError'],
    ['Previous Error', 'cmlog.previousErrorRecord', 'cmlog.table.previousError'],
    ['Next Warning', 'cmlog.nextWarningRecord', 'cmlog.table.nextWarning'],
    ['Previous Warning', 'cmlog.previousWarningRecord', 'cmlog.table.previousWarning'],
  ]) {
    assert.equal(title(editor), `Go to ${walk} Record`);
    assert.equal(title(table), title(editor));
  }
});
