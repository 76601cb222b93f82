// The README's command-line section keeps up with `cmlog --help`: its synopsis block has every
// command with every option --help lists for it, and no option --help does not; its table of
// format ids has every format the parser ships.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { commands } from '../../server/src/cli/commands';
import { FORMAT_IDS } from '../../server/src/parse/formats';

const README = readFileSync(path.join(__dirname, '../..', 'README.md'), 'utf8');
const section = (heading: string) => {
  const start = README.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has no ${heading}`);
  return README.slice(start, README.indexOf('\n## ', start + 1));
};

/** Each command's lines of the synopsis block: `node dist/cli.js NAME ...` and the indented lines after it. */
function synopsisLines(): Map<string, string> {
  const block = /```\n([^`]*)```/.exec(section('## The command line'))![1]!;
  const byCommand = new Map<string, string>();
  let current = '';
  for (const line of block.split('\n')) {
    const m = /^node dist\/cli\.js (\w+)/.exec(line);
    if (m) byCommand.set(current = m[1]!, line);
    else if (current && /^\s/.test(line)) byCommand.set(current, byCommand.get(current) + ' ' + line);
  }
  return byCommand;
}

const options = (text: string) => new Set(text.match(/--[a-z][a-z-]*/g) ?? []);

test('the README synopsis names every command with the options --help lists for it, and no others', () => {
  const readme = synopsisLines();
  assert.deepEqual([...readme.keys()].sort(), commands.map((c) => c.name).sort());
  for (const c of commands) {
    // The first lines of a command's synopsis, up to its description (indented six spaces).
    const usage = c.synopsis.split('\n').filter((l) => !/^ {6}\S/.test(l)).join(' ');
    const line = readme.get(c.name)!;
    assert.deepEqual([...options(line)].sort(), [...options(usage)].sort(), `README synopsis of ${c.name}: ${line}\n--help: ${usage}`);
  }
});

test('the README lists every format id in one table', () => {
  const table = section('### Format ids');
  for (const id of [...FORMAT_IDS, 'mixed']) assert.match(table, new RegExp(`^\\| \`${id}\` \\|`, 'm'), `format ${id}`);
});
