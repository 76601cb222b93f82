// What every `cmlog` command shares: output streams and the parse options flags.
import type { Writable } from 'node:stream';
import type { ParseOptions } from '../model';
import type { Parsed } from './args';
import { oneOf } from './args';
import { parseDefaultOffsets, type DefaultOffsets } from './defaultOffsets';

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

export const PARSE_USAGE = `  --default-offset [FOLDER=]MINUTES    offset for records that carry none (read with the convention below);
                                       repeatable: FOLDER=MINUTES for the logs under FOLDER (or archive),
                                       the most specific folder wins, a bare value for the others
  --offset-convention bias|utc-offset  how written offsets are read: Windows bias, UTC = local + bias
                                       (ConfigMgr, the default), or .NET UTC offset (scripts that write
                                       one and do not say who they are; PSADT v3 is recognised without
                                       it); it applies to every log read, ConfigMgr's own included`;

/** ParseOptions and the per-folder `--default-offset` entries readSource applies (load.ts). */
export interface CliParseOptions extends ParseOptions {
  offsets?: DefaultOffsets;
}

export function parseOptions(args: Parsed): CliParseOptions {
  const offsetConvention = oneOf(args.options.get('offset-convention'), ['bias', 'utc-offset'] as const, 'offset-convention', 'bias');
  const given = args.lists.get('default-offset') ?? [];
  if (args.options.get('default-offset') === true) given.push('');
  const offsets = parseDefaultOffsets(given, offsetConvention);
  return { defaultOffset: offsets.all?.minutes ?? null, offsetConvention, ...(offsets.folders.length ? { offsets } : {}) };
}
