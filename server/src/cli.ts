#!/usr/bin/env node
// `cmlog`: the same core as the language server, without an editor.
import { oneOf, offsetMinutes, parseArgs, UsageError } from './cli/args';
import { check } from './cli/check';
import type { RuleSettings } from './rules';
import { ruleById } from './rules';

const USAGE = `usage: cmlog <command> [options] PATH...

commands:
  check [--format text|json] PATH...   report known failures in the logs under PATH (files or folders)

options:
  --default-offset MINUTES             offset for records that carry none (read with the convention below)
  --offset-convention bias|utc-offset  how written offsets are read: Windows bias, UTC = local + bias
                                       (ConfigMgr, the default), or .NET UTC offset (PSADT and some scripts)
  --rule ID=off|error|warning|information|hint   turn a rule off or change its severity (repeatable)

exit status: 0 no errors found, 1 errors found, 2 usage error or a path that could not be read`;

const SEVERITIES = ['off', 'error', 'warning', 'information', 'hint'] as const;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command !== 'check') throw new UsageError(`unknown command '${command}'`);
  const args = parseArgs(rest, ['format', 'default-offset', 'offset-convention', 'rule'], ['help']);
  if (args.options.has('help')) { process.stdout.write(USAGE + '\n'); return 0; }
  if (args.positional.length === 0) throw new UsageError('no PATH given');
  const parse = {
    defaultOffset: offsetMinutes(args.options.get('default-offset')),
    offsetConvention: oneOf(args.options.get('offset-convention'), ['bias', 'utc-offset'] as const, 'offset-convention', 'bias'),
  };
  const format = oneOf(args.options.get('format'), ['text', 'json'] as const, 'format', 'text');
  const rules = ruleSettings(args.options.get('rule'));
  const io = { out: (s: string) => process.stdout.write(s + '\n'), err: (s: string) => process.stderr.write(s + '\n') };
  return check(args.positional, { format, parse, rules }, io);
}

function ruleSettings(value: string | true | undefined): RuleSettings {
  const settings: RuleSettings = {};
  if (value === undefined || value === true) return settings;
  for (const item of value.split(',')) {
    const [id, level] = item.split('=');
    if (!ruleById(id)) throw new UsageError(`unknown rule '${id}'`);
    if (!(SEVERITIES as readonly string[]).includes(level)) throw new UsageError(`--rule ${id}= must be one of ${SEVERITIES.join(', ')}`);
    settings[id] = level as RuleSettings[string];
  }
  return settings;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`cmlog: ${e.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`cmlog: internal error: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 3;
    }
  },
);
