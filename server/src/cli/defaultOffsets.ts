// `--default-offset [FOLDER=]MINUTES`, repeatable: a bare value for every log, FOLDER=VALUE for the
// logs under that folder (or archive), the most specific folder winning — the command line's
// `cmlog.defaultOffset` and `cmlog.folderOffsets`. Plain data: it travels to check's workers.
import * as path from 'node:path';
import { describeOffset, offsetInRange } from '../parse/time';
import { normalizeUserPath } from '../workspace/discover';
import { UsageError } from './args';
import { printable } from './escape';
import { innermostFolder } from '../uri';

export interface FolderOffset {
  /** As the user wrote it (what notes repeat back); null for the bare value. */
  given: string | null;
  /** Absolute; null for the bare value. */
  path: string | null;
  minutes: number;
}

export interface DefaultOffsets {
  all: FolderOffset | null;
  /** As given; the innermost holding a log applies to it (offsetFor). */
  folders: (FolderOffset & { path: string })[];
}

const range = (convention: 'bias' | 'utc-offset') => (convention === 'bias' ? '-840..+720' : '-720..+840');

/** The values of every `--default-offset`, read in `convention`; usage errors name what is wrong. */
export function parseDefaultOffsets(values: readonly string[], convention: 'bias' | 'utc-offset'): DefaultOffsets {
  const out: DefaultOffsets = { all: null, folders: [] };
  for (const value of values) {
    // The value is after the last `=`: a folder's name may hold one.
    const eq = value.lastIndexOf('=');
    const digits = value.slice(eq + 1);
    if (!/^[+-]?\d{1,4}$/.test(digits) || eq === 0) {
      throw new UsageError(`--default-offset takes [FOLDER=]MINUTES, e.g. 300, -60 or DEV1=300 (not '${printable(value)}')`);
    }
    const minutes = Number(digits) + 0; // + 0: no -0
    if (!offsetInRange(minutes, convention)) {
      throw new UsageError(`--default-offset ${printable(value)}: ${minutes} minutes is outside ${range(convention)}, the offsets time zones use (${convention === 'bias' ? 'Windows bias' : 'UTC offset'})`);
    }
    if (eq < 0) {
      if (out.all) throw new UsageError(`--default-offset given twice for every folder (${out.all.minutes} and ${minutes}): give one, or FOLDER=MINUTES`);
      out.all = { given: null, path: null, minutes };
      continue;
    }
    const given = value.slice(0, eq);
    const resolved = path.resolve(normalizeUserPath(given));
    const same = out.folders.find((f) => f.path === resolved);
    if (same) throw new UsageError(`--default-offset given twice for ${printable(given)} (${same.minutes} and ${minutes})`);
    out.folders.push({ given, path: resolved, minutes });
  }
  return out;
}

/** The entry that applies to a log at `file` (a file, or the archive holding it), or null. */
export function offsetFor(offsets: DefaultOffsets | undefined, file: string): FolderOffset | null {
  if (!offsets) return null;
  const k = offsets.folders.length > 0 ? innermostFolder(offsets.folders, path.resolve(file)) : -1;
  return k >= 0 ? offsets.folders[k]! : offsets.all;
}

/** How an entry is written on the command line: `--default-offset coll/DEV1=300`. */
export function optionText(o: { given: string | null; minutes: number }): string {
  return `--default-offset ${o.given === null ? '' : printable(o.given) + '='}${o.minutes}`;
}

/** "--default-offset 300, i.e. UTC-05:00". */
export const placedText = (o: FolderOffset, convention: 'bias' | 'utc-offset'): string => `${optionText(o)}, i.e. ${describeOffset(o.minutes, convention)}`;
