// Arguments through node:util's parseArgs, strict: unknown options are usage errors, never silently
// ignored. Chosen over the hand-written loop it replaces: Node's own parser knows `--name=value`,
// `--` and option bundling the way other tools do, and is maintained with Node.
import { parseArgs as nodeParseArgs } from 'node:util';

export class UsageError extends Error {}

export interface Parsed {
  positional: string[];
  options: Map<string, string | true>;
  /** Each value of a repeatable option (REPEATABLE), in order; `options` holds them comma-joined. */
  lists: Map<string, string[]>;
}

/** Options that may be given several times. */
const REPEATABLE = ['rule', 'default-offset'];

/**
 * `valued` options take the next argument (or `--name=value`); the rest are flags. A repeated
 * `--rule` collects its values, comma-separated. A negative number (`lookup -2147024891`) is a
 * value, not an option.
 */
export function parseArgs(argv: string[], valued: string[], flags: string[]): Parsed {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const name of valued) options[name] = { type: 'string', multiple: REPEATABLE.includes(name) };
  for (const name of flags) options[name] = { type: 'boolean' };
  // What follows `--`, and negative numbers, are positionals, added by a loop here: Node's parser
  // spreads what follows `--` into a call, which overflows the stack at ~120,000 arguments.
  const args: string[] = [], after: string[] = [];
  let rest = false;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    // `--default-offset -60`: a negative number is the value of the option before it, which Node's
    // parser would refuse as ambiguous; given as `--default-offset=-60`, it is not.
    if (!rest && /^-\d/.test(a) && k > 0 && valued.includes(argv[k - 1].slice(2)) && argv[k - 1].startsWith('--') && !argv[k - 1].includes('=') && args[args.length - 1] === argv[k - 1]) {
      args[args.length - 1] = `${argv[k - 1]}=${a}`;
    } else if (rest || /^-\d/.test(a)) after.push(a);
    else if (a === '--') rest = true;
    else args.push(a);
  }
  let parsed;
  try {
    parsed = nodeParseArgs({ args, options, strict: true, allowPositionals: true });
    for (const a of after) parsed.positionals.push(a);
  } catch (e) {
    // Node's message names the option and says what is wrong with it; it starts with a capital,
    // cmlog's own messages do not.
    const message = String((e as Error).message).replace(/\. To specify a positional argument.*$/s, '');
    const unknown = (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1) + (unknown ? ' (cmlog --help lists the options)' : ''));
  }
  const map = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === undefined || value === false) continue;
    if (Array.isArray(value)) lists.set(name, value.map(String));
    map.set(name, Array.isArray(value) ? value.join(',') : value === true ? true : String(value));
  }
  return { positional: parsed.positionals, options: map, lists };
}

export function oneOf<T extends string>(value: string | true | undefined, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (value === true || !allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}
