// A merge's banner: how its logs without offset were placed (notes), and the folder offsets it
// offers them, each with the button the lens has ("use it for the folder"). Drawn at open and again
// when a reset brings a new one (an offset setting changed). Log and folder names are untrusted: text only.
import type { TableOpenResult } from '../../server/src/protocol';
import { el } from './dom';

/**
 * Between a banner's notes and offers: glued to what follows it (a no-break space), so a banner that
 * wraps starts its next line with "·" rather than ending a line with it (a tour saw it dangle).
 */
const NOTE_SEPARATOR = ' ·\u00a0';

export function drawBanner(root: HTMLElement, table: Pick<TableOpenResult, 'notes' | 'offers'>, use: (uri: string) => void): void {
  const parts: HTMLElement[] = [];
  if (table.notes.length) parts.push(el('span', 'note', table.notes.join(NOTE_SEPARATOR)));
  for (const o of table.offers ?? []) {
    const b = el('button', 'link', 'use it for the folder', { type: 'button', title: `Set cmlog.folderOffsets for this folder: ${o.text}` });
    b.addEventListener('click', () => use(o.uri));
    // Set apart from the note before it as the notes are from each other (they ran together).
    if (parts.length) parts.push(el('span', 'sep', NOTE_SEPARATOR));
    parts.push(el('span', 'offer', `${o.text}:`), b);
  }
  root.replaceChildren(...parts);
  root.hidden = parts.length === 0;
}
