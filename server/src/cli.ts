#!/usr/bin/env node
// `cmlog`: the same core as the language server, without an editor.
import { UsageError } from './cli/args';
import { commands } from './cli/commands';
import { PARSE_USAGE } from './cli/common';

const usage = () => `usage: cmlog <command> [options] ...

commands:
${commands.map((c) => '  ' + c.synopsis).join('\n')}

options for every command that reads logs:
${PARSE_USAGE}

exit status: 0 no errors found, 1 errors found, 2 usage error or a path that could not be read`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help' || rest.includes('--help')) {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command '${name}'`);
  return command.run(rest, { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') });
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
      process.stderr.write(`cmlog: ${e.message}\n${usage()}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`cmlog: internal error: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 3;
    }
  },
);
