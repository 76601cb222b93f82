// A folder's key in `cmlog.folderOffsets`: relative to its workspace folder (the settings travel
// with the folder), the absolute path outside one (user settings). One place: the command that
// writes it (client/src/folderOffsetKey.ts) and the lens that tells the user what to write.
import * as path from 'node:path';

export function folderOffsetsKey(workspaceFolder: string | null, folder: string): string {
  return workspaceFolder === null ? folder : path.relative(workspaceFolder, folder) || '.';
}
