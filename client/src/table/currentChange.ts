// When the status bar should hear that the table in front changed. VS Code's view-state event comes
// for every focus or visibility change of any table panel, and each such event made a merge's item
// ask the server about every log: `changeOnly` passes on only a real change of what `key()` says.
// Pure (no vscode import): tested.

/** A function to call after each event that may change `key()`; it calls `changed` when the key differs from the last one seen. */
export function changeOnly(key: () => unknown, changed: () => void): () => void {
  let last = key();
  return () => {
    const now = key();
    if (Object.is(now, last)) return;
    last = now;
    changed();
  };
}
