#!/usr/bin/env node
// `cmlog`: the same core as the language server, without an editor.
import { UsageError } from './cli/args';
import type { Command } from './cli/common';
import { printable, printableLines } from './cli/escape';
import { commandHelp, commandNamed, usage, versionText } from './cli/help';

/** Whether argv asks for help; what follows `--` is a path (even one named --help). */
const asksHelp = (argv: string[]) => {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write(versionText() + '\n');
    return 0;
  }
  const wanted = name === 'help' ? rest[0] : name;
  const command = commandNamed(wanted);
  if (!command) throw new UsageError(`unknown command '${printable(wanted)}'`);
  if (name === 'help' || asksHelp(rest)) {
    process.stdout.write(commandHelp(command) + '\n');
    return 0;
  }
  try {
    // Every field is made printable where it is printed; this is the last guard for any that is not.
    return await command.run(rest, { out: (s) => process.stdout.write(printableLines(s) + '\n'), err: (s) => process.stderr.write(printableLines(s) + '\n') });
  } catch (e) {
    // A command's usage error: its own help, not every command's.
    if (e instanceof UsageError) return usageError(e, command);
    throw e;
  }
}

function usageError(e: UsageError, command?: Command): number {
  process.stderr.write(`cmlog: ${printable(e.message)}\n${command ? commandHelp(command) : usage()}\n`);
  return 2;
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
      process.exitCode = usageError(e);
    } else {
      // The message may quote a file name or log text; the stack frames are the program's own.
      const stack = String((e as Error)?.stack ?? '');
      const frames = stack.indexOf('\n    at ');
      process.stderr.write(`cmlog: internal error: ${printable(String((e as Error)?.message ?? e))}${frames < 0 ? '' : printableLines(stack.slice(frames))}\n`);
      process.exitCode = 3;
    }
  },
);
