// What `cmlog --help`, `cmlog help COMMAND` (= `cmlog COMMAND --help`) and `cmlog --version` print.
// Each command's text lives on its Command (synopsis, exitStatus); this only lays them out.
import { version } from '../../../package.json';
import { commands } from './commands';
import { PARSE_USAGE, type Command } from './common';

const INTERNAL = '3 internal error (a bug in cmlog: please report it with the message)';
const SHARED = 'options for every command that reads logs:';

export const versionText = () => `cmlog ${version}`;

/** The whole usage: every command, the shared options, each command's exit statuses. */
export function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const indent = ' '.repeat(2 + width);
  return `usage: cmlog <command> [options] ...
       cmlog help <command>   (or cmlog <command> --help) that command's options and exit status
       cmlog --version

commands:
${commands.map((c) => '  ' + c.synopsis).join('\n')}

${SHARED}
${PARSE_USAGE}

exit status:
${commands.map((c) => '  ' + c.name.padEnd(width) + c.exitStatus.replace(/\n/g, '\n' + indent)).join('\n')}
  ${'any'.padEnd(width)}${INTERNAL}`;
}

/** One command's usage, the shared options it takes, its exit statuses. */
export function commandHelp(c: Command): string {
  return `usage: cmlog ${c.synopsis}
${c.readsLogs ? `\n${SHARED}\n${PARSE_USAGE}\n` : ''}
exit status: ${c.exitStatus.replace(/\n/g, '\n             ')},
             ${INTERNAL}`;
}

export const commandNamed = (name: string): Command | undefined => commands.find((c) => c.name === name);
