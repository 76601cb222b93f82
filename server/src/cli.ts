#!/usr/bin/env node
// `cmlog`: the same core as the language server, without an editor.
import { UsageError } from './cli/args';
import { commands } from './cli/commands';
import { PARSE_USAGE } from './cli/common';
import { printable, printableLines } from './cli/escape';

const usage = () => `usage: cmlog <command> [options] ...

commands:
${commands.map((c) => '  ' + c.synopsis).join('\n')}

options for every command that reads logs:
${PARSE_USAGE}

exit status: 0 no errors found, 1 errors found, 2 usage error or a path that could not be read,
             3 internal error (a bug in cmlog: please report it with the message)`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help' || rest.includes('--help')) {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command '${printable(name)}'`);
  // Every field is made printable where it is printed; this is the last guard for any that is not.
  return command.run(rest, { out: (s) => process.stdout.write(printableLines(s) + '\n'), err: (s) => process.stderr.write(printableLines(s) + '\n') });
}

// `cmlog timeline ... | head`: a reader that stops early is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`cmlog: ${printable(e.message)}\n${usage()}\n`);
      process.exitCode = 2;
    } else {
      // The message may quote a file name or log text; the stack frames are the program's own.
      const stack = String((e as Error)?.stack ?? '');
      const frames = stack.indexOf('\n    at ');
      process.stderr.write(`cmlog: internal error: ${printable(String((e as Error)?.message ?? e))}${frames < 0 ? '' : printableLines(stack.slice(frames))}\n`);
      process.exitCode = 3;
    }
  },
);
