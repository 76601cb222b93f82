// A rule file that cannot be read, in `cmlog check` and `cmlog export` alike: said once on stderr
// in the same words, exit status 2, the logs still gone through with the rules that could be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { checkCommand } from '../../server/src/cli/check';
import { exportCommand } from '../../server/src/cli/export';

const rec = (msg: string, type: number) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="${type}" thread="1" file="">\r\n`;

/** A folder with a log and a `.cmlog/rules.json` of `rules`. */
function workspace(rules: string, log = rec('fine', 1)): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-rulefile-'));
  mkdirSync(path.join(dir, '.cmlog'));
  writeFileSync(path.join(dir, '.cmlog', 'rules.json'), rules);
  writeFileSync(path.join(dir, 'AppEnforce.log'), log);
  return dir;
}
const BAD = '{ "rules": [ { "id": "x", "pattern": "(", "severity": "error", "message": "m" } ] }';
const BAD_SAID = /^cmlog: .*rules\.json: rule 1 \("x"\): "pattern" is not a valid regular expression/;

async function run(command: typeof checkCommand, args: string[]) {
  const out: string[] = [], err: string[] = [], streamed: string[] = [];
  const stream = new Writable({ write(c, _e, done) { streamed.push(String(c)); done(); } });
  const code = await command.run(args, { out: (s) => out.push(s), err: (s) => err.push(s), stream });
  return { code, out: out.join('\n') + streamed.join(''), err };
}

/** check in this process (no worker threads). */
const argsOf = (command: typeof checkCommand, dir: string) => (command === checkCommand ? ['--jobs', '1', dir] : [dir]);
const exitRule = '{ "rules": [ { "id": "exit", "logs": "appenforce.log", "pattern": "Unmatched exit code", "severity": "error", "message": "Install failed" } ] }';

for (const command of [checkCommand, exportCommand]) {
  test(`${command.name}: a broken rule file is said on stderr, exit status 2, the log still gone through`, async () => {
    const r = await run(command, argsOf(command, workspace(BAD)));
    assert.equal(r.code, 2, r.err.join('\n'));
    assert.equal(r.err.length, 1, r.err.join('\n'));
    assert.match(r.err[0], BAD_SAID);
    assert.match(r.out, command === checkCommand ? /1 file, 1 entry \(/ : /"body":"fine"/);
  });
}

test('a readable rule file leaves the exit status to what was found: check 1 for an error found, export 0', async () => {
  const dir = workspace(exitRule, rec('Unmatched exit code (1603) is considered an execution failure.', 1));
  const checked = await run(checkCommand, argsOf(checkCommand, dir));
  assert.deepEqual(checked.err, []);
  assert.match(checked.out, /user:exit: Install failed/);
  assert.equal(checked.code, 1);
  const exported = await run(exportCommand, argsOf(exportCommand, dir));
  assert.deepEqual(exported.err, []);
  assert.match(exported.out, /"cmlog.rule":"user:exit"/);
  assert.equal(exported.code, 0);
});
