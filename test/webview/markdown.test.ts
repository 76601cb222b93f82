import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseInline, parseMarkdown, renderMarkdown, tableCells, type MiniDocument, type MiniElement } from '../../client/webview/markdown';
import { userNotFound } from '../../server/src/rules/userNotFound';

interface FakeEl extends MiniElement { tag: string; children: unknown[]; clicks: (() => void)[] }
function fakeDoc(): { doc: MiniDocument; tags: string[]; text: () => string } {
  const tags: string[] = [];
  const texts: string[] = [];
  const doc: MiniDocument = {
    createElement(tag) {
      tags.push(tag);
      const e: FakeEl = { tag, children: [], clicks: [], className: '', append: (...n) => e.children.push(...n), addEventListener: (_t, fn) => e.clicks.push(fn) };
      return e;
    },
    createTextNode(text) {
      texts.push(text);
      return { text };
    },
  };
  return { doc, tags, text: () => texts.join('') };
}
const root = (): FakeEl => ({ tag: 'div', children: [], clicks: [], className: '', append() {}, addEventListener() {} });

test('markdown: the subset the hovers use', () => {
  assert.deepEqual(parseInline('a **b** `c` *d* \\*e\\*'), [
    { k: 'text', text: 'a ' }, { k: 'strong', c: [{ k: 'text', text: 'b' }] }, { k: 'text', text: ' ' },
    { k: 'code', text: 'c' }, { k: 'text', text: ' ' }, { k: 'em', c: [{ k: 'text', text: 'd' }] }, { k: 'text', text: ' *e*' },
  ]);
  assert.deepEqual(parseInline('`` a`b ``'), [{ k: 'code', text: 'a`b' }]);
  const blocks = parseMarkdown('### Title\n\nline one\nline two\n\n- x\n- y\n\n---\n\n```\n<b>raw</b>\n```');
  assert.deepEqual(blocks.map((b) => b.k), ['h', 'p', 'ul', 'hr', 'pre']);
  assert.deepEqual(blocks[4], { k: 'pre', text: '<b>raw</b>' });
});

test('markdown: HTML and links in log text stay text; only the lookup link is a button', () => {
  const md = 'Failed: <img src=x onerror=alert(1)> and \\<script\\>x\\</script\\> [click](https://evil.example) '
    + `[Look up 0x80070005](command:cmlog.lookupErrorCode?${encodeURIComponent(JSON.stringify(['0x80070005']))} "CMLog: Look Up Error Code") `
    + `[bad](command:cmlog.lookupErrorCode?${encodeURIComponent(JSON.stringify(['<img>']))}) [x](command:workbench.action.terminal.new)`;
  const { doc, tags, text } = fakeDoc();
  const looked: string[] = [];
  const parent = root();
  renderMarkdown(doc, parent, md, (c) => looked.push(c));
  assert.deepEqual(tags.filter((t) => !['p', 'button'].includes(t)), [], 'no element but a paragraph and the lookup button');
  assert.equal(tags.filter((t) => t === 'button').length, 1);
  assert.match(text(), /<img src=x onerror=alert\(1\)>/);
  assert.match(text(), /<script>x<\/script>/);
  assert.doesNotMatch(text(), /evil\.example|command:/, 'link targets are not shown or followed');
});

test('markdown: the lookup button posts the checked code', () => {
  const { doc } = fakeDoc();
  const looked: string[] = [];
  const parent: FakeEl = { tag: 'div', children: [], clicks: [], className: '', append: (...n) => parent.children.push(...n), addEventListener() {} };
  renderMarkdown(doc, parent, `[Look up 0x87D00607](command:cmlog.lookupErrorCode?${encodeURIComponent('["0x87D00607"]')})`, (c) => looked.push(c));
  const p = parent.children[0] as FakeEl;
  const b = p.children[0] as FakeEl;
  assert.equal(b.tag, 'button');
  b.clicks[0]();
  assert.deepEqual(looked, ['0x87D00607']);
});

test('markdown: parsing is linear on unclosed delimiters', () => {
  const evil = '*a '.repeat(40_000) + '[a '.repeat(40_000) + '``x '.repeat(40_000);
  const t = performance.now();
  parseMarkdown(evil);
  assert.ok(performance.now() - t < 1000, `took ${performance.now() - t} ms`);
});

test('markdown: the user-not-found hover\'s pipe table is a table; its cells stay untrusted text', () => {
  // The hover as the rule writes it, with markup and a pipe in the log's offset label (escaped by the rule).
  const md = userNotFound.explain!({
    ruleId: 'user-not-found', severity: 'error', file: 'CloudUserSync.log', line: 10, endLine: 10, message: 'm',
    data: {
      user: 'megan@contoso.com', firstFailure: '2014-09-14T22:03:57.870Z', dueAt: '2014-09-15T22:03:57.870Z', status: 'overdue', resolvedAt: null,
      timeBasis: 'utc', firstFailureLogTime: '2014-09-14 15:03:57.870', dueAtLogTime: '2014-09-15 15:03:57.870', resolvedAtLogTime: null,
      offset: 'UTC-07:00 | <img src=x>', firstFailureFile: 'CloudUserSync.log', firstFailureLine: 10, failure: 2, failureCount: 2, early: false,
    },
  });
  const table = parseMarkdown(md).find((b) => b.k === 'table');
  assert.ok(table && table.k === 'table', 'a table block');
  const text = (cells: ReturnType<typeof parseInline>[]) => cells.map((c) => c.map((n) => ('text' in n ? n.text : '')).join(''));
  assert.deepEqual(text(table.head), ['', 'Log time (UTC-07:00 | <img src=x>)', 'UTC']);
  assert.deepEqual(table.rows.map(text), [
    ['First failure', '2014-09-14 15:03:57.870', '2014-09-14 22:03:57.870'],
    ['Full sync due (first failure + 24 h)', '2014-09-15 15:03:57.870', '2014-09-15 22:03:57.870'],
  ]);
  const { doc, tags, text: all } = fakeDoc();
  renderMarkdown(doc, root(), md, () => {});
  assert.deepEqual(tags.filter((t) => /^(table|thead|tbody|tr|th|td)$/.test(t)).join(' '),
    'table thead tr th th th tbody tr td td td tr td td td');
  assert.ok(!tags.includes('img'));
  assert.doesNotMatch(all(), /\|---/, 'no raw delimiter row');
});

test('markdown: table cells split on unescaped pipes only; a ragged row is padded or cut to the header; no delimiter row, no table', () => {
  assert.deepEqual(tableCells('| a | b \\| c | `d` |'), ['a', 'b \\| c', '`d`']);
  assert.deepEqual(tableCells('a | b'), ['a', 'b']);
  assert.deepEqual(tableCells('| a | |'), ['a', '']);
  const [t] = parseMarkdown('| x | y |\n|:--|--:|\n| 1 |\n| 1 | 2 | 3 |');
  assert.ok(t.k === 'table');
  assert.deepEqual(t.rows.map((r) => r.length), [2, 2]);
  assert.deepEqual(parseMarkdown('| x | y |\n| not a delimiter |').map((b) => b.k), ['p']);
  assert.deepEqual(parseMarkdown('| x | y |\n|---|').map((b) => b.k), ['p'], 'the delimiter row must have as many cells');
});

test('markdown: tables parse in linear time', () => {
  const evil = `| a |\n|---|\n${'| \\'.repeat(100_000)}\n${'|'.repeat(200_000)}\n`;
  const t = performance.now();
  parseMarkdown(evil);
  assert.ok(performance.now() - t < 1000, `took ${performance.now() - t} ms`);
});
