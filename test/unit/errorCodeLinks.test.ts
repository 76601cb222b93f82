// Codes in log text link to "CMLog: Look Up Error Code" from the hover; the link carries the parsed
// number only. The command has CMTrace's keybinding (Ctrl+L), in the table only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { hoverMarkdown } from '../../server/src/explain';
import { hover } from '../../server/src/features/hover';
import { LogFile } from '../../server/src/logFile';
import { Commands } from '../../server/src/protocol';
import { rules, type LogInput } from '../../server/src/rules';

const input = (text: string): LogInput => ({ key: 'AppEnforce.log', name: 'AppEnforce.log', log: LogFile.fromBytes(Buffer.from(text)) });
const cm = (message: string) => `<![LOG[${message}]LOG]!><time="10:00:00.000+000" date="01-02-2026" component="AppEnforce" context="" type="3" thread="1" file="x.cpp:1">\r\n`;
const at = (i: LogInput, needle: string) => i.log.text().indexOf(needle) + 2;
const LINK = /\[Look up (0x[0-9A-F]{8})\]\(command:cmlog\.lookupErrorCode\?([^ )]*) "CMLog: Look Up Error Code"\)/g;

test('hover on a code links to the lookup with the parsed value as the only argument', () => {
  const i = input(cm('Failed with error 0x87d00324; error code -2016410844'));
  const md = hover(i, at(i, '0x87d00324'), { logs: [i] }, [], rules)!.contents as { value: string };
  const links = [...md.value.matchAll(LINK)];
  assert.equal(links.length, 1, md.value);
  assert.equal(links[0]![1], '0x87D00324');
  assert.deepEqual(JSON.parse(decodeURIComponent(links[0]![2]!)), ['0x87D00324']);
  // The signed decimal form is the same value: the same link.
  const d = hover(i, at(i, '-2016410844'), { logs: [i] }, [], rules)!.contents as { value: string };
  assert.deepEqual([...d.value.matchAll(LINK)].map((m) => m[2]), [links[0]![2]]);
});

test('the link is built from the number, never from the log text around it', () => {
  // Short hex after a context word is written `0x5` in the log; the link carries the normalised 0x00000005.
  const i = input(cm('hr=0x5 [x](command:workbench.action.terminal.new?%5B%5D) "quoted"'));
  const md = hoverMarkdown(i, { logs: [i] }, at(i, '0x5'), [], undefined, Commands.lookupErrorCode)!;
  const links = [...md.matchAll(LINK)];
  assert.equal(links.length, 1);
  assert.deepEqual(JSON.parse(decodeURIComponent(links[0]![2]!)), ['0x00000005']);
  assert.doesNotMatch(md, /\]\(command:workbench/);
  // Without a command to link to (the command line, tests), the hover has no link.
  assert.doesNotMatch(hoverMarkdown(i, { logs: [i] }, at(i, '0x5'), [])!, /command:/);
});

// CMTrace's Error Lookup is Ctrl+L, so the table (custom editor, merged view) keeps it; in a text
// editor Ctrl+L is VS Code's Expand Line Selection, which a log's reader uses too.
test('manifest: Ctrl+L looks up an error code in the table only (the text editor keeps Expand Line Selection)', () => {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
  const bindings = (manifest.contributes.keybindings ?? []) as { command: string; key: string; mac?: string; when?: string }[];
  const lookup = bindings.filter((b) => b.command === Commands.lookupErrorCode);
  assert.equal(lookup.length, 1);
  assert.equal(lookup[0]!.key, 'ctrl+l');
  assert.equal(lookup[0]!.mac, 'cmd+l');
  const table = bindings.find((b) => b.command === 'cmlog.table.nextError')!.when;
  assert.equal(lookup[0]!.when, table, 'the same focus as the table\'s own keys');
  assert.doesNotMatch(lookup[0]!.when ?? '', /editorTextFocus|editorLangId|editorFocus/);
});

test('client: hover Markdown may run the lookup command and no other', () => {
  const src = readFileSync(path.resolve(__dirname, '..', '..', 'client/src/extension.ts'), 'utf8');
  assert.match(src, /markdown: \{ isTrusted: \{ enabledCommands: \[Commands\.lookupErrorCode\] \} \}/);
  assert.doesNotMatch(src, /isTrusted: true/);
});
