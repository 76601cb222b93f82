// The `cmlog.folderOffsets` value with one folder's offset set. Pure (no vscode import): tested.
// Its key: server/src/explain/folderOffsetKey.ts (the lens says the same key).
import { folderOffsetsKey } from '../../server/src/explain/folderOffsetKey';

export function folderOffsetsWith(current: Record<string, number> | undefined, workspaceFolder: string | null, folder: string, offset: number): { key: string; value: Record<string, number> } {
  const key = folderOffsetsKey(workspaceFolder, folder);
  return { key, value: { ...(current ?? {}), [key]: offset } };
}
