// Taking a folder's offer: its entry written into `cmlog.folderOffsets` of the settings it goes to,
// and its Undo. Through a port onto one settings scope (client/src/folderOffset.ts gives VS Code's),
// so it is tested without VS Code. Pure.
import { folderOffsetsWith } from './folderOffsetKey';

type Offsets = Record<string, number>;

/** One scope of `cmlog.folderOffsets` (the workspace folder's, or the user's): its value there, and a write (undefined: removed). */
export interface OffsetsScope {
  read(): Offsets | undefined;
  write(value: Offsets | undefined): PromiseLike<void>;
}

/**
 * Writes `folder`'s offset; returns its key and an undo that puts back what the key held before
 * (removed if it held nothing, the whole setting if it is left empty: no `{}` left in the folder's
 * settings), keeping whatever else was set in the meantime.
 */
export async function saveFolderOffset(scope: OffsetsScope, workspaceFolder: string | null, folder: string, offset: number): Promise<{ key: string; undo: () => Promise<void> }> {
  const current = scope.read();
  const { key, value } = folderOffsetsWith(current, workspaceFolder, folder, offset);
  const before = current?.[key];
  await scope.write(value);
  const undo = async () => {
    const now: Offsets = { ...(scope.read() ?? {}) };
    if (before === undefined) delete now[key];
    else now[key] = before;
    await scope.write(Object.keys(now).length ? now : undefined);
  };
  return { key, undo };
}
