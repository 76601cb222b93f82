// What is read as an archive of logs: by name, or by a zip's first bytes (a renamed collection).
export function isArchiveName(name: string): boolean {
  return /\.zip$/i.test(name);
}

/** A local file header or an empty archive's end record. */
export function looksLikeZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06));
}
