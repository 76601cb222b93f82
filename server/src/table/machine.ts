// The machine a log comes from, as the table's source column shows it. One place, so that a log
// read from a collected archive (#18) can name the archive instead.
import { baseName, folderOf } from '../uri';

/** A collected folder is named after the machine it was collected from: the folder's name. */
export function machineOf(key: string): string {
  return baseName(folderOf(key)) || folderOf(key);
}
