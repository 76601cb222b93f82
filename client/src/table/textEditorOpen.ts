// How the table opens a log in VS Code's text editor (a row's Enter / double-click, "Open in text
// editor"): through `vscode.openWith` with the default editor, never showTextDocument. That first
// opens the document for extensions, which VS Code refuses over 50 MB ("Files above 50MB cannot be
// synchronized with extensions") — exactly the logs the table is for. Pure (no vscode import) for tests.

/** The text editor's options: the line to select (the caller's Range), not a preview tab. */
export interface TextOpenOptions<R> { selection?: R; preview: false }

/** The command and arguments that open `uri` in the text editor, at `selection` if given. */
export function textEditorOpen<U, R>(uri: U, selection?: R): ['vscode.openWith', U, 'default', TextOpenOptions<R>] {
  return ['vscode.openWith', uri, 'default', selection === undefined ? { preview: false } : { selection, preview: false }];
}
