// The `cmlog.folderOffsets` value with one folder's offset set. Pure (no vscode import): tested.
// Inside a workspace folder the key is relative to it (the settings travel with the folder);
// outside one it is the absolute path (user settings).
import * as path from 'node:path';

export function folderOffsetsWith(current: Record<string, number> | undefined, workspaceFolder: string | null, folder: string, offset: number): { key: string; value: Record<string, number> } {
  const key = workspaceFolder === null ? folder : path.relative(workspaceFolder, folder) || '.';
  return { key, value: { ...(current ?? {}), [key]: offset } };
}
