// The codes a finding offers to look up (the table's buttons and the editor's code actions): codes
// written as error codes, not a script's `exit code [N]`, whatever the log (the hover keeps those).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codesOf, findingCodes } from '../../server/src/explain/findingCodes';
import { findErrorCodes } from '../../server/src/knowledge/errorCodes';
import { LogFile } from '../../server/src/logFile';
import { runRules, type LogInput } from '../../server/src/rules';

test('a script\'s `exit code [N]` is no lookup code, in an MSI, CMTrace or PSADT line; the hover still finds it', () => {
  const lines = [
    'MSI (s) (A4:B8) [10:00:01:000]: Custom action returned exit code [5].',
    'Execution failed with exit code [60001].',
    'install completed with exit code [1603].',
  ];
  for (const text of lines) {
    assert.deepEqual(codesOf([text]), [], text);
    assert.equal(findErrorCodes(text).filter((c) => c.exitCode).length, 1, `the hover's reading of ${text}`);
  }
  // Codes written as codes in the same text are offered, in order.
  assert.deepEqual(codesOf(['exit code [5] after error 0x80070005; Win32 Error = 2']), [0x80070005, 2]);
  assert.deepEqual(findingCodes('exit code [5]', [0x643]), [0x643]);
});

test('psadt-failed offers the hex form it writes beside an installer\'s code, and nothing for a toolkit code', () => {
  const v4 = (s: number, text: string) => `[2026-07-29 09:00:0${s}.100] [Install] [Close-ADTSession] [Error] :: ${text}\r\n`;
  const text = v4(0, 'install completed with exit code [1603].') + v4(1, 'install completed with exit code [60008].');
  const input: LogInput = { key: 'k', name: 'Contoso_App_1.0_Install.log', log: LogFile.fromText(text) };
  const fs = runRules(input, { logs: [input] }).findings.filter((f) => f.ruleId === 'psadt-failed');
  assert.deepEqual(fs.map((f) => codesOf([f.message])), [[0x643], []]);
});
