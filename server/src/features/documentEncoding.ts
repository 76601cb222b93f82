// The encoding of an open document's file. VS Code hands the server decoded text, so the model
// parsed from it knows no bytes; the status bar must still name the file's encoding (a UTF-16LE MSI
// log is not utf-8). Asked once, when the document opens.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Encoding } from '../model';
import { sniff } from '../parse/decode';

/** The file's first bytes read when the index has no model of it: the byte-order mark, and enough to tell UTF-8 from Windows-1252. */
export const ENCODING_HEAD = 64 * 1024;

/**
 * `indexed`: the encoding of the index's model of the same file (it read every byte), preferred.
 * Else the file's start is sniffed; a document with no readable file (untitled, gone) is the
 * editor's text, read as UTF-8.
 */
export function documentEncoding(path: string | null, indexed: Encoding | undefined): Encoding {
  if (indexed) return indexed;
  if (!path) return 'utf-8';
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) return 'utf-8'; // a pipe or device: opening it may wait forever
    fd = openSync(path, 'r');
    const head = Buffer.allocUnsafe(ENCODING_HEAD);
    const n = readSync(fd, head, 0, head.length, 0);
    return sniff(head.subarray(0, n)).encoding;
  } catch {
    return 'utf-8';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
