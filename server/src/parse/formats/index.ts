// The formats, in the order detection and the scanner try them. An entry's format is stored as
// its index here (EntryTable.format). Adding a format: a module beside these, one line below, its
// fixtures (docs/architecture.md, "How to add a format").
import { FORMAT_IDS, type FormatId } from './ids';
import { cmtrace } from './cmtrace';
import type { LogFormat } from './format';
import { legacy } from './legacy';
import { plain } from './plain';
import { cbs } from './cbs';
import { psadt } from './psadt';
import { windowsUpdate } from './windowsUpdate';
import { inventory, setup } from './asctimeLines';
import { companyPortal, intuneMac } from './intune';
import { msi } from './msi';

export type { LogFormat, LineRecord, LineState, RecordParts, Range } from './format';
export { LINE_HEAD, LINE_MAX } from './format';

// Formats read line by line come after plain, so the ids stored by earlier versions keep their meaning.
const shipped = [cmtrace, legacy, plain, cbs, psadt, windowsUpdate, setup, companyPortal, inventory, intuneMac, msi] as const;

export { FORMAT_IDS, type FormatId } from './ids';
// The model names the ids without importing the formats: the registry must ship exactly those.
const ids: readonly FormatId[] = shipped.map((f) => f.id);
if (ids.join() !== FORMAT_IDS.join()) throw new Error(`formats/ids.ts lists ${FORMAT_IDS.join()}, the registry ships ${ids.join()}`);

/** Index of each shipped format in FORMATS (the scanner writes these into the entry table). */
export const CMTRACE = shipped.indexOf(cmtrace);
export const LEGACY = shipped.indexOf(legacy);

/** Every registered format; the position is the id stored per entry. */
export const FORMATS: LogFormat[] = [...shipped];

/** The formats the scanner asks about lines that neither CMTrace nor legacy claims. */
export function lineFormats(): LogFormat[] {
  return FORMATS.filter((f) => f.readLine !== undefined);
}

/**
 * Adds a format after the shipped ones; returns its index. For tests of the seam: a shipped format
 * is listed in `shipped` above. Registering the same format again returns its index.
 */
export function registerFormat(format: LogFormat): number {
  const at = FORMATS.indexOf(format);
  if (at >= 0) return at;
  if (FORMATS.length >= 255) throw new Error('too many formats: an entry stores its format in one byte');
  return FORMATS.push(format) - 1;
}

/** Removes a format `registerFormat` added (tests clean up after themselves). */
export function unregisterFormat(format: LogFormat): void {
  const at = FORMATS.indexOf(format);
  if (at >= shipped.length) FORMATS.splice(at, 1);
}

export function formatById(id: string): LogFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

/**
 * The name the status bar shows for a file's format id. 'mixed' (records of several formats,
 * which ones the file info's `formats` says) is named as such: since the line formats, it need
 * not be CMTrace and legacy.
 */
export function formatName(id: string): string {
  if (id === 'mixed') return 'mixed formats';
  return formatById(id)?.name ?? id;
}

/** The formats whose records a text sample holds (the recognisers only: no scanner). */
export function recognisedFormats(sample: string): LogFormat[] {
  return FORMATS.filter((f) => f.recognise(sample));
}
