// `cmlog lookup CODE`: what an error code is (forms, facility, Win32 code, name and meaning with its
// source), the same facts as the editor's hover and "CMLog: Look up error code".
import { errorCodeFacts, errorCodeText } from '../explain/errorCode';
import { parseErrorCode } from '../knowledge/errorCodes';
import { oneOf, parseArgs, UsageError } from './args';
import type { Command } from './common';
import { jsonText } from './escape';

export const lookupCommand: Command = {
  name: 'lookup',
  synopsis: `lookup [--format text|json] CODE
      explain an error code: 0x80070005, -2147024891, 2147942405 or a Win32 code such as 5`,
  async run(argv, io) {
    // Only `--name` is an option, so a negative decimal (`cmlog lookup -2147024891`) is the CODE.
    const args = parseArgs(argv, ['format'], []);
    const positional = args.positional;
    const format = oneOf(args.options.get('format'), ['text', 'json'] as const, 'format', 'text');
    if (positional.length !== 1) throw new UsageError('lookup: give exactly one CODE');
    const text = positional[0]!;
    const value = parseErrorCode(text);
    if (value === undefined) {
      throw new UsageError(`lookup: '${text}' is not an error code (use 0x + up to 8 hex digits, or a decimal)`);
    }
    if (format === 'json') {
      const f = errorCodeFacts(value);
      io.out(jsonText({
        input: text,
        ...f.info,
        decoded: f.decoded,
        known: f.known !== null,
        name: f.known?.name ?? null,
        meaning: f.known?.meaning ?? null,
        source: f.known?.source ?? null,
      }, 2));
    } else {
      io.out(errorCodeText(value));
    }
    return 0;
  },
};
