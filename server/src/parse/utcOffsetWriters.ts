// Writers of CMTrace records that write a .NET UTC offset (`-300` for US Eastern) where ConfigMgr
// writes a Windows bias (`+300`): PowerShell App Deployment Toolkit v3 and scripts copied from it
// (DOMAIN.md, "The time-zone offset is a Windows bias"). Where a log shows such a writer, its
// offsets are read as UTC offsets whatever the `offsetConvention` setting says (which is for the
// writers that do not say who they are).

/**
 * Whether a component name is PSADT v3's: the script it runs (`Deploy-Application`, also its file
 * name) or the toolkit's own name. Its functions (`Execute-MSI`, ...) write under their own names,
 * so one such record marks the whole log.
 */
export function isUtcOffsetWriter(component: string): boolean {
  return /^(?:Deploy-Application|PSAppDeployToolkit|AppDeployToolkit)/i.test(component);
}
