// A small, strict argument parser: unknown options are usage errors, never silently ignored.

export class UsageError extends Error {}

export interface Parsed {
  positional: string[];
  options: Map<string, string | true>;
}

/** `valued` options take the next argument (or `--name=value`); the rest are flags. */
export function parseArgs(argv: string[], valued: string[], flags: string[]): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    // A loop, not push(...): a spread of ~120,000 arguments overflows the stack.
    if (a === '--') { for (let j = i + 1; j < argv.length; j++) positional.push(argv[j]); break; }
    if (!a.startsWith('--') || a === '-') { positional.push(a); continue; }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (valued.includes(name)) {
      const value = eq < 0 ? argv[++i] : a.slice(eq + 1);
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, name === 'rule' && options.has('rule') ? `${options.get('rule')},${value}` : value);
    } else if (flags.includes(name) && eq < 0) {
      options.set(name, true);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, options };
}

export function oneOf<T extends string>(value: string | true | undefined, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (value === true || !allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** `--default-offset 300` (minutes, in the chosen convention). */
export function offsetMinutes(value: string | true | undefined): number | null {
  if (value === undefined) return null;
  if (value === true || !/^[+-]?\d{1,4}$/.test(value)) throw new UsageError('--default-offset takes minutes, e.g. 300 or -60');
  return Number(value);
}
