// The machine a log comes from, as the table's source column shows it: the same rule as the CLI's
// (collections/machine.ts), with the workspace folder as the folder the user named.
import { machineOf as collectedMachine } from '../collections/machine';
import { baseName, folderOf, innermostFolder, toPath } from '../uri';

/**
 * Inside a workspace folder (the innermost holding it): its top-level folder under that folder, or
 * the workspace folder's name for a log directly in it. Elsewhere (a file opened from outside the
 * workspace, a non-file URI): the log's own folder's name, the best a lone log says.
 */
export function machineOf(key: string, folders: readonly { path: string }[]): string {
  const file = toPath(key);
  const k = innermostFolder(folders, file);
  const inside = file !== null && k >= 0 ? collectedMachine(slashes(file), slashes(folders[k].path)) : null;
  return inside ?? (baseName(folderOf(key)) || folderOf(key));
}

const slashes = (p: string) => p.replace(/\\/g, '/');
