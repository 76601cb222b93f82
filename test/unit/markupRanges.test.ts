// Where the markup is, for the client to dim: CMTrace's `<![LOG[` and `]LOG]!><...>` tail, the legacy
// `$$<...>` tail; only on the lines asked for; never the message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LogFile } from '../../server/src/logFile';
import { markupRanges } from '../../server/src/features/markupRanges';

const tail = '<time="10:20:12.123+000" date="03-04-2024" component="C" context="" type="2" thread="1" file="">';
function marked(text: string, from = 0, to = 1e6) {
  const doc = TextDocument.create('file:///x.log', 'cmlog', 1, text);
  const lines = text.split(/\r\n|\r|\n/);
  return markupRanges(doc, LogFile.fromText(text), from, to).map((r) => [r.line, lines[r.line].slice(r.start, r.end)]);
}

test('CMTrace: the opening marker and the tail, on the record\'s first and last lines', () => {
  const text = `<![LOG[one]LOG]!>${tail}\r\n<![LOG[two\r\nsecond line]LOG]!>${tail}\r\nplain text after`;
  assert.deepEqual(marked(text), [
    [0, '<![LOG['], [0, `]LOG]!>${tail}`],
    [1, '<![LOG['], [2, `]LOG]!>${tail}`],
  ]);
});

test('legacy: the $$< tail', () => {
  const text = 'Starting up  $$<SMS_Agent><03-04-2024 10:20:12.123+480><thread=4 (0x4)>\n';
  assert.deepEqual(marked(text), [[0, '$$<SMS_Agent><03-04-2024 10:20:12.123+480><thread=4 (0x4)>']]);
});

test('only the lines asked for; a record cut short has only its opening marker', () => {
  const text = [1, 2, 3, 4].map((k) => `<![LOG[m${k}]LOG]!>${tail}`).join('\n') + '\n<![LOG[cut short';
  assert.deepEqual(marked(text, 2, 2).map(([l]) => l), [2, 2]);
  assert.deepEqual(marked(text, 4, 4), [[4, '<![LOG[']]);
});
