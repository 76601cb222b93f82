// The detail pane: the selected record's whole message (wrapped), its attributes, its problems with
// the hovers' Markdown (rendered safely, markdown.ts) and what other logs wrote at the same moment,
// each a link to its row (or to the text editor when it is not in this table).
import type { TableDetail } from '../../server/src/protocol';
import { el } from './dom';
import { SEVERITY_ICON } from './format';
import { formatGap } from '../../server/src/explain/gap';
import { renderMarkdown } from './markdown';

export interface DetailHost {
  lookup(code: string): void;
  gotoRow(row: number): void;
  openInEditor(uri: string, line: number): void;
}

export class DetailPane {
  // A tab stop after the grid: focused, the keys scroll a long explanation; its links come next.
  readonly root = el('section', 'detail', undefined, { role: 'region', 'aria-label': 'Record details', tabindex: '0' });

  constructor(private readonly host: DetailHost) {
    this.clear('Select a row to see its details.');
  }

  clear(note: string): void {
    this.root.replaceChildren(el('p', 'detail-note', note));
  }

  show(d: TableDetail): void {
    const parts: HTMLElement[] = [];
    parts.push(el('pre', 'detail-message', d.message));
    if (d.cut) parts.push(el('p', 'detail-note', 'The message is longer: open the row in the text editor to read all of it.'));
    if (d.problems.length) {
      parts.push(el('h3', '', 'Problems'));
      for (const p of d.problems) {
        const box = el('div', `problem sev-${p.severity}`);
        const title = el('p', 'problem-title');
        title.append(el('span', `codicon codicon-${SEVERITY_ICON[p.severity]}`, undefined, { 'aria-hidden': 'true' }), el('span', '', ` ${p.message}`));
        box.append(title);
        const md = el('div', 'markdown');
        renderMarkdown(document, md, p.markdown, (code) => this.host.lookup(code));
        box.append(md);
        parts.push(box);
      }
    }
    if (d.attributes.length) {
      parts.push(el('h3', '', 'Attributes'));
      const dl = el('dl', 'attributes');
      for (const a of d.attributes) dl.append(el('dt', '', a.name), el('dd', '', a.value));
      parts.push(dl);
    }
    if (d.sameMoment.length) {
      parts.push(el('h3', '', 'At the same moment in other logs'));
      const ul = el('ul', 'same-moment');
      for (const m of d.sameMoment) {
        const b = el('button', 'link', undefined, { type: 'button', title: m.row === null ? 'Open in the text editor' : 'Go to its row' });
        b.append(el('span', 'sm-name', `${m.name}:${m.line + 1}`), el('span', 'sm-delta', ` ${formatGap(m.deltaMs)} `), el('span', 'sm-message', m.message));
        b.addEventListener('click', () => (m.row === null ? this.host.openInEditor(m.uri, m.line) : this.host.gotoRow(m.row)));
        const li = el('li');
        li.append(b);
        ul.append(li);
      }
      parts.push(ul);
    }
    this.root.replaceChildren(...parts);
  }
}
