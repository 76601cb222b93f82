// A log's folder as the merge pick list names it, as VS Code names paths: relative to its workspace
// folder, after that folder's name when the workspace has several; a workspace folder's root by its
// name (VS Code's asRelativePath said a root's whole path); a folder outside every workspace folder by
// its whole path. Pure (commands.ts asks VS Code for the inputs).

/** Where a folder is in its workspace folder: its path relative to it ('/'-separated, '' at the root), and that folder's name. */
export interface FolderInWorkspace { relative: string; workspace: string }

/** `at`: undefined outside every workspace folder; `workspaceFolders`: how many the workspace has; `fullPath`: the folder's own path. */
export function folderLabel(at: FolderInWorkspace | undefined, workspaceFolders: number, fullPath: string): string {
  if (!at) return fullPath;
  const relative = trimSlashes(at.relative);
  if (relative === '') return at.workspace;
  return workspaceFolders > 1 ? `${at.workspace}/${relative}` : relative;
}

/** Without separators at either end (a loop, not a pattern: a name is untrusted). */
function trimSlashes(p: string): string {
  let a = 0, b = p.length;
  while (a < b && p[a] === '/') a++;
  while (b > a && p[b - 1] === '/') b--;
  return p.slice(a, b);
}
