// Where the page shows a table (protocol TablePlaceParams), read from the wire: what the rows a
// change carries are made for (OpenTable.firstRows). Untrusted: anything malformed is no place.
import { TABLE_MAX_HIGHLIGHTS, type TableHighlight } from '../protocol';

export interface PagePlace { live: boolean; top: number; size: number; reach: number; highlights: TableHighlight[]; token: number }

export function readPlace(p: unknown): PagePlace | undefined {
  const q = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
  const page = (typeof q.page === 'object' && q.page !== null ? q.page : {}) as Record<string, unknown>;
  const { size, reach } = page, { live, top, token, highlights } = q;
  if (typeof live !== 'boolean' || typeof size !== 'number' || typeof reach !== 'number' || typeof token !== 'number' || !Number.isFinite(token)) return undefined;
  return {
    live, top: typeof top === 'number' && top > 0 ? Math.floor(top) : 0, size, reach, token,
    // As a rows request's: at most the rules a page may send.
    highlights: Array.isArray(highlights) ? highlights.slice(0, TABLE_MAX_HIGHLIGHTS) : [],
  };
}
