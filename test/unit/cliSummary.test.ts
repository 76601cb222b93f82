// check's summary line: said when something was read, in correct English, and not when nothing
// could be read (then the errors are the whole answer, exit status 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { report, type CheckInput } from '../../server/src/cli/check';

async function run(input: Omit<CheckInput, 'results'>): Promise<{ out: string[]; err: string[]; code: number }> {
  const out: string[] = [], err: string[] = [];
  const results = (async function* () {})();
  const code = await report({ ...input, results }, { format: 'text' }, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { out, err, code };
}

test('no path could be read: only the error, exit status 2, no "0 files" summary', async () => {
  const r = await run({ problems: [{ path: 'samples/nope', reason: 'no such file or folder' }], notLogs: 0, notes: [] });
  assert.deepEqual(r.err, ['cmlog: samples/nope: no such file or folder']);
  assert.deepEqual(r.out, []);
  assert.equal(r.code, 2);
});

test('one file that is not a log: singular', async () => {
  const r = await run({ problems: [], notLogs: 1, notes: [] });
  assert.deepEqual(r.out, ['0 files, 0 entries (0 error records), 0 unparsed spans; problems found: 0 errors, 0 warnings, 0 information (1 file that is not a log was skipped)']);
  assert.equal(r.code, 0);
});

test('several files that are not logs: plural; a failed path beside them keeps the summary', async () => {
  const r = await run({ problems: [{ path: 'x', reason: 'no such file or folder' }], notLogs: 2, notes: [] });
  assert.deepEqual(r.out, ['0 files, 0 entries (0 error records), 0 unparsed spans; problems found: 0 errors, 0 warnings, 0 information (2 files that are not logs were skipped)']);
  assert.equal(r.code, 2);
});

test('an empty folder (nothing failed) still says what was checked', async () => {
  const r = await run({ problems: [], notLogs: 0, notes: [] });
  assert.deepEqual(r.out, ['0 files, 0 entries (0 error records), 0 unparsed spans; problems found: 0 errors, 0 warnings, 0 information']);
});
