// The table opens a log as text through vscode.openWith with the default editor (at the row's line,
// not as a preview): showTextDocument would first open the document for extensions, which VS Code
// refuses over 50 MB, the logs the table is for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textEditorOpen } from '../../client/src/table/textEditorOpen';

test('a row\'s log opens with vscode.openWith in the default editor, at its line, not as a preview', () => {
  const uri = { path: '/w/CAS.log' };
  const range = { start: { line: 41, character: 0 }, end: { line: 41, character: 0 } };
  const [command, target, editor, options] = textEditorOpen(uri, range);
  assert.equal(command, 'vscode.openWith');
  assert.equal(target, uri);
  assert.equal(editor, 'default');
  assert.deepEqual(options, { selection: range, preview: false });
});

test('a log with no row selected opens the same way, at its top', () => {
  assert.deepEqual(textEditorOpen('file:///w/CAS.log'), ['vscode.openWith', 'file:///w/CAS.log', 'default', { preview: false }]);
});
