// A setting's value only where the user (or the workspace) wrote it: null when it is left at its
// default, so a default can depend on the case (cmlog.table.utcColumn: on for a merge). Pure.

/** The parts of vscode's WorkspaceConfiguration.inspect() result read here. */
export interface Inspected<T> { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T }

/** The most specific value the user set (folder, then workspace, then user settings), else null. */
export function userSetting<T>(inspected: Inspected<T> | undefined): T | null {
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue ?? null;
}
