// What every `cmlog` command shares: output streams and the parse options flags.
import type { Writable } from 'node:stream';
import type { ParseOptions } from '../model';
import type { Parsed } from './args';
import { offsetMinutes, oneOf } from './args';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Where a command streams bulk output with backpressure (`export`); process.stdout when absent. */
  stream?: Writable;
}

export interface Command {
  name: string;
  /** Its usage line and what it does, for `cmlog --help` and its own help (cli/help.ts). */
  synopsis: string;
  /** Whether it reads logs (it takes PARSE_USAGE's options). */
  readsLogs: boolean;
  /**
   * What its exit statuses 0 to 2 mean to a script (3, an internal error, is every command's). A
   * path that could not be read is never 0.
   */
  exitStatus: string;
  run(argv: string[], io: Io): Promise<number>;
}

export const PARSE_FLAGS = ['default-offset', 'offset-convention'];

export const PARSE_USAGE = `  --default-offset MINUTES             offset for records that carry none (read with the convention below)
  --offset-convention bias|utc-offset  how written offsets are read: Windows bias, UTC = local + bias
                                       (ConfigMgr, the default), or .NET UTC offset (PSADT and some scripts)`;

export function parseOptions(args: Parsed): ParseOptions {
  return {
    defaultOffset: offsetMinutes(args.options.get('default-offset')),
    offsetConvention: oneOf(args.options.get('offset-convention'), ['bias', 'utc-offset'] as const, 'offset-convention', 'bias'),
  };
}
