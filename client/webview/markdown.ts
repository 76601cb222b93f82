// The hovers' Markdown in the detail pane, rendered safely: a small subset (paragraphs, headings as
// bold lines, bold, italics, code spans and blocks, lists, rules, GFM pipe tables) is parsed into a tree of text, and
// the tree is built into DOM with text nodes only. There is no way to live HTML: `<img ...>` stays
// the characters `<img ...>`; links show their label and are not followed, except the error-code
// lookup the server writes itself, which becomes a button (the code checked as hex digits).
// Parsing is linear: a delimiter without its closer is remembered as such, never searched for again.

import { visible } from '../../server/src/explain/plainText';

export type Inline =
  | { k: 'text'; text: string }
  | { k: 'strong' | 'em'; c: Inline[] }
  | { k: 'code'; text: string }
  | { k: 'lookup'; code: string; text: string };
export type Block =
  | { k: 'p' | 'h'; c: Inline[] }
  | { k: 'ul' | 'ol'; items: Inline[][] }
  | { k: 'pre'; text: string }
  | { k: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { k: 'hr' };

const PUNCT = /[!-/:-@[-`{-~]/;
const LOOKUP_RE = /^command:cmlog\.lookupErrorCode\?(.{1,200})$/;
const CODE_RE = /^0x[0-9a-f]{1,16}$/i;

function lookupCode(url: string): string | null {
  const m = LOOKUP_RE.exec(url);
  if (!m) return null;
  try {
    const args: unknown = JSON.parse(decodeURIComponent(m[1]));
    const code = Array.isArray(args) ? args[0] : undefined;
    return typeof code === 'string' && CODE_RE.test(code) ? code : null;
  } catch {
    return null;
  }
}

/** Inline Markdown to a tree. `depth` bounds nesting (bold in italics in a link label). */
export function parseInline(s: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = (): void => {
    if (text) out.push({ k: 'text', text });
    text = '';
  };
  // Closers known to be absent after a position: never searched for again (linear time).
  const absent = new Map<string, number>();
  const find = (needle: string, from: number): number => {
    if ((absent.get(needle) ?? Infinity) <= from) return -1;
    let i = s.indexOf(needle, from);
    // A backtick fence closes only on a run of exactly its length.
    while (i >= 0 && needle[0] === '`' && (s[i + needle.length] === '`' || s[i - 1] === '`')) i = s.indexOf(needle, i + 1);
    if (i < 0) absent.set(needle, from);
    return i;
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && PUNCT.test(s[i + 1])) {
      text += s[i + 1];
      i += 2;
    } else if (c === '`') {
      let n = 1;
      while (s[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      const end = find(fence, i + n);
      if (end < 0) {
        text += fence;
        i += n;
      } else {
        flush();
        let code = s.slice(i + n, end);
        if (code.length > 2 && code[0] === ' ' && code[code.length - 1] === ' ') code = code.slice(1, -1);
        out.push({ k: 'code', text: code });
        i = end + n;
      }
    } else if ((c === '*' || c === '_') && depth < 3) {
      const strong = s[i + 1] === c;
      const delim = strong ? c + c : c;
      const end = s[i + delim.length] === ' ' ? -1 : find(delim, i + delim.length + 1);
      if (end < 0) {
        text += delim;
        i += delim.length;
      } else {
        flush();
        out.push({ k: strong ? 'strong' : 'em', c: parseInline(s.slice(i + delim.length, end), depth + 1) });
        i = end + delim.length;
      }
    } else if (c === '[' && depth < 3) {
      const close = find('](', i + 1);
      const end = close < 0 ? -1 : find(')', close + 2);
      if (end < 0) {
        text += c;
        i++;
      } else {
        flush();
        const label = s.slice(i + 1, close);
        const url = s.slice(close + 2, end).split(' ')[0];
        const code = lookupCode(url);
        if (code) out.push({ k: 'lookup', code, text: label.replace(/\\(.)/g, '$1') });
        else out.push(...parseInline(label, depth + 1));
        i = end + 1;
      }
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return out;
}

/** Columns a table keeps (the hovers' have 2 or 3); cells past them are dropped, as GFM drops extra cells. */
const TABLE_MAX_COLUMNS = 16;

/**
 * A table row's cells: split on each `|` not escaped by a backslash, the outer pipes dropped. One
 * pass; an escaped pipe stays `\|` for parseInline to unescape, as GFM does.
 */
export function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let endsWithPipe = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) cell += c + line[++i];
    else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
      endsWithPipe = true;
      continue;
    } else cell += c;
    if (c.trim()) endsWithPipe = false;
  }
  cells.push(cell.trim());
  if (line.trimStart().startsWith('|')) cells.shift();
  if (endsWithPipe && cells.length > 1) cells.pop();
  return cells;
}

const DELIMITER_CELL = /^:?-+:?$/;
/** The cells of a table's delimiter row (`|---|:--:|`), or null when `line` is not one. */
function delimiterCells(line: string): string[] | null {
  if (!line.includes('-')) return null;
  const cells = tableCells(line);
  return cells.every((c) => DELIMITER_CELL.test(c)) ? cells : null;
}

/** Block Markdown to a tree. */
export function parseMarkdown(md: string): Block[] {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const out: Block[] = [];
  let para: string[] = [];
  let list: { k: 'ul' | 'ol'; items: Inline[][] } | null = null;
  const endPara = (): void => {
    if (para.length) out.push({ k: 'p', c: parseInline(para.join(' ')) });
    para = [];
  };
  const endList = (): void => {
    if (list) out.push(list);
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^ {0,3}(`{3,})/.exec(line);
    if (fence) {
      endPara();
      endList();
      const body: string[] = [];
      i++;
      while (i < lines.length && !new RegExp(`^ {0,3}\`{${fence[1].length},}\\s*$`).test(lines[i])) body.push(lines[i++]);
      out.push({ k: 'pre', text: body.join('\n') });
      continue;
    }
    // A table: a row of cells over a delimiter row of as many (`|---|---|`), then its rows up to a line with no pipe.
    const delimiter = line.includes('|') && i + 1 < lines.length ? delimiterCells(lines[i + 1]) : null;
    const head = delimiter ? tableCells(line) : null;
    if (head && head.length === delimiter!.length) {
      endPara();
      endList();
      const width = Math.min(head.length, TABLE_MAX_COLUMNS);
      const row = (cells: string[]): Inline[][] => Array.from({ length: width }, (_, k) => parseInline(cells[k] ?? ''));
      const rows: Inline[][][] = [];
      for (i += 2; i < lines.length && lines[i].includes('|') && !/^\s*$/.test(lines[i]); i++) rows.push(row(tableCells(lines[i])));
      i--;
      out.push({ k: 'table', head: row(head), rows });
      continue;
    }
    if (/^\s*$/.test(line)) {
      endPara();
      endList();
    } else if (/^ {0,3}([-*_])\s*(\1\s*){2,}$/.test(line)) {
      endPara();
      endList();
      out.push({ k: 'hr' });
    } else if (/^ {0,3}#{1,6}\s/.test(line)) {
      endPara();
      endList();
      out.push({ k: 'h', c: parseInline(line.replace(/^ {0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '')) });
    } else if (/^ {0,3}([-*+]|\d{1,9}[.)])\s/.test(line)) {
      endPara();
      const kind = /^ {0,3}[-*+]\s/.test(line) ? 'ul' : 'ol';
      if (list && list.k !== kind) endList();
      if (!list) list = { k: kind, items: [] };
      list.items.push(parseInline(line.replace(/^ {0,3}([-*+]|\d{1,9}[.)])\s+/, '')));
    } else if (list && /^\s{2,}\S/.test(line)) {
      // A list item's continuation line.
      list.items[list.items.length - 1].push({ k: 'text', text: ' ' }, ...parseInline(line.trim()));
    } else {
      endList();
      para.push(line.replace(/^ {0,3}>\s?/, '').trim());
    }
  }
  endPara();
  endList();
  return out;
}

/** What building needs of a document (the DOM's, or a test's). */
export interface MiniElement { append(...nodes: unknown[]): void; className: string; addEventListener(type: 'click', fn: () => void): void }
export interface MiniDocument { createElement(tag: string): MiniElement; createTextNode(text: string): unknown }

const TAG = { p: 'p', h: 'p', ul: 'ul', ol: 'ol', strong: 'strong', em: 'em' } as const;

function buildInline(doc: MiniDocument, parent: MiniElement, nodes: Inline[], onLookup: (code: string) => void): void {
  for (const n of nodes) {
    if (n.k === 'text') parent.append(doc.createTextNode(n.text));
    else if (n.k === 'code') {
      const e = doc.createElement('code');
      e.append(doc.createTextNode(n.text));
      parent.append(e);
    } else if (n.k === 'lookup') {
      const b = doc.createElement('button');
      b.className = 'md-lookup';
      b.append(doc.createTextNode(n.text));
      b.addEventListener('click', () => onLookup(n.code));
      parent.append(b);
    } else {
      const e = doc.createElement(TAG[n.k]);
      buildInline(doc, e, n.c, onLookup);
      parent.append(e);
    }
  }
}

function buildTable(doc: MiniDocument, t: Extract<Block, { k: 'table' }>, onLookup: (code: string) => void): MiniElement {
  const table = doc.createElement('table');
  table.className = 'md-table';
  const section = (tag: 'thead' | 'tbody', rows: Inline[][][], cell: 'th' | 'td'): MiniElement => {
    const s = doc.createElement(tag);
    for (const cells of rows) {
      const tr = doc.createElement('tr');
      for (const c of cells) {
        const e = doc.createElement(cell);
        buildInline(doc, e, c, onLookup);
        tr.append(e);
      }
      s.append(tr);
    }
    return s;
  };
  table.append(section('thead', [t.head], 'th'));
  if (t.rows.length) table.append(section('tbody', t.rows, 'td'));
  return table;
}

/** Builds the tree into `parent` with elements and text nodes only (never markup from the text). */
export function renderMarkdown(doc: MiniDocument, parent: MiniElement, md: string, onLookup: (code: string) => void): void {
  // The server's Markdown holds no control characters; one that got through is shown, not obeyed.
  for (const b of parseMarkdown(visible(md))) {
    if (b.k === 'hr') parent.append(doc.createElement('hr'));
    else if (b.k === 'table') parent.append(buildTable(doc, b, onLookup));
    else if (b.k === 'pre') {
      const pre = doc.createElement('pre');
      pre.append(doc.createTextNode(b.text));
      parent.append(pre);
    } else if ('items' in b) {
      const l = doc.createElement(TAG[b.k]);
      for (const item of b.items) {
        const li = doc.createElement('li');
        buildInline(doc, li, item, onLookup);
        l.append(li);
      }
      parent.append(l);
    } else {
      const p = doc.createElement(TAG[b.k]);
      if (b.k === 'h') p.className = 'md-heading';
      buildInline(doc, p, b.c, onLookup);
      parent.append(p);
    }
  }
}
