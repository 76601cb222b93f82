// Which device a log came from. A collection is one archive or one folder per device, as
// ConfigMgr's "Collect client logs" and Intune's "Collect diagnostics" make them.
import { MEMBER_SEPARATOR } from './archive';
import { baseName } from '../uri';

/**
 * The machine of a log's shown path (`/` separators, as cmlog prints them): the name of the
 * outermost archive without `.zip` (`cases/PC042.zip!/ccm/CcmExec.log` -> `PC042`); outside an
 * archive, the top-level folder under `root` (the folder the user named: `root/PC042/ccm/x.log` ->
 * `PC042`), or `root`'s own name for a log directly in it; null when neither says (no root given).
 */
export function machineOf(shownPath: string, root?: string): string | null {
  const bang = shownPath.indexOf(MEMBER_SEPARATOR);
  if (bang >= 0) {
    const archive = shownPath.slice(0, bang);
    return baseName(archive).replace(/\.zip$/i, '') || null;
  }
  if (root === undefined) return null;
  let end = root.length;
  while (end > 1 && root[end - 1] === '/') end--;
  const r = root.slice(0, end);
  const rel = r === '' || r === '.' ? shownPath : shownPath.startsWith(r + '/') ? shownPath.slice(r.length + 1) : null;
  if (rel === null) return null;
  const slash = rel.indexOf('/');
  return slash > 0 ? rel.slice(0, slash) : baseName(r === '.' ? process.cwd().replace(/\\/g, '/') : r) || null;
}
