// Writers of CMTrace records that write a .NET UTC offset (`-300` for US Eastern) where ConfigMgr
// writes a Windows bias (`+300`): PowerShell App Deployment Toolkit v3 and scripts copied from it
// (UTC = local - offset, where ConfigMgr's is UTC = local + bias). Where a log shows such a
// writer, its offsets are read as UTC offsets whatever the `offsetConvention` setting says (which
// is for the writers that do not say who they are).
import { baseName } from '../uri';

/**
 * Whether a component name is PSADT v3's: the script it runs (`Deploy-Application`, also its file
 * name) or the toolkit's own name. Its functions (`Execute-MSI`, ...) write under their own names,
 * so one such record marks the whole log.
 */
export function isUtcOffsetWriter(component: string): boolean {
  return /^(?:Deploy-Application|PSAppDeployToolkit|AppDeployToolkit)/i.test(component);
}

/**
 * Whether a file name (or path) is one PSADT gives its log: `<App>_PSAppDeployToolkit_<Install|
 * Uninstall|Repair>.log` (v3.6 on, and v4; `_<user>` added when not run as administrator),
 * `<App>_PSAppDeployToolkit.log` (earlier v3), and their rotated `.lo_` copies. An excerpt of such
 * a log (its `Execute-MSI` records only) names no writer in its components, but its name does.
 */
export function isUtcOffsetWriterFile(fileName: string): boolean {
  const base = baseName(fileName).toLowerCase();
  return base.includes('_psappdeploytoolkit_') || base.includes('_psappdeploytoolkit.');
}
