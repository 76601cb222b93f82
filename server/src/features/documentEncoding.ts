// The encoding of an open document's file. VS Code hands the server decoded text, so the model
// parsed from it knows no bytes; the status bar must still name the file's encoding (a UTF-16LE MSI
// log is not utf-8). Asked once, when the document opens, and read off the server's thread: a file
// on a slow share must not stall every request while its first bytes arrive.
import { open, stat } from 'node:fs/promises';
import type { Encoding } from '../model';
import { sniff } from '../parse/decode';

/** The file's first bytes read when the index has no model of it: the byte-order mark, and enough to tell UTF-8 from Windows-1252. */
export const ENCODING_HEAD = 64 * 1024;

/**
 * `indexed`: the encoding of the index's model of the same file (it read every byte), preferred.
 * Else the file's start is sniffed; a document with no readable file (untitled, gone, removed
 * while read) is the editor's text, read as UTF-8. Never rejects.
 */
export async function documentEncoding(path: string | null, indexed: Encoding | undefined): Promise<Encoding> {
  if (indexed) return indexed;
  if (!path) return 'utf-8';
  try {
    if (!(await stat(path)).isFile()) return 'utf-8'; // a pipe or device: opening it may wait forever
    const file = await open(path, 'r');
    try {
      const { bytesRead, buffer } = await file.read(Buffer.allocUnsafe(ENCODING_HEAD), 0, ENCODING_HEAD, 0);
      return sniff(buffer.subarray(0, bytesRead)).encoding;
    } finally {
      await file.close();
    }
  } catch {
    return 'utf-8';
  }
}
