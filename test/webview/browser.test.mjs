// The table's webview in headless Chromium with a fake host (harness.html + fakeHost.js) over a
// 5,000,000-row model: rows render, the end is reachable by scrolling, the severity filter asks the
// host and redraws, the detail pane shows markup in a message as text, keyboard selection copies.
// Screenshots go to test-artifacts/webview/. Needs `npm run build` (dist/webview.js) first; the fake
// host is bundled here (it imports the server's table modules).
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { common, fakeHostBuild } from '../../esbuild.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(REPO, 'test-artifacts/webview');
const { chromium } = createRequire(path.join(REPO, 'package.json'))('playwright-core');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'];

let browser;
let page;
const errors = [];

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await esbuild.build({ ...common, ...fakeHostBuild, absWorkingDir: REPO });
  browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(path.join(REPO, 'test/webview/harness.html')).href);
});
after(async () => {
  await browser?.close();
});

/**
 * A page of its own on the harness (`query`: rows, theme, sources), its errors counted with the others';
 * `keptState`: the state VS Code gives back to a page restored after a window reload.
 */
async function openHarness(query, viewport = { width: 1000, height: 400 }, keptState = undefined) {
  const p = await browser.newPage({ viewport });
  p.on('pageerror', (e) => errors.push(String(e)));
  if (keptState !== undefined) await p.addInitScript((s) => { window.__keptState = s; }, keptState);
  await p.goto(`${pathToFileURL(path.join(REPO, 'test/webview/harness.html')).href}?${query}`);
  return p;
}

const shot = (name) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
const row = (n) => page.locator(`[role="row"][aria-rowindex="${n + 2}"]`);

test('rows render with their roles and labels', async () => {
  await row(0).waitFor();
  await page.waitForFunction(() => document.querySelector('[role="row"][aria-rowindex="2"]')?.getAttribute('aria-label')?.includes('Row 1 of the model'));
  assert.match(await row(0).getAttribute('aria-label'), /^Success, 2024-01-15 08:00:00\.000, component CcmExec, thread 1000, message Row 1 of the model: success record$/);
  assert.equal(await page.locator('[role="grid"]').getAttribute('aria-rowcount'), '5000001');
  const rendered = await page.locator('.layer [role="row"]').count();
  assert.ok(rendered > 10 && rendered < 200, `only the rows in view exist (${rendered})`);
  assert.ok((await page.locator('[role="gridcell"]').count()) > 50);
  assert.match(await page.locator('.status').textContent(), /5,000,000 rows/);
  await shot('table');
});

test('scrolling to the end shows the last row', async () => {
  const height = await page.evaluate(() => {
    const s = document.querySelector('.scroller');
    s.scrollTop = s.scrollHeight;
    return s.scrollHeight;
  });
  assert.ok(height < 16_000_000, `scroll space under the browser cap (${height})`);
  await page.waitForFunction(() => [...document.querySelectorAll('.layer [role="row"]')].some((r) => r.getAttribute('aria-label')?.includes('Row 5000000 of the model')), null, { timeout: 10_000 });
  const last = page.locator('[role="row"][aria-rowindex="5000001"]');
  const box = await last.boundingBox();
  const grid = await page.locator('.scroller').boundingBox();
  assert.ok(box && box.y + box.height <= grid.y + grid.height + 1 && box.y >= grid.y, 'the last row is in view');
  // Rows fetched by page, never the whole log.
  const asked = await page.evaluate(() => window.__requests.filter((r) => r.method === 'rows').map((r) => r.params.count));
  assert.ok(asked.every((c) => c <= 1000) && asked.length < 20, JSON.stringify(asked));
  await shot('table-end');
});

test('the severity filter asks the host and redraws', async () => {
  for (const s of ['information', 'warning', 'success']) await page.click(`.sev-toggle[data-severity="${s}"]`);
  await page.waitForFunction(() => window.__requests.some((r) => r.method === 'filter' && JSON.stringify(r.params.filter.severities) === '["error"]'));
  await page.waitForFunction(() => /100,000 of 5,000,000 rows/.test(document.querySelector('.status').textContent));
  // Nothing selected: the view keeps its place, the end (the last error is model row 4,999,957).
  await page.waitForFunction(() => /^Error.*Row 4999958 of the model/.test(document.querySelector('[role="row"][aria-rowindex="100001"]')?.getAttribute('aria-label') ?? ''));
  await page.evaluate(() => { document.querySelector('.scroller').scrollTop = 0; });
  await page.waitForFunction(() => document.querySelector('[role="row"][aria-rowindex="2"]')?.getAttribute('aria-label')?.startsWith('Error'));
  const labels = await page.locator('.layer [role="row"]').evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-label')));
  assert.ok(labels.length > 10 && labels.every((l) => l.startsWith('Error')), labels.slice(0, 3).join(' | '));
  assert.match(await page.locator('.sev-toggle[data-severity="error"]').textContent(), /100,000/);
  await shot('filtered');
});

test('a refused regex shows inline and the table stays usable', async () => {
  await page.selectOption('.filter-mode', 'regex');
  await page.fill('.filter-text', '(a+)+$');
  await page.press('.filter-text', 'Enter');
  await page.waitForFunction(() => /cannot run in time/.test(document.querySelector('.filter-error').textContent));
  assert.ok((await page.locator('.layer [role="row"]').count()) > 10);
  await page.fill('.filter-text', '');
  await page.press('.filter-text', 'Enter');
  await page.waitForFunction(() => document.querySelector('.filter-error').textContent === '');
});

test('the detail pane shows markup in a message as text', async () => {
  // Row 57 of the model is the second error: row 1 of the filtered view.
  await row(1).click();
  await page.waitForFunction(() => document.querySelector('.detail-message')?.textContent.includes('<img src=x onerror='));
  assert.equal(await page.locator('.detail img').count(), 0, 'no element from log text');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.match(await page.locator('.detail .markdown').textContent(), /<img src=x onerror=window\.__pwned=2>/);
  assert.equal(await page.locator('.detail .markdown strong').textContent(), 'access denied');
  await page.click('.detail .md-lookup');
  await page.waitForFunction(() => window.__posted.some((m) => m.kind === 'lookup' && m.code === '0x80070005'));
  await shot('detail');
});

test('keyboard selection, elapsed time and copy', async () => {
  await row(0).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.waitForFunction(() => [...document.querySelectorAll('.layer [role="row"][aria-selected="true"]')].map((r) => Number(r.getAttribute('aria-rowindex')) - 2).join() === '0,1,2');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex')), '4', 'the focus follows the keys');
  // Rows 7, 57, 107 of the model: 100 records of 100 ms apart = 10 s.
  await page.waitForFunction(() => document.querySelector('.elapsed').textContent === 'Elapsed 00:00:10.000');
  await page.keyboard.press('Control+c');
  await page.waitForFunction(() => typeof window.__clipboard === 'string');
  const copy = await page.evaluate(() => window.__requests.filter((r) => r.method === 'copy').at(-1).params);
  // The columns shown (one log: no Source; the UTC column hidden), for the host to write.
  assert.deepEqual(copy, { ranges: [{ start: 0, end: 3 }], as: 'tsv', columns: ['severity', 'time', 'component', 'thread', 'message'] });
  const lines = (await page.evaluate(() => window.__clipboard)).split('\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[0], '2024-01-15 08:00:00.700\tDataTransferService\t1000\tRow 8 of the model: error record');
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-rowindex') === '100001');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__posted.some((m) => m.kind === 'openInEditor' && m.line === 4_999_957));
  await shot('selection');
  assert.deepEqual(errors, []);
});

test('columns hide from the columns menu and resize by dragging the header edge', async () => {
  const visible = () => page.locator('.layer [role="row"] .c-thread').first().isVisible();
  assert.equal(await visible(), true);
  await page.click('button[aria-label="Columns"]');
  await page.click('[role="menuitemcheckbox"]:has-text("Thread")');
  assert.equal(await visible(), false);
  // Found and measured in one task: the grid draws its rows anew each frame, so an element a
  // locator found may be gone (measuring 0) by the time it is measured.
  const width = () => page.evaluate(() => document.querySelector('.layer [role="row"] .c-time').getBoundingClientRect().width);
  const before = await width();
  const edge = await page.locator('.resizers .c-time .resizer').boundingBox();
  await page.mouse.move(edge.x + 2, edge.y + 5);
  await page.mouse.down();
  await page.mouse.move(edge.x + 52, edge.y + 5, { steps: 4 });
  await page.mouse.up();
  assert.equal(Math.round(await width() - before), 50);
  await page.focus('[role="separator"][aria-label="Resize the Time column"]');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ArrowRight');
  assert.equal(Math.round(await width() - before), 10, 'the keyboard resizes too');
  await shot('columns');
});

test('a merge copies the columns it shows, Source included, in their order; a hidden one is left out; raw lines ask none', async () => {
  // (The harness's utcColumn setting is off: the UTC column is hidden.)
  const p = await openHarness('rows=100&sources=2', { width: 1100, height: 400 });
  await p.locator('[role="row"][aria-rowindex="2"]').click();
  await p.keyboard.press('Shift+ArrowDown');
  const copied = async (keys) => {
    const n = await p.evaluate(() => window.__requests.filter((r) => r.method === 'copy').length);
    await p.keyboard.press(keys);
    await p.waitForFunction((k) => window.__requests.filter((r) => r.method === 'copy').length > k, n);
    return p.evaluate(() => window.__requests.filter((r) => r.method === 'copy').at(-1).params);
  };
  assert.deepEqual(await copied('Control+c'), { ranges: [{ start: 0, end: 2 }], as: 'tsv', columns: ['severity', 'time', 'source', 'component', 'thread', 'message'] });
  await p.click('button[aria-label="Columns"]');
  await p.click('[role="menuitemcheckbox"]:has-text("Component")');
  await p.locator('[role="row"][aria-rowindex="2"]').click();
  assert.deepEqual((await copied('Control+c')).columns, ['severity', 'time', 'source', 'thread', 'message']);
  assert.deepEqual(await copied('Control+Shift+c'), { ranges: [{ start: 0, end: 1 }], as: 'raw' });
  await p.close();
});

test('a double-click on a column\'s edge fits it to its widest drawn cell; a wider Source leaves the message on screen', async () => {
  const p = await openHarness('rows=100&sources=2', { width: 1100, height: 400 });
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-rowindex="2"] .c-source')?.textContent);
  // Measured in one task each: the grid draws its rows anew each frame.
  const source = () => p.evaluate(() => {
    const cells = [...document.querySelectorAll('.layer .c-source')];
    return { width: cells[0].getBoundingClientRect().width, cut: cells.filter((c) => c.scrollWidth > c.clientWidth).length, n: cells.length };
  });
  const edge = p.locator('.resizers .c-source .resizer');
  // Dragged narrow, the labels are cut; the double-click fits the widest ("PC042 › CcmExec.log").
  const box = await edge.boundingBox();
  await p.mouse.move(box.x + 2, box.y + 5);
  await p.mouse.down();
  await p.mouse.move(box.x - 150, box.y + 5, { steps: 4 });
  await p.mouse.up();
  assert.ok((await source()).cut > 0, 'narrowed: labels cut');
  await edge.dblclick();
  await p.waitForFunction(() => [...document.querySelectorAll('.layer .c-source')].every((c) => c.scrollWidth <= c.clientWidth));
  const fitted = await source();
  assert.ok(fitted.n > 5 && fitted.cut === 0, JSON.stringify(fitted));
  assert.ok(fitted.width < 220, `fitted to the labels, not the default width (${fitted.width})`);
  const saved = await p.evaluate(() => window.__savedState.columns.widths.source);
  assert.equal(saved, Math.round(fitted.width), 'kept as a drag keeps it');
  // Widened by 100 px: the message takes what is left (above its minimum), in view, no sideways scroll.
  const box2 = await edge.boundingBox();
  await p.mouse.move(box2.x + 2, box2.y + 5);
  await p.mouse.down();
  await p.mouse.move(box2.x + 102, box2.y + 5, { steps: 4 });
  await p.mouse.up();
  const fit = await p.evaluate(() => {
    const m = document.querySelector('.layer [role="row"] .c-message').getBoundingClientRect();
    const s = document.querySelector('.scroller');
    return { right: m.right, width: m.width, view: s.getBoundingClientRect().right, sideways: s.scrollWidth > s.clientWidth };
  });
  assert.ok(fit.right <= fit.view && !fit.sideways && fit.width >= 200, JSON.stringify(fit));
  await p.close();
});

test('live: appended rows grow the table and the end stays in view while following; paused it does not move; a reset drops the rows', async () => {
  const live = await openHarness('rows=1000', { width: 1000, height: 500 });
  await live.locator('[role="row"][aria-rowindex="2"]').waitFor();
  const shows = (n) => live.waitForFunction((n) => [...document.querySelectorAll('.layer [role="row"]')].some((r) => r.getAttribute('aria-label')?.includes(`Row ${n} of the model`)), n);
  await live.click('button.follow');
  await live.waitForFunction(() => window.__requests.some((r) => r.method === 'follow' && r.params.follow === true));
  await live.evaluate(() => window.__grow(500));
  await shows(1500);
  await live.waitForFunction(() => /^1,500 rows/.test(document.querySelector('.status').textContent));
  await live.click('button.follow');
  await live.waitForFunction(() => window.__requests.some((r) => r.method === 'follow' && r.params.follow === false));
  await live.evaluate(() => window.__grow(500));
  await live.waitForFunction(() => /^2,000 rows/.test(document.querySelector('.status').textContent));
  assert.equal(await live.locator('[role="row"][aria-rowindex="2001"]').count(), 0, 'paused: the view stays');
  await live.evaluate(() => window.__grow(100, true));
  await live.waitForFunction(() => /^100 rows/.test(document.querySelector('.status').textContent));
  // The host's forwarded command: next error from the top is model row 7.
  await live.keyboard.press('Home');
  await live.evaluate(() => window.__send({ kind: 'command', command: 'nextError' }));
  await live.waitForFunction(() => document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex') === '9');
  await live.screenshot({ path: path.join(ARTIFACTS, 'live.png') });
  await live.close();
  assert.deepEqual(errors, []);
});

test('find (ctrl+f, Enter), go to time, highlight rules, include a component from its cell', async () => {
  await page.locator('.layer [role="row"].focused').click();
  await page.keyboard.press('Home');
  await row(0).click();
  await page.keyboard.press('Control+f');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'find');
  await page.keyboard.type('Row 4958 of');
  await page.keyboard.press('Enter');
  // Model row 4957 is the 100th error: row 99 of the filtered view.
  await page.waitForFunction(() => document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex') === '101');
  await page.fill('.goto', '08:00:10');
  await page.press('.goto', 'Enter');
  // 08:00:10 is model row 100; the first error at or after it is model row 107, row 2 of the view.
  await page.waitForFunction(() => document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex') === '4');
  // A time of day, with the selected row (row 99 of the view) as the reference for its day.
  assert.deepEqual(await page.evaluate(() => window.__requests.filter((r) => r.method === 'gotoTime').at(-1).params), { timeOfDay: (8 * 3600 + 10) * 1000, row: 99 });

  await page.click('button[aria-label="Highlight rules"]');
  await page.keyboard.type('Row 208 ');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('.layer [role="row"][aria-rowindex="6"]')?.classList.contains('hl-0'));
  assert.deepEqual(await page.evaluate(() => window.__requests.filter((r) => r.method === 'rows').at(-1).params.highlights), [{ text: 'Row 208 ' }]);
  assert.equal(await page.locator('.layer [role="row"].hl-0').count(), 1);

  await page.locator('[role="row"][aria-rowindex="3"] .c-component').click({ button: 'right' });
  const first = page.locator('[role="menu"] [role="menuitem"]').first();
  assert.equal(await first.textContent(), 'Only component CcmExec');
  await shot('row-menu');
  await first.click();
  await page.waitForFunction(() => JSON.stringify(window.__requests.filter((r) => r.method === 'filter').at(-1).params.filter.components) === '{"include":["CcmExec"]}');
  assert.match(await page.locator('.chips').textContent(), /component CcmExec/);
});

test('Light+: warnings are the theme\'s warning colour, not the error colour', async () => {
  const light = await openHarness('rows=100&theme=light', { width: 1000, height: 400 });
  await light.locator('.layer .row.sev-warning').first().waitFor();
  // Found and read in one task (rows are drawn anew each frame).
  const colour = (sel) => light.evaluate((q) => getComputedStyle(document.querySelector(q)).color, sel);
  assert.equal(await colour('.layer .row.sev-warning .codicon'), 'rgb(191, 136, 3)');
  assert.equal(await colour('.layer .row.sev-error .codicon'), 'rgb(229, 20, 0)');
  assert.notEqual(await colour('.layer .row.sev-warning .c-message'), await colour('.layer .row.sev-error .c-message'));
  await light.screenshot({ path: path.join(ARTIFACTS, 'light.png') });
  await light.close();
});

test('the focused row shows the focus border, selected or not', async () => {
  await page.focus('.scroller');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.activeElement?.classList.contains('focused') && document.activeElement.getAttribute('aria-selected') === 'true');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineColor);
  assert.equal(outline, 'rgb(0, 127, 212)', 'the theme\'s focus border');
});

test('a merge of two machines filters by machine: the Machines picker counts each and sends the logs it keeps', async () => {
  const merge = await openHarness('rows=100&sources=2', { width: 1100, height: 400 });
  await merge.waitForFunction(() => document.querySelectorAll('.layer [role="row"]').length > 2);
  const pickers = await merge.locator('.filter-bar .picker').allTextContents();
  assert.deepEqual(pickers, ['Components ▾', 'Threads ▾', 'Machines ▾', 'Logs ▾']);
  await merge.locator('.filter-bar .picker', { hasText: 'Machines' }).click();
  const items = await merge.locator('.picker-item').evaluateAll((li) => li.map((x) => [x.querySelector('.picker-name').textContent, x.querySelector('.picker-count').textContent]));
  assert.deepEqual(items.map(([n]) => n).sort(), ['PC042', 'SITE01']);
  assert.ok(items.every(([, c]) => c === '50'), JSON.stringify(items));
  await merge.getByRole('button', { name: 'Include PC042' }).click();
  await merge.waitForFunction(() => window.__requests.some((r) => r.method === 'filter' && JSON.stringify(r.params.filter.sources) === '["file:///client/CcmExec.log"]'));
  assert.match(await merge.locator('.chips').textContent(), /machine PC042/);
  await merge.close();
});

test('a merge narrowed to one machine: the severity counts and the Components picker count its log only, and say so', async () => {
  // Row i is log i % 2's: SITE01 has the even rows (no error, no warning), PC042 the odd ones.
  const merge = await openHarness('rows=100&sources=2', { width: 1100, height: 400 });
  const count = (s) => merge.locator(`.sev-toggle[data-severity="${s}"] .count`).textContent();
  const facetsAsked = () => merge.evaluate(() => window.__requests.filter((r) => r.method === 'facets').map((r) => r.params.sources ?? null));
  await merge.waitForFunction(() => document.querySelector('.sev-toggle[data-severity="error"] .count')?.textContent === '2');
  assert.equal(await count('warning'), '10');
  assert.doesNotMatch(await merge.locator('.sev-toggle[data-severity="error"]').getAttribute('title'), /picked/, 'every log: nothing to say');

  await merge.locator('.filter-bar .picker', { hasText: 'Machines' }).click();
  await merge.getByRole('button', { name: 'Include SITE01' }).click();
  await merge.keyboard.press('Escape');
  await merge.waitForFunction(() => document.querySelector('.sev-toggle[data-severity="error"] .count')?.textContent === '0');
  assert.deepEqual([await count('warning'), await count('success'), await count('information')], ['0', '1', '49']);
  assert.match(await merge.locator('.sev-toggle[data-severity="error"]').getAttribute('title'), /in the log picked/);
  assert.deepEqual((await facetsAsked()).at(-1), ['file:///logs/CAS.log']);

  await merge.locator('.filter-bar .picker', { hasText: 'Components' }).click();
  const items = await merge.locator('.picker-item').evaluateAll((li) => li.map((x) => [x.querySelector('.picker-name').textContent, x.querySelector('.picker-count').textContent]));
  assert.deepEqual(items, [['CcmExec', '17'], ['ContentAccess', '17'], ['DataTransferService', '16']]);
  assert.equal(await merge.locator('.picker-scope').textContent(), 'Counts in the log picked');
  await merge.keyboard.press('Escape');

  // Another filter leaves the facets alone: they are asked again only when the logs picked change.
  const asked = (await facetsAsked()).length;
  await merge.click('.sev-toggle[data-severity="information"]');
  await merge.waitForFunction(() => window.__requests.filter((r) => r.method === 'filter').at(-1)?.params.filter.severities?.length === 3);
  assert.equal((await facetsAsked()).length, asked);

  // The pick removed: every log's counts again.
  await merge.getByRole('button', { name: 'Remove filter machine SITE01' }).click();
  await merge.waitForFunction(() => document.querySelector('.sev-toggle[data-severity="error"] .count')?.textContent === '2');
  assert.equal((await facetsAsked()).at(-1), null);
  await merge.close();
  assert.deepEqual(errors, []);
});

test('one log has no Machines or Logs picker', async () => {
  const pickers = await page.locator('.filter-bar .picker').allTextContents();
  assert.deepEqual(pickers, ['Components ▾', 'Threads ▾']);
});

test('a merge shows a source column with a colour per log and the machine', async () => {
  const merge = await openHarness('rows=100&sources=2', { width: 1100, height: 300 });
  await merge.waitForFunction(() => document.querySelectorAll('.layer [role="row"] .c-source .swatch').length > 2);
  const cells = await merge.locator('.layer [role="row"] .c-source').evaluateAll((cs) => cs.slice(0, 2).map((c) => [c.textContent, c.querySelector('.swatch').className, getComputedStyle(c.querySelector('.swatch')).backgroundColor]));
  assert.equal(cells[0][0], 'SITE01 › CAS.log');
  assert.equal(cells[1][0], 'PC042 › CcmExec.log');
  assert.notEqual(cells[0][2], cells[1][2], 'one colour per log');
  assert.match(await merge.locator('[role="row"][aria-rowindex="3"]').getAttribute('aria-label'), /source PC042 › CcmExec\.log/);
  await merge.screenshot({ path: path.join(ARTIFACTS, 'merge.png') });
  await merge.close();
});

test('a second init (the language server restarted) gets the page\'s filter, facets and pause again', async () => {
  const p = await openHarness('rows=100', { width: 1000, height: 400 });
  await p.locator('.layer [role="row"]').first().waitFor();
  for (const s of ['information', 'success']) await p.click(`.sev-toggle[data-severity="${s}"]`);
  // Errors and warnings: rows 7, 57 and every tenth from 3.
  await p.waitForFunction(() => /^12 of 100 rows/.test(document.querySelector('.status').textContent));
  const filter = await p.evaluate(() => window.__requests.filter((r) => r.method === 'filter').at(-1).params.filter);
  assert.deepEqual([...filter.severities].sort(), ['error', 'warning']);
  assert.equal(await p.locator('button.follow').getAttribute('aria-pressed'), 'false', 'the harness opens paused');
  // The new table is unfiltered and following (whatever the host's options say).
  const reinit = () => p.evaluate(() => {
    window.__requests.length = 0;
    window.__send({ kind: 'init', table: { tableId: 't2', version: 90, rows: 100, total: 100, reading: false, sources: [{ uri: 'file:///logs/CAS.log', name: 'CAS.log', machine: 'SITE01', label: 'CAS.log', color: 0 }], notes: [] }, options: { utcColumn: false, follow: true } });
  });
  const asked = () => p.waitForFunction(() => ['filter', 'facets'].every((m) => window.__requests.some((r) => r.method === m)));
  await reinit();
  await asked();
  const again = await p.evaluate(() => window.__requests);
  assert.deepEqual(again.find((r) => r.method === 'filter').params.filter, filter);
  assert.deepEqual(again.filter((r) => r.method === 'follow').map((r) => r.params), [{ follow: false }]);
  await p.waitForFunction(() => /^12 of 100 rows/.test(document.querySelector('.status').textContent));
  // Following: a restart needs no pause.
  await p.click('button.follow');
  await p.waitForFunction(() => window.__requests.some((r) => r.method === 'follow' && r.params.follow === true));
  await reinit();
  await asked();
  assert.deepEqual(await p.evaluate(() => window.__requests.filter((r) => r.method === 'follow')), []);
  await p.close();
  assert.deepEqual(errors, []);
});

test('plain-text highlight rules: sent as text, each row coloured by its rule\'s slot, which stays when an earlier rule goes', async () => {
  const p = await openHarness('rows=100', { width: 1000, height: 500 });
  await p.locator('.layer [role="row"]').first().waitFor();
  await p.click('button[aria-label="Highlight rules"]');
  // The regex box is left unticked: the rules go as text.
  for (const t of ['Row 3 of', 'Row 5 of the model: information record']) {
    await p.keyboard.type(t);
    await p.keyboard.press('Enter');
  }
  await p.keyboard.press('Escape');
  const wire = () => p.evaluate(() => window.__requests.filter((r) => r.method === 'rows').at(-1).params.highlights);
  await p.waitForFunction(() => window.__requests.filter((r) => r.method === 'rows').at(-1).params.highlights.length === 2);
  assert.deepEqual(await wire(), [{ text: 'Row 3 of' }, { text: 'Row 5 of the model: information record' }]);
  const classes = () => p.locator('.layer [role="row"]').evaluateAll((rs) => rs.map((r) => [r.getAttribute('aria-rowindex'), [...r.classList].filter((c) => c.startsWith('hl-')).join(' ')]).filter(([, c]) => c));
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-rowindex="6"]')?.classList.contains('hl-1'));
  assert.deepEqual(await classes(), [['4', 'hl-0'], ['6', 'hl-1']]);
  // The first rule goes: the second keeps its colour though it is now rule 0 on the wire.
  await p.click('button[aria-label="Highlight rules"]');
  await p.locator('.highlight-box button[aria-label="Remove highlight"]').first().click();
  await p.keyboard.press('Escape');
  await p.waitForFunction(() => window.__requests.filter((r) => r.method === 'rows').at(-1).params.highlights.length === 1);
  assert.deepEqual(await wire(), [{ text: 'Row 5 of the model: information record' }]);
  // Drawn again (a row still loading has no colour either): row 6 keeps its rule's colour.
  await p.waitForFunction(() => !document.querySelector('.layer [role="row"][aria-rowindex="4"]')?.className.includes('hl-') &&
    document.querySelector('.layer [role="row"][aria-rowindex="6"]')?.classList.contains('hl-1'));
  assert.deepEqual(await classes(), [['6', 'hl-1']]);
  await p.close();
  assert.deepEqual(errors, []);
});

test('the hidden UTC column is not formatted; shown from the columns menu, its cells are drawn', async () => {
  const p = await openHarness('rows=100', { width: 1000, height: 400 });
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-rowindex="2"]')?.getAttribute('aria-label')?.includes('Row 1 of'));
  const utcText = () => p.locator('.layer [role="row"] .c-utc').evaluateAll((cs) => cs.map((c) => c.textContent).filter(Boolean));
  assert.deepEqual(await utcText(), [], 'the harness opens with the UTC column hidden: nothing formatted for it');
  await p.click('button[aria-label="Columns"]');
  await p.click('[role="menuitemcheckbox"]:has-text("UTC")');
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-rowindex="2"] .c-utc')?.textContent === '2024-01-15 08:00:00.000');
  assert.equal(await p.locator('.layer [role="row"][aria-rowindex="2"] .c-utc').isVisible(), true);
  await p.close();
  assert.deepEqual(errors, []);
});

test('a rows answer computed with the old highlights is not painted after the highlights changed', async () => {
  const p = await openHarness('rows=100', { width: 1000, height: 500 });
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-rowindex="4"]')?.getAttribute('aria-label')?.includes('Row 3 of'));
  await p.evaluate(() => { window.__holdRows = true; });
  await p.click('button[aria-label="Highlight rules"]');
  await p.keyboard.type('Row 3 of');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => window.__heldRows.length === 1);
  await p.locator('.highlight-box button[aria-label="Remove highlight"]').first().click();
  await p.keyboard.press('Escape');
  await p.waitForFunction(() => window.__heldRows.length === 2);
  assert.deepEqual(await p.evaluate(() => window.__heldRows.map((h) => h.params.highlights)), [[{ text: 'Row 3 of' }], []]);
  // The answer for the removed rule arrives late: the row it colours must stay loading.
  await p.evaluate(() => window.__releaseRows(0));
  const row4 = () => p.locator('.layer [role="row"][aria-rowindex="4"]').evaluate((r) => r.className);
  assert.doesNotMatch(await row4(), /hl-/, 'the old highlights are not painted');
  assert.match(await row4(), /loading/);
  await p.evaluate(() => { window.__holdRows = false; return window.__releaseRows(0); });
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-rowindex="4"]')?.getAttribute('aria-label')?.includes('Row 3 of'));
  assert.equal(await p.locator('.layer [role="row"][class*="hl-"]').count(), 0);
  await p.close();
  assert.deepEqual(errors, []);
});

test('go to time with nothing selected: the first row in view is the reference for the typed time\'s day', async () => {
  const p = await openHarness('rows=1000', { width: 1000, height: 400 });
  await p.locator('.layer [role="row"][aria-rowindex="2"]').waitFor();
  const box = await p.locator('.scroller').boundingBox();
  await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await p.mouse.wheel(0, 2000);
  await p.waitForFunction(() => [...document.querySelectorAll('.layer [role="row"]')].some((r) => Number(r.getAttribute('aria-rowindex')) > 60));
  // The row at the top edge of the rows' area, as drawn.
  const top = await p.evaluate(() => {
    const edge = document.querySelector('.layer').getBoundingClientRect().top;
    const r = [...document.querySelectorAll('.layer [role="row"]')].find((x) => { const b = x.getBoundingClientRect(); return b.top <= edge + 1 && b.bottom > edge + 1; });
    return Number(r.getAttribute('aria-rowindex')) - 2;
  });
  assert.ok(top > 40, `scrolled: row ${top} at the top`);
  assert.equal(await p.locator('.layer [role="row"][aria-selected="true"]').count(), 0, 'nothing selected');
  await p.fill('.goto', '08:00:10');
  await p.press('.goto', 'Enter');
  await p.waitForFunction(() => window.__requests.some((r) => r.method === 'gotoTime'));
  assert.deepEqual(await p.evaluate(() => window.__requests.filter((r) => r.method === 'gotoTime').at(-1).params), { timeOfDay: (8 * 3600 + 10) * 1000, row: top });
  await p.close();
  assert.deepEqual(errors, []);
});

test('a log that could not be read: the page says so, its name shown as text; gone once the table is opened again and read', async () => {
  const p = await openHarness('rows=10', { width: 1000, height: 400 });
  await p.locator('.layer [role="row"]').first().waitFor();
  assert.equal(await p.locator('.read-error').isVisible(), false, 'nothing to say yet');
  const error = 'Far <img src=x onerror=window.__pwned=3>.log: EIO: i/o error, read';
  await p.evaluate((error) => window.__send({ kind: 'changed', change: { tableId: 't1', version: 50, rows: 10, total: 10, reading: false, reset: false, error } }), error);
  await p.waitForFunction(() => document.querySelector('.read-error')?.textContent.includes('EIO'));
  assert.equal(await p.locator('.read-error').textContent(), `Could not read ${error}. The rows read before are shown.`);
  assert.equal(await p.locator('.read-error').isVisible(), true);
  assert.equal(await p.locator('.read-error').getAttribute('role'), 'alert');
  assert.equal(await p.locator('img').count(), 0, 'no element from a file name');
  assert.equal(await p.evaluate(() => window.__pwned), undefined);
  assert.doesNotMatch(await p.locator('.status').textContent(), /reading/);
  // Nothing more will come: the follow control says so rather than "Live" or "Paused".
  assert.equal((await p.locator('button.follow').textContent()).trim(), 'Stopped');
  assert.equal(await p.locator('button.follow').isDisabled(), true);
  await p.screenshot({ path: path.join(ARTIFACTS, 'read-error.png') });
  // The host opened the table again (a server restart): the new table read its log.
  await p.evaluate(() => window.__send({ kind: 'init', table: { tableId: 't2', version: 90, rows: 10, total: 10, reading: false, sources: [{ uri: 'file:///logs/CAS.log', name: 'CAS.log', machine: 'SITE01', label: 'CAS.log', color: 0 }], notes: [] }, options: { utcColumn: false, follow: false } }));
  await p.waitForFunction(() => document.querySelector('.read-error')?.hidden === true);
  assert.equal((await p.locator('button.follow').textContent()).trim(), 'Paused');
  assert.equal(await p.locator('button.follow').isDisabled(), false);
  // A log that could not be read at all: no rows read before to speak of.
  await p.evaluate(() => window.__send({ kind: 'changed', change: { tableId: 't2', version: 91, rows: 0, total: 0, reading: false, reset: true, error: 'Gone.log: no such file or folder' } }));
  await p.waitForFunction(() => document.querySelector('.read-error')?.textContent.includes('Gone.log'));
  assert.equal(await p.locator('.read-error').textContent(), 'Could not read Gone.log: no such file or folder.');
  await p.close();
  assert.deepEqual(errors, []);
});

test('a time-range chip from a row shows the row\'s own time, as the row does; the filter gets its UTC', async () => {
  // A log 5 hours behind UTC: row 3 shows 03:00:00.300, its UTC is 08:00:00.300.
  const p = await openHarness('rows=100&wall=-300', { width: 1000, height: 400 });
  const cell = p.locator('[role="row"][aria-rowindex="5"] .c-time');
  await p.waitForFunction(() => document.querySelector('[role="row"][aria-rowindex="5"] .c-time')?.textContent === '2024-01-15 03:00:00.300');
  for (const [item, word] of [['Show from here', 'from'], ['Show up to here', 'to']]) {
    await cell.click({ button: 'right' });
    await p.click(`[role="menu"] [role="menuitem"]:has-text("${item}")`);
    await p.waitForFunction((w) => window.__requests.filter((r) => r.method === 'filter').at(-1)?.params.filter[w] !== undefined, word);
    assert.equal(await p.evaluate((w) => window.__requests.filter((r) => r.method === 'filter').at(-1).params.filter[w], word), Date.UTC(2024, 0, 15, 8, 0, 0, 300));
  }
  const chips = await p.locator('.chips .chip').evaluateAll((cs) => cs.map((c) => [c.firstChild.textContent, c.title]));
  assert.deepEqual(chips, [
    ['from 2024-01-15 03:00:00.300', 'UTC 2024-01-15 08:00:00.300'],
    ['to 2024-01-15 03:00:00.300', 'UTC 2024-01-15 08:00:00.300'],
  ]);
  await p.close();
  assert.deepEqual(errors, []);
});

test('status updates (selection moves, rows appended) redraw the follow button and the read-error line only when their state changes', async () => {
  const p = await openHarness('rows=100', { width: 1000, height: 400 });
  await p.locator('.layer [role="row"]').first().waitFor();
  // Every change to the two elements (their children, text, attributes) is counted.
  await p.evaluate(() => {
    window.__redraws = { follow: 0, readError: 0 };
    const watch = (sel, key) => new MutationObserver((ms) => { window.__redraws[key] += ms.length; })
      .observe(document.querySelector(sel), { childList: true, subtree: true, characterData: true, attributes: true });
    watch('button.follow', 'follow');
    watch('.read-error', 'readError');
  });
  await p.locator('[role="row"][aria-rowindex="3"]').click();
  for (let i = 0; i < 5; i++) await p.keyboard.press('ArrowDown');
  await p.evaluate(() => window.__grow(10));
  await p.waitForFunction(() => /^110 rows/.test(document.querySelector('.status').textContent));
  await p.waitForFunction(() => document.querySelector('[role="row"].focused')?.getAttribute('aria-rowindex') === '8');
  assert.deepEqual(await p.evaluate(() => window.__redraws), { follow: 0, readError: 0 }, 'nothing changed: nothing redrawn');
  // Its state changes: redrawn once.
  await p.locator('button.follow').click();
  await p.waitForFunction(() => document.querySelector('button.follow').textContent.trim() === 'Live');
  const follow = await p.evaluate(() => window.__redraws.follow);
  assert.ok(follow > 0);
  await p.keyboard.press('ArrowDown');
  await p.evaluate(() => window.__grow(1));
  await p.waitForFunction(() => /^111 rows/.test(document.querySelector('.status').textContent));
  assert.equal(await p.evaluate(() => window.__redraws.follow), follow, 'live, still live: not redrawn');
  await p.close();
  assert.deepEqual(errors, []);
});

test('the page saves its table\'s logs in its state (VS Code gives it back to restore a merge tab after a reload)', async () => {
  const p = await openHarness('rows=100&sources=2', { width: 1000, height: 400 });
  await p.locator('.layer [role="row"]').first().waitFor();
  assert.deepEqual(await p.evaluate(() => window.__savedState?.uris), ['file:///logs/CAS.log', 'file:///client/CcmExec.log']);
  await p.close();
  assert.deepEqual(errors, []);
});

/** Every text node and attribute of the page that holds a control or format character (tab and line breaks aside). */
const liveControls = (p) => p.evaluate(() => {
  const bad = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
  const found = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n = walk.currentNode; n; n = walk.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) { if (bad.test(n.data)) found.push(`text ${JSON.stringify(n.data)}`); continue; }
    for (const a of n.attributes) if (bad.test(a.value)) found.push(`${n.tagName} ${a.name}=${JSON.stringify(a.value)}`);
  }
  return found;
});

test('bidi overrides and ANSI escapes in log text and names are shown as escapes everywhere; copy keeps them raw', async () => {
  const p = await openHarness('rows=100&sources=2&hostile=1', { width: 1200, height: 700 });
  const first = p.locator('[role="row"][aria-rowindex="2"]');
  await first.locator('.c-message').waitFor();
  assert.equal(await first.locator('.c-message').textContent(), 'text \\u202eevil\\u202c error \\x1b[31mRED\\x1b[0m');
  assert.match(await first.locator('.c-source').textContent(), /^PC\\u202e1 › \\u202eCAS\.log$/);
  await first.click();
  await p.waitForFunction(() => document.querySelector('.same-moment .sm-message')?.textContent.includes('evil'));
  assert.equal(await p.locator('.detail-message').textContent(), 'text \\u202eevil\\u202c error \\x1b[31mRED\\x1b[0m\nsecond line of the record');
  // A chip from the row's component, and the component picker's list.
  await first.locator('.c-component').click({ button: 'right' });
  await p.locator('[role="menu"] [role="menuitem"]').first().click();
  await p.waitForFunction(() => document.querySelector('.chips')?.textContent.includes('component Comp'));
  assert.match(await p.locator('.chips').textContent(), /component Comp\\u202eonent/);
  await p.click('.picker');
  await p.locator('.picker-list .picker-name').first().waitFor();
  assert.deepEqual(await liveControls(p), []);
  // Copy asks the host for the rows: the clipboard gets the log's own characters.
  await first.click();
  await p.keyboard.press('Control+c');
  await p.waitForFunction(() => typeof window.__clipboard === 'string');
  assert.ok((await p.evaluate(() => window.__clipboard)).includes('text \u202Eevil\u202C error \x1b[31m'));
  await p.screenshot({ path: path.join(ARTIFACTS, 'hostile.png') });
  await p.close();
});

test('find wraps past the end to the top (and past the top to the end) and says so; a text nowhere says that', async () => {
  const p = await openHarness('rows=1000', { width: 1000, height: 400 });
  const selected = () => p.evaluate(() => document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex'));
  await p.locator('[role="row"][aria-rowindex="2"]').waitFor();
  await p.fill('.goto', '08:00:50');
  await p.press('.goto', 'Enter');
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex') === '502');
  await p.fill('.find', 'Row 10 of');
  await p.press('.find', 'Enter');
  // Model row 9 (aria row 11): only before the selected row 500.
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex') === '11');
  assert.equal(await p.locator('.status').textContent(), 'Reached the end: "Row 10 of" found from the top.');
  await p.fill('.find', 'Row 900 of');
  await p.press('.find', 'Shift+Enter');
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex') === '901');
  assert.equal(await p.locator('.status').textContent(), 'Reached the top: "Row 900 of" found from the end.');
  await p.fill('.find', 'no such text');
  await p.press('.find', 'Enter');
  await p.waitForFunction(() => /^No "no such text" in the table\.$/.test(document.querySelector('.status').textContent));
  assert.equal(await selected(), '901', 'the selection stays');
  await p.close();
});

test('go to time in a merge showing UTC reads the time as UTC and says so; a far landing is said in the page line', async () => {
  const p = await openHarness('rows=1000&sources=2&utc=1&wall=-300', { width: 1200, height: 400 });
  await p.locator('[role="row"][aria-rowindex="2"]').waitFor();
  assert.equal(await p.getAttribute('.goto', 'placeholder'), 'Go to time (UTC)');
  assert.match(await p.getAttribute('.goto', 'title'), /in UTC/);
  const goto = async (text) => {
    const before = await p.evaluate(() => window.__requests.filter((r) => r.method === 'gotoTime').length);
    await p.fill('.goto', text);
    await p.press('.goto', 'Enter');
    await p.waitForFunction((n) => window.__requests.filter((r) => r.method === 'gotoTime').length > n, before);
    return p.evaluate(() => window.__requests.filter((r) => r.method === 'gotoTime').at(-1).params);
  };
  // Rows show a wall clock 5 hours behind UTC (03:00): 08:00:50 typed is UTC, on the reference row's UTC day (the server's to work out).
  assert.deepEqual(await goto('08:00:50'), { timeOfDay: (8 * 3600 + 50) * 1000, row: 0, clock: 'utc' });
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex') === '502');
  assert.deepEqual(await goto('2024-01-15 07:00'), { utc: Date.UTC(2024, 0, 15, 7, 0) });
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex') === '2');
  assert.equal(await p.locator('.status').textContent(), 'No row at 2024-01-15 07:00 UTC; nearest after it: 2024-01-15 08:00:00.000 UTC (1 hour later).');
  await goto('2024-01-16 08:00');
  await p.waitForFunction(() => document.querySelector('.status').textContent === 'No row at or after 2024-01-16 08:00 UTC.');
  // Hiding the UTC column: the box reads the log's own clock again.
  await p.click('button[aria-label="Columns"]');
  await p.locator('[role="menu"] [role="menuitemcheckbox"]', { hasText: 'UTC' }).click();
  assert.equal(await p.getAttribute('.goto', 'placeholder'), 'Go to time');
  assert.match(await p.getAttribute('.goto', 'title'), /log's own clock/);
  assert.deepEqual(await goto('08:00:50'), { timeOfDay: (8 * 3600 + 50) * 1000, row: 0 });
  await p.close();
});

test('"Open in text editor" in a merge opens the selected row\'s log at its line; with no row selected it asks the host', async () => {
  const p = await openHarness('rows=100&sources=2', { width: 1000, height: 400 });
  await p.locator('[role="row"][aria-rowindex="2"]').waitFor();
  await p.evaluate(() => window.__send({ kind: 'command', command: 'openInTextEditor' }));
  await p.waitForFunction(() => window.__posted.some((m) => m.kind === 'openLogInEditor'));
  // Model row 5 comes from the second log (row i from log i % 2), at line 5.
  await p.locator('[role="row"][aria-rowindex="7"]').click();
  await p.evaluate(() => window.__send({ kind: 'command', command: 'openInTextEditor' }));
  await p.waitForFunction(() => window.__posted.some((m) => m.kind === 'openInEditor'));
  assert.deepEqual(await p.evaluate(() => window.__posted.filter((m) => m.kind === 'openInEditor')), [{ kind: 'openInEditor', uri: 'file:///client/CcmExec.log', line: 5 }]);
  assert.equal(await p.evaluate(() => window.__posted.filter((m) => m.kind === 'openLogInEditor').length), 1);
  await p.close();
});

test('a page shown again takes the table as the host has it, though a change and a read error were lost while it was hidden', async () => {
  const p = await openHarness('rows=100', { width: 1000, height: 400 });
  await p.locator('[role="row"][aria-rowindex="2"]').waitFor();
  await p.evaluate(() => window.__growUnsaid(2, 'CAS.log: no such file'));
  // The page guesses nothing when it becomes visible: the host sends its state (session.shown).
  const asked = () => p.evaluate(() => window.__requests.filter((r) => r.method === 'rows').length);
  const before = await asked();
  await p.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await p.evaluate(() => window.__shown());
  await p.waitForFunction(() => /^102 rows/.test(document.querySelector('.status').textContent));
  assert.equal(await p.locator('[role="grid"]').getAttribute('aria-rowcount'), '103');
  assert.equal(await p.locator('.read-error').textContent(), 'Could not read CAS.log: no such file. The rows read before are shown.');
  assert.ok(await asked() > before, 'the reset refetched the rows');
  // The new last row is reachable: find goes to it.
  await p.fill('.find', 'Row 102 of');
  await p.press('.find', 'Enter');
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex') === '103');
  // Shown again with nothing new: the page has it all, no reset (no rows asked for again).
  const settled = await asked();
  await p.evaluate(() => window.__shown());
  assert.equal(await asked(), settled);
  assert.equal(await p.locator('.layer [role="row"][aria-selected="true"]').getAttribute('aria-rowindex'), '103');
  await p.close();
});

test('a page restored after a window reload shows the narrowing it kept at once: filter bar, rows and counts', async () => {
  const before = await openHarness('rows=100&sources=2', { width: 1100, height: 400 });
  await before.waitForFunction(() => document.querySelectorAll('.layer [role="row"]').length > 2);
  // Errors only, of one log, of one component, matching a regex.
  for (const s of ['warning', 'information', 'success']) await before.click(`.sev-toggle[data-severity="${s}"]`);
  await before.locator('.filter-bar .picker', { hasText: 'Logs' }).click();
  await before.getByRole('button', { name: 'Include PC042 › CcmExec.log' }).click();
  await before.keyboard.press('Escape');
  await before.locator('.filter-bar .picker', { hasText: 'Components' }).click();
  await before.getByRole('button', { name: 'Include DataTransferService' }).click();
  await before.keyboard.press('Escape');
  await before.selectOption('.filter-mode', 'regex');
  await before.fill('.filter-text', 'error rec[o]rd');
  await before.press('.filter-text', 'Enter');
  await before.waitForFunction(() => window.__requests.filter((r) => r.method === 'filter').at(-1).params.filter.text?.regex === 'error rec[o]rd');
  const filter = await before.evaluate(() => window.__requests.filter((r) => r.method === 'filter').at(-1).params.filter);
  // The state is saved as the filter changes, not necessarily before its request is seen: wait for it.
  await before.waitForFunction(() => window.__savedState?.filter?.text === 'error rec[o]rd');
  const kept = await before.evaluate(() => window.__savedState);
  assert.deepEqual(kept.uris, ['file:///logs/CAS.log', 'file:///client/CcmExec.log'], 'the filter is kept beside the logs');
  await before.close();

  const p = await openHarness('rows=100&sources=2', { width: 1100, height: 400 }, kept);
  await p.waitForFunction(() => document.querySelector('.status').textContent === '2 of 100 rows');
  const asked = await p.evaluate(() => window.__requests.map((r) => r.method));
  assert.deepEqual(await p.evaluate(() => window.__requests.find((r) => r.method === 'filter').params.filter), filter);
  assert.ok(asked.indexOf('filter') >= 0 && !asked.slice(0, asked.indexOf('filter')).includes('rows'), `no unfiltered row asked for: ${asked}`);
  // The rows come after the count: poll for them.
  await p.waitForFunction(() => document.querySelectorAll('.layer [role="row"]').length === 2);
  const labels = await p.locator('.layer [role="row"]').evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-label')));
  assert.ok(labels.length === 2 && labels.every((l) => l.startsWith('Error')), labels.join(' | '));
  // The bar as it was: toggles, chips, the box; the counts are the picked log's.
  const pressed = await p.locator('.sev-toggle').evaluateAll((bs) => bs.map((b) => [b.dataset.severity, b.getAttribute('aria-pressed')]));
  assert.deepEqual(pressed, [['error', 'true'], ['warning', 'false'], ['information', 'false'], ['success', 'false']]);
  assert.deepEqual(await p.locator('.chips .chip > span:first-child').allTextContents(), ['component DataTransferService', 'log PC042 › CcmExec.log']);
  assert.equal(await p.inputValue('.filter-mode'), 'regex');
  assert.equal(await p.inputValue('.filter-text'), 'error rec[o]rd');
  // Facets only ever of the picked log (asked again when reading ends, depending on timing), never of all.
  const facetSources = await p.evaluate(() => window.__requests.filter((r) => r.method === 'facets').map((r) => r.params.sources ?? null));
  assert.ok(facetSources.length >= 1, 'facets asked');
  for (const sources of facetSources) assert.deepEqual(sources, ['file:///client/CcmExec.log']);
  await p.waitForFunction(() => document.querySelector('.sev-toggle[data-severity="success"] .count')?.textContent === '1');
  assert.match(await p.locator('.sev-toggle[data-severity="error"]').getAttribute('title'), /in the log picked/);
  await p.close();

  // A kept regex is sent as a typed one: the server's time budget still refuses it, and the table stays usable.
  const slow = await openHarness('rows=100', { width: 1000, height: 400 }, { filter: { text: '(a+)+$', mode: 'regex' } });
  await slow.waitForFunction(() => /cannot run in time/.test(document.querySelector('.filter-error').textContent));
  await slow.waitForFunction(() => document.querySelector('.status').textContent === '100 rows');
  await slow.waitForFunction(() => document.querySelectorAll('.layer [role="row"]').length > 5);
  await slow.close();
  assert.deepEqual(errors, []);
});

test('an open Components list takes the new counts in place when a Logs pick changes them', async () => {
  const p = await openHarness('rows=100&sources=2', { width: 1100, height: 400 });
  await p.waitForFunction(() => document.querySelector('.sev-toggle[data-severity="error"] .count')?.textContent === '2');
  const items = () => p.locator('.picker-item').evaluateAll((li) => li.map((x) => [x.querySelector('.picker-name').textContent, x.querySelector('.picker-count').textContent]));
  // The pick's counts are slow to come (a big merge): the Components list is opened before they are.
  await p.evaluate(() => { window.__holdFacets = true; });
  await p.locator('.filter-bar .picker', { hasText: 'Logs' }).click();
  await p.getByRole('button', { name: 'Include SITE01 › CAS.log' }).click();
  await p.keyboard.press('Escape');
  await p.locator('.filter-bar .picker', { hasText: 'Components' }).click();
  assert.deepEqual(await items(), [['CcmExec', '33'], ['DataTransferService', '33'], ['ContentAccess', '33']]);
  assert.equal(await p.locator('.picker-scope').isVisible(), false, 'every log counted: nothing to say');
  await p.evaluate(() => window.__releaseFacets());
  assert.deepEqual(await items(), [['CcmExec', '17'], ['ContentAccess', '17'], ['DataTransferService', '16']]);
  assert.equal(await p.locator('.picker-scope').textContent(), 'Counts in the log picked');
  assert.equal(await p.locator('.popup[aria-label="Components"]').count(), 1, 'the list stayed open');
  await p.close();
});

// The review: the page took the pick's facets as had before asking, so a failed request left the
// previous pick's counts until the pick changed again.
test('a Logs pick whose counts failed to come is asked again at the next filter change', async () => {
  const p = await openHarness('rows=100&sources=2', { width: 1100, height: 400 });
  await p.waitForFunction(() => document.querySelector('.sev-toggle[data-severity="error"] .count')?.textContent === '2');
  await p.evaluate(() => { window.__failFacets = true; });
  await p.locator('.filter-bar .picker', { hasText: 'Logs' }).click();
  await p.getByRole('button', { name: 'Include SITE01 › CAS.log' }).click();
  await p.keyboard.press('Escape');
  await p.waitForFunction(() => window.__posted.some((m) => m.kind === 'notify' && /facets failed/.test(m.message)));
  assert.equal(await p.locator('.sev-toggle[data-severity="error"] .count').textContent(), '2', 'the counts of before: nothing came');
  await p.evaluate(() => { window.__failFacets = false; });
  // Another filter change, the same pick: its counts are asked for again (CAS.log has no error row).
  await p.click('.sev-toggle[data-severity="warning"]');
  await p.waitForFunction(() => document.querySelector('.sev-toggle[data-severity="error"] .count')?.textContent === '0');
  const asked = await p.evaluate(() => window.__requests.filter((r) => r.method === 'facets').map((r) => r.params.sources ?? null));
  assert.deepEqual(asked, [null, ['file:///logs/CAS.log'], ['file:///logs/CAS.log']]);
  await p.close();
});

test('a merge\'s banner offers the folder offset with its button: the click posts the log, names show as text, an empty banner hides', async () => {
  const plain = await openHarness('rows=100&sources=2');
  await plain.locator('[role="row"][aria-rowindex="2"]').waitFor();
  assert.equal(await plain.locator('.notes').isHidden(), true, 'no notes, no offers: no banner');
  await plain.close();

  const p = await openHarness('rows=100&sources=2&offer=1&hostile=1', { width: 1200, height: 400 });
  const banner = p.locator('.notes');
  await banner.locator('.offer').waitFor();
  assert.equal(await banner.isVisible(), true);
  // The log's machine and name (a bidi override in them) and the markup in the text, as text.
  assert.equal(await banner.locator('.offer').textContent(), 'PC\\u202e1 › \\u202eCcmExec.log <b onmouseover="window.__pwned=4">writes</b> UTC+05:30:');
  assert.equal(await banner.locator('b').count(), 0, 'no element from the offer text');
  assert.match(await banner.locator('.note').textContent(), /^\\u202eevil\.log: offset unknown$/);
  // The note and the offer set apart as the notes are (they ran together), the separator glued to
  // what follows it (a wrapped banner leaves no "·" at a line's end).
  assert.match(await banner.textContent(), /^\\u202eevil\.log: offset unknown ·\u00a0PC\\u202e1 › .* UTC\+05:30:use it for the folder$/);
  const button = banner.getByRole('button', { name: 'use it for the folder' });
  assert.match(await button.getAttribute('title'), /^Set cmlog\.folderOffsets for this folder: PC\\u202e1 › /);
  await button.click();
  await p.waitForFunction(() => window.__posted.some((m) => m.kind === 'useFolderOffset'));
  assert.deepEqual(await p.evaluate(() => window.__posted.filter((m) => m.kind === 'useFolderOffset')), [{ kind: 'useFolderOffset', uri: 'file:///client/CcmExec.log\u202E' }]);
  assert.equal(await p.evaluate(() => window.__pwned), undefined);
  // An offset setting changed: the reset's banner has nothing left to say, and the banner goes.
  await p.evaluate(() => window.__send({ kind: 'changed', change: { tableId: 't1', version: 1000, rows: 100, total: 100, reading: false, reset: true, banner: { sources: [], notes: [], offers: [] } } }));
  await p.waitForFunction(() => document.querySelector('.notes').hidden);
  assert.equal(await banner.isHidden(), true);
  assert.equal(await banner.locator('button').count(), 0);
  await p.close();
  assert.deepEqual(errors, []);
});

/** The selected row's model row (from its label), its top on screen, and the model row the detail pane shows. */
const placeOfSelection = (p) => p.evaluate(() => {
  const sel = document.querySelector('.layer [role="row"][aria-selected="true"]');
  const scroller = document.querySelector('.scroller').getBoundingClientRect();
  const modelRow = (t) => Number(/Row (\d+) of the model/.exec(t ?? '')?.[1] ?? NaN);
  return {
    row: sel ? modelRow(sel.getAttribute('aria-label')) : null,
    top: sel ? Math.round(sel.getBoundingClientRect().top - scroller.top) : null,
    inView: !!sel && sel.getBoundingClientRect().top >= scroller.top && sel.getBoundingClientRect().bottom <= scroller.bottom,
    detail: modelRow(document.querySelector('.detail-message')?.textContent),
  };
});

test('a filter keeps the selected entry selected where it was drawn; hidden by it, the nearest shown row is selected and in view', async () => {
  const p = await openHarness('rows=100000', { width: 1000, height: 500 });
  await p.locator('[role="row"][aria-rowindex="2"]').waitFor();
  // Model row 5000 (an information record) by Find: drawn at the middle of the view.
  await p.fill('.find', 'Row 5001 of');
  await p.press('.find', 'Enter');
  await p.waitForFunction(() => /Row 5001 of/.test(document.querySelector('.detail-message')?.textContent ?? ''));
  const before = await placeOfSelection(p);
  assert.equal(before.row, 5001);
  assert.ok(before.top > 100, `drawn below the top (${before.top})`);
  // Warnings hidden: row 5000 still shows, now as row 4500 of the view, at the same place.
  await p.click('.sev-toggle[data-severity="warning"]');
  await p.waitForFunction(() => /90,000 of 100,000 rows/.test(document.querySelector('.status').textContent));
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex') === String(4500 + 2));
  // The row's label comes with its data, which may arrive after the selection is drawn.
  await p.waitForFunction(() => /Row 5001 of/.test(document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-label') ?? ''));
  await p.waitForFunction(() => /Row 5001 of/.test(document.querySelector('.detail-message')?.textContent ?? ''));
  assert.deepEqual(await placeOfSelection(p), { ...before, inView: true });
  // Information hidden too: row 5000 is gone; the nearest shown is the error at model row 5007 (the success at 4947 and the error at 4957 are farther).
  await p.click('.sev-toggle[data-severity="information"]');
  await p.waitForFunction(() => /Row 5008 of/.test(document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-label') ?? ''));
  await p.waitForFunction(() => /Row 5008 of/.test(document.querySelector('.detail-message')?.textContent ?? ''));
  const after = await placeOfSelection(p);
  assert.ok(after.inView, 'the nearest row is in view');
  assert.equal(after.row, 5008);
  // Shown again: the selection (model row 5007 now) stays, and the view does not jump to the top.
  await p.click('.sev-toggle[data-severity="information"]');
  await p.click('.sev-toggle[data-severity="warning"]');
  await p.waitForFunction(() => /^100,000 rows/.test(document.querySelector('.status').textContent));
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex') === String(5007 + 2));
  assert.ok((await placeOfSelection(p)).inView);
  await p.close();
  assert.deepEqual(errors, []);
});

test('a filter keeps a selected range: the records still shown between its ends stay selected, its focus where it was', async () => {
  const p = await openHarness('rows=1000', { width: 1000, height: 700 });
  await p.locator('.layer [role="row"][aria-rowindex="2"]').waitFor();
  // Model rows 2..9 (3 is a warning, 7 an error, the rest information), focus on 9.
  await p.locator('[role="row"][aria-rowindex="4"]').click();
  await p.locator('[role="row"][aria-rowindex="11"]').click({ modifiers: ['Shift'] });
  await p.waitForFunction(() => /8 selected/.test(document.querySelector('.status').textContent));
  const before = await placeOfSelection(p);
  // The rows drawn settle after the filter's answer (the old view's rows, then loading ones, then the
  // new view's): polled, with a bound, until they are the expected ones; what was drawn last is then compared.
  const selectedNow = () => p.evaluate(() => [...document.querySelectorAll('.layer [role="row"][aria-selected="true"]')]
    .map((r) => Number(/Row (\d+) of the model/.exec(r.getAttribute('aria-label') ?? '')?.[1] ?? NaN) - 1));
  const focusedNow = () => p.evaluate(() => Number(/Row (\d+) of the model/.exec(document.querySelector('.layer [role="row"].focused')?.getAttribute('aria-label') ?? '')?.[1] ?? NaN) - 1);
  const settles = async (want, focus) => {
    await p.waitForFunction(([w, f]) => {
      const rows = [...document.querySelectorAll('.layer [role="row"][aria-selected="true"]')].map((r) => Number(/Row (\d+) of the model/.exec(r.getAttribute('aria-label') ?? '')?.[1] ?? NaN) - 1);
      const focused = Number(/Row (\d+) of the model/.exec(document.querySelector('.layer [role="row"].focused')?.getAttribute('aria-label') ?? '')?.[1] ?? NaN) - 1;
      return JSON.stringify(rows) === w && (f === null || focused === f);
    }, [JSON.stringify(want), focus], { timeout: 5000 }).catch(() => {});
    assert.deepEqual(await selectedNow(), want);
    if (focus !== null) assert.equal(await focusedNow(), focus);
  };
  await p.click('.sev-toggle[data-severity="warning"]');
  await p.waitForFunction(() => /7 selected/.test(document.querySelector('.status').textContent));
  await settles([2, 4, 5, 6, 7, 8, 9], 9);
  assert.equal((await placeOfSelection(p)).top, before.top, 'the range stays where it was drawn');
  // Information hidden too: the one error inside the range (model row 7) stays selected.
  await p.click('.sev-toggle[data-severity="information"]');
  await p.waitForFunction(() => !/selected/.test(document.querySelector('.status').textContent));
  await p.waitForFunction(() => /Row 8 of the model/.test(document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-label') ?? ''));
  await settles([7], null);
  await p.close();
  assert.deepEqual(errors, []);
});

test('a filter\'s answer or a reset never leaves the old view\'s rows drawn, selected as they were, while the status line says the new view', async () => {
  const p = await openHarness('rows=1000', { width: 1000, height: 700 });
  await p.locator('.layer [role="row"][aria-rowindex="2"]').waitFor();
  await p.locator('[role="row"][aria-rowindex="4"]').click();
  await p.locator('[role="row"][aria-rowindex="11"]').click({ modifiers: ['Shift'] });
  await p.waitForFunction(() => /8 selected/.test(document.querySelector('.status').textContent));
  await p.waitForFunction(() => /Row 9 of the model/.test(document.querySelector('.layer [role="row"][aria-rowindex="10"]')?.getAttribute('aria-label') ?? ''));
  // Whenever the status line changes to the new view's, what the grid draws at that moment (a
  // mutation observer runs before the next frame): each row drawn must be the new view's row.
  await p.evaluate(() => {
    window.__stale = [];
    window.__statusSeen = 0;
    window.__newView = / of 1,000 rows/;
    new MutationObserver(() => {
      const status = document.querySelector('.status').textContent;
      if (!window.__newView.test(status)) return;
      window.__statusSeen++;
      for (const r of document.querySelectorAll('.layer [role="row"]')) {
        const m = /Row (\d+) of the model/.exec(r.getAttribute('aria-label') ?? '');
        const row = Number(r.getAttribute('aria-rowindex')) - 2;
        if (m && Number(m[1]) - 1 !== window.__at(row)) window.__stale.push(`${status}: row ${row} drawn as model row ${Number(m[1]) - 1}${r.getAttribute('aria-selected') === 'true' ? ', selected' : ''}`);
      }
    }).observe(document.querySelector('.status'), { childList: true, characterData: true, subtree: true });
  });
  await p.click('.sev-toggle[data-severity="warning"]');
  await p.waitForFunction(() => /7 selected/.test(document.querySelector('.status').textContent));
  await p.waitForFunction(() => /Row 10 of the model/.test(document.querySelector('.layer [role="row"].focused')?.getAttribute('aria-label') ?? ''));
  assert.ok(await p.evaluate(() => window.__statusSeen) > 0, 'the status line said the filtered view');
  assert.deepEqual(await p.evaluate(() => window.__stale.slice(0, 5)), []);
  // A reset (the log truncated or rotated): its rows are asked for again; the filtered view's stay
  // drawn under the new status line neither.
  await p.evaluate(() => { window.__statusSeen = 0; window.__newView = /^600 rows/; window.__grow(600, true); });
  await p.waitForFunction(() => window.__statusSeen > 0);
  await p.waitForFunction(() => /Row 1 of the model/.test(document.querySelector('.layer [role="row"][aria-rowindex="2"]')?.getAttribute('aria-label') ?? ''));
  assert.deepEqual(await p.evaluate(() => window.__stale.slice(0, 5)), []);
  await p.close();
  assert.deepEqual(errors, []);
});

/**
 * Whenever the status line says the view `window.__newView` matches (a mutation observer runs before
 * the next frame), every row drawn must be a real row of it, highlighted by rule slot 5 where its text
 * says "error record": what is not goes to `window.__wrong`; `window.__statusSeen` counts the moments.
 */
async function watchNewViewRows(p) {
  await p.evaluate(() => {
    window.__wrong = [];
    window.__statusSeen = 0;
    new MutationObserver(() => {
      const status = document.querySelector('.status').textContent;
      if (!window.__newView.test(status)) return;
      window.__statusSeen++;
      const drawn = [...document.querySelectorAll('.layer [role="row"]')];
      if (drawn.length === 0) window.__wrong.push(`${status}: no row drawn`);
      for (const r of drawn) {
        const row = Number(r.getAttribute('aria-rowindex')) - 2;
        const m = /Row (\d+) of the model/.exec(r.getAttribute('aria-label') ?? '');
        if (!m || Number(m[1]) - 1 !== window.__at(row)) window.__wrong.push(`${status}: row ${row} drawn as ${m ? `model row ${Number(m[1]) - 1}` : 'a placeholder'}${r.getAttribute('aria-selected') === 'true' ? ', selected' : ''}`);
        else if (/error record/.test(r.getAttribute('aria-label')) !== r.classList.contains('hl-5')) window.__wrong.push(`${status}: row ${row} highlighted wrong`);
      }
    }).observe(document.querySelector('.status'), { childList: true, characterData: true, subtree: true });
  });
}

test('a filter\'s answer brings the rows the page shows first: no row of the new view is drawn as a placeholder, and none is asked for again', async () => {
  // A highlight rule kept from before (slot 5): the rows the answer brings are coloured as a rows answer's.
  const p = await openHarness('rows=5000', { width: 1000, height: 700 }, { highlights: [{ text: 'error record', slot: 5 }] });
  await p.locator('.layer [role="row"][aria-rowindex="2"]').waitFor();
  // Scrolled (not by keys, which select) to model row 190 at the top: the rows drawn span two of the cache's pages (200 rows each).
  await p.evaluate(() => { document.querySelector('.scroller').scrollTop = 190 * 22; });
  await p.waitForFunction(() => /Row 191 of/.test(document.querySelector('.layer [role="row"][aria-rowindex="192"]')?.getAttribute('aria-label') ?? ''));
  // Whenever the status line changes to the new view's (a mutation observer runs before the next
  // frame), every row drawn must be a real row of the new view; and no rows are asked for after.
  await watchNewViewRows(p);
  const filtered = async (newView, click) => {
    await p.evaluate((re) => { window.__newView = new RegExp(re); window.__statusSeen = 0; window.__asked = window.__requests.length; }, newView);
    await click();
    await p.waitForFunction(() => window.__statusSeen > 0, null, { timeout: 5000 });
    // Two frames more: a draw asked for with the answer (and the rows it would ask for) is done.
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await p.evaluate(() => window.__wrong.slice(0, 5)), [], newView);
    assert.deepEqual(await p.evaluate(() => window.__requests.slice(window.__asked).filter((r) => r.method === 'rows').map((r) => r.params)), [], 'no rows asked for');
  };
  // Nothing selected: the top row kept (its rows and the page before it); then a row selected, the filter lifted.
  await filtered('^4,500 of 5,000 rows', () => p.click('.sev-toggle[data-severity="warning"]'));
  assert.equal((await topOfView(p)).row, 190);
  await p.locator('[role="row"][aria-rowindex="180"]').click();
  await p.waitForFunction(() => document.querySelector('.layer [role="row"].focused')?.getAttribute('aria-rowindex') === '180');
  await filtered('^5,000 rows', () => p.click('.sev-toggle[data-severity="warning"]'));
  assert.match(await p.locator('.layer [role="row"].focused').getAttribute('aria-label'), /Row 199 of the model/);
  await p.close();
  assert.deepEqual(errors, []);
});

test('a reset brings the rows the page shows next: Live at the newest timed row, paused where it was; none drawn as a placeholder, none asked for again', async () => {
  // A merge ending in rows without a time (Live shows its newest timed row), a highlight rule kept from before (slot 5).
  const p = await openHarness('rows=5000&sources=2&untimed=30', { width: 1000, height: 700 }, { highlights: [{ text: 'error record', slot: 5 }] });
  await p.locator('.layer [role="row"][aria-rowindex="2"]').waitFor();
  // Whenever the status line says the new view (a mutation observer runs before the next frame), every
  // row drawn must be a real row of it, highlighted by its rule.
  await watchNewViewRows(p);
  const reset = async (newView, rows) => {
    await p.evaluate(([re, n]) => { window.__newView = new RegExp(re); window.__statusSeen = 0; window.__asked = window.__requests.length; window.__grow(n, true); }, [newView, rows]);
    await p.waitForFunction(() => window.__statusSeen > 0, null, { timeout: 5000 });
    // Two frames more: a draw asked for with the change (and the rows it would ask for) is done.
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await p.evaluate(() => window.__wrong.slice(0, 5)), [], newView);
    assert.deepEqual(await p.evaluate(() => window.__requests.slice(window.__asked).filter((r) => r.method === 'rows').map((r) => r.params)), [], 'no rows asked for');
  };
  const placeSaid = (live, top) => p.waitForFunction(([live, top]) => {
    const said = window.__requests.filter((r) => r.method === 'place').at(-1)?.params;
    return said?.live === live && (live || said.top === top);
  }, [live, top], { timeout: 5000 });
  // Live: the newest timed row at the bottom.
  await p.click('button.follow');
  await placeSaid(true);
  await reset('^3,000 rows', 3000);
  const lastTimed = await p.evaluate(() => [...document.querySelectorAll('.layer [role="row"]')].map((r) => r.getAttribute('aria-label')).find((l) => /Row 2970 of the model/.test(l)));
  assert.ok(lastTimed, 'the newest timed row is drawn');
  // Paused at row 1000 (scrolled, not selected): the reset keeps it at the top; a reset shorter than that shows its end.
  await p.click('button.follow');
  await p.evaluate(() => { document.querySelector('.scroller').scrollTop = 1000 * 22; });
  await placeSaid(false, 1000);
  await reset('^2,500 rows', 2500);
  assert.equal((await topOfView(p)).row, 1000);
  await reset('^800 rows', 800);
  await p.close();
  assert.deepEqual(errors, []);
});

test('a Live table draws appended rows in the task that says them: its new end, real rows highlighted by their rule, none a placeholder, none asked for', async () => {
  // Opened Live at its end, a highlight rule kept from before (slot 5).
  const p = await openHarness('rows=1000&follow=1', { width: 1000, height: 400 }, { highlights: [{ text: 'error record', slot: 5 }] });
  await p.waitForFunction(() => /Row 1000 of the model/.test([...document.querySelectorAll('.layer [role="row"]')].at(-1)?.getAttribute('aria-label') ?? ''));
  await p.waitForFunction(() => window.__requests.filter((r) => r.method === 'place').at(-1)?.params.live === true, null, { timeout: 5000 });
  // Whenever the rows drawn change (a mutation observer runs before the next frame): none is a placeholder or
  // highlighted wrong; when the status line says the new count, the new end is drawn.
  await p.evaluate(() => {
    window.__wrong = [];
    const look = (what) => {
      for (const r of document.querySelectorAll('.layer [role="row"]')) {
        const row = Number(r.getAttribute('aria-rowindex')) - 2, label = r.getAttribute('aria-label') ?? '';
        const m = /Row (\d+) of the model/.exec(label);
        if (!m || Number(m[1]) !== row + 1) window.__wrong.push(`${what}: row ${row} drawn as ${m ? `model row ${Number(m[1]) - 1}` : 'a placeholder'}`);
        else if (/error record/.test(label) !== r.classList.contains('hl-5')) window.__wrong.push(`${what}: row ${row} highlighted wrong`);
      }
    };
    new MutationObserver(() => look('drawn')).observe(document.querySelector('.layer'), { childList: true, subtree: true, attributes: true });
    new MutationObserver(() => {
      const m = /^([\d,]+) rows/.exec(document.querySelector('.status').textContent);
      const end = [...document.querySelectorAll('.layer [role="row"]')].at(-1)?.getAttribute('aria-label') ?? '';
      if (m && !end.includes(`Row ${m[1].replace(/,/g, '')} of the model`)) window.__wrong.push(`${m[0]} said with the end drawn at ${end}`);
    }).observe(document.querySelector('.status'), { childList: true, characterData: true, subtree: true });
  });
  // Appends within the last page, into the next one, and several pages at once.
  for (const [n, rows] of [[10, 1010], [250, 1260], [700, 1960]]) {
    const asked = await p.evaluate((k) => { const asked = window.__requests.length; window.__grow(k); return asked; }, n);
    await p.waitForFunction((k) => document.querySelector('.status').textContent.startsWith(`${k.toLocaleString('en-US')} rows`), rows, { timeout: 5000 });
    // Two frames more: a draw asked for with the change (and the rows it would ask for) is done.
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await p.evaluate(() => window.__wrong.slice(0, 5)), [], `${n} appended`);
    assert.deepEqual(await p.evaluate((k) => window.__requests.slice(k).filter((r) => r.method === 'rows').map((r) => r.params.start), asked), [], 'no rows asked for');
  }
  await p.close();
  assert.deepEqual(errors, []);
});

test('resumed after a log was truncated while paused, the table draws the new end at once: no placeholder, no row of the old view', async () => {
  // Opened Live at its end, then paused and scrolled far up: the end's pages leave the page's cache (64 pages of 200 rows).
  const p = await openHarness('rows=30000&follow=1', { width: 1000, height: 400 });
  // Scrolled to `row` and drawn: that row is there, and no row is still a placeholder.
  const settled = (row) => p.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('.layer [role="row"]')];
    return rows.some((r) => r.getAttribute('aria-rowindex') === String(n + 2)) && !rows.some((r) => r.classList.contains('loading'));
  }, row, { timeout: 5000 });
  await p.waitForFunction(() => /Row 30000 of the model/.test([...document.querySelectorAll('.layer [role="row"]')].at(-1)?.getAttribute('aria-label') ?? ''));
  await p.click('button.follow');
  await p.waitForFunction(() => /Paused/.test(document.querySelector('button.follow').textContent));
  for (let page = 0; page < 70; page++) {
    await p.evaluate((top) => { document.querySelector('.scroller').scrollTop = top; }, page * 200 * 22 + 50);
    await settled(page * 200 + 2);
  }
  // The log is truncated to 2,000 records: the server holds the reset back while the page is paused.
  await p.evaluate(() => window.__growPaused(2000, true));
  await p.evaluate(() => {
    window.__wrong = [];
    // Until the new view comes, the rows where the page was paused stay; no other row of the old view may show.
    const paused = new Set([...document.querySelectorAll('.layer [role="row"]')].map((r) => r.getAttribute('aria-rowindex')));
    const look = () => {
      for (const r of document.querySelectorAll('.layer [role="row"]')) {
        const row = Number(r.getAttribute('aria-rowindex')) - 2;
        if (r.classList.contains('loading')) window.__wrong.push(`row ${row} drawn as a placeholder`);
        else if (row >= 2000 && !paused.has(r.getAttribute('aria-rowindex'))) window.__wrong.push(`row ${row} of the old view drawn`);
      }
    };
    new MutationObserver(look).observe(document.querySelector('.layer'), { childList: true, subtree: true, attributes: true });
    const frame = () => { look(); if (!window.__done) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  });
  const asked = await p.evaluate(() => window.__requests.length);
  await p.click('button.follow');
  await p.waitForFunction(() => /^2,000 rows/.test(document.querySelector('.status').textContent)
    && /Row 2000 of the model/.test([...document.querySelectorAll('.layer [role="row"]')].at(-1)?.getAttribute('aria-label') ?? ''), null, { timeout: 5000 });
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const wrong = await p.evaluate(() => { window.__done = true; return [...new Set(window.__wrong)].slice(0, 5); });
  assert.deepEqual(wrong, []);
  assert.deepEqual(await p.evaluate((n) => window.__requests.slice(n).filter((r) => r.method === 'rows').map((r) => r.params.start), asked), [], 'no rows asked for');
  await p.close();
  assert.deepEqual(errors, []);
});

/** The model row of the row drawn at the top edge of the rows' area (from its label), and how many rows are selected. */
const topOfView = (p) => p.evaluate(() => {
  const edge = document.querySelector('.layer').getBoundingClientRect().top;
  const r = [...document.querySelectorAll('.layer [role="row"]')].find((x) => { const b = x.getBoundingClientRect(); return b.top <= edge + 1 && b.bottom > edge + 1; });
  return {
    row: Number(/Row (\d+) of the model/.exec(r?.getAttribute('aria-label') ?? '')?.[1] ?? NaN) - 1,
    selected: document.querySelectorAll('.layer [role="row"][aria-selected="true"]').length,
  };
});

/** Waits (5 s at most) for the view's rows to be `rows` with the row at the top edge labelled, then says what is there. */
async function settledTop(p, rows) {
  await p.waitForFunction((n) => {
    if (!document.querySelector('.status').textContent.startsWith(`${n.toLocaleString('en-US')} of`)) return false;
    const edge = document.querySelector('.layer').getBoundingClientRect().top;
    const r = [...document.querySelectorAll('.layer [role="row"]')].find((x) => { const b = x.getBoundingClientRect(); return b.top <= edge + 1 && b.bottom > edge + 1; });
    return /Row \d+ of the model/.test(r?.getAttribute('aria-label') ?? '');
  }, rows, { timeout: 5000 });
  // One more frame: a redraw asked for with the answer is done.
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return topOfView(p);
}

test('a filter with nothing selected keeps the first row in view (or the nearest shown) at the top, selecting nothing', async () => {
  const p = await openHarness('rows=100000', { width: 1000, height: 500 });
  await p.locator('.layer [role="row"][aria-rowindex="2"]').waitFor();
  // Scrolled (not by keys, which select) so that model row 5000, an information record, is at the top.
  await p.evaluate(() => { document.querySelector('.scroller').scrollTop = 5000 * 22; });
  await p.waitForFunction(() => /Row 5001 of/.test(document.querySelector('.layer [role="row"][aria-rowindex="5002"]')?.getAttribute('aria-label') ?? ''));
  assert.deepEqual(await topOfView(p), { row: 5000, selected: 0 });
  // Warnings hidden: row 5000 still shows (as row 4500 of the view) and stays at the top.
  await p.click('.sev-toggle[data-severity="warning"]');
  assert.deepEqual(await settledTop(p, 90000), { row: 5000, selected: 0 });
  // Information hidden too: row 5000 is gone; the nearest shown, the error at 5007 (the success at 4947 and the error at 4957 are farther), is at the top.
  await p.click('.sev-toggle[data-severity="information"]');
  assert.deepEqual(await settledTop(p, 2908), { row: 5007, selected: 0 });
  await p.close();
  assert.deepEqual(errors, []);
});

test('the detail pane follows the selection after PageDown, PageUp, End and Home', async () => {
  const p = await openHarness('rows=100000', { width: 1000, height: 500 });
  await p.locator('[role="row"][aria-rowindex="4"]').click();
  await p.waitForFunction(() => /^Row 3 of the model/.test(document.querySelector('.detail-message')?.textContent ?? ''));
  /** Presses `key`, then waits for another row selected and the detail showing it (each key's answer may come after the next key's). */
  const follows = async (key) => {
    const from = (await placeOfSelection(p)).row;
    await p.keyboard.press(key);
    await p.waitForFunction((from) => {
      const sel = document.querySelector('.layer [role="row"][aria-selected="true"]');
      const n = /Row (\d+) of the model/.exec(sel?.getAttribute('aria-label') ?? '')?.[1];
      return n !== undefined && Number(n) !== from && new RegExp(`^Row ${n} of the model`).test(document.querySelector('.detail-message')?.textContent ?? '');
    }, from);
    return (await placeOfSelection(p)).row;
  };
  const down = await follows('PageDown');
  assert.ok(down > 4, `PageDown moved the selection (${down})`);
  assert.ok((await follows('PageDown')) > down);
  assert.equal(await follows('PageUp'), down);
  assert.equal(await follows('End'), 100000);
  assert.equal(await follows('Home'), 1);
  // Keys faster than the detail answers: the last one wins.
  for (const k of ['PageDown', 'PageDown', 'PageDown', 'End']) await p.keyboard.press(k);
  const up = await follows('PageUp');
  assert.ok(up < 100000 && up > 99000, `one page up from the end (${up})`);
  await p.close();
  assert.deepEqual(errors, []);
});

test('a log opened following while it is read shows its first rows as they come, and its end once read', async () => {
  const p = await openHarness('rows=0&reading=1&follow=1', { width: 1000, height: 400 });
  await p.waitForFunction(() => /Live/.test(document.querySelector('button.follow').textContent));
  const shows = (n) => p.waitForFunction((n) => [...document.querySelectorAll('.layer [role="row"]')].some((r) => r.getAttribute('aria-label')?.includes(`Row ${n} of the model`)), n);
  // A piece read: its rows are asked for and drawn, from the first.
  await p.evaluate(() => window.__grow(60000, false, true));
  await shows(1);
  await p.waitForFunction(() => /^60,000 rows · reading…/.test(document.querySelector('.status').textContent));
  // The next piece: the rows shown stay (the end moved on before its rows could come).
  await p.evaluate(() => window.__grow(60000, false, true));
  await p.waitForFunction(() => /^120,000 rows · reading…/.test(document.querySelector('.status').textContent));
  await shows(1);
  // Read: following goes to the end.
  await p.evaluate(() => window.__grow(500, false, false));
  await shows(120500);
  await p.close();
  assert.deepEqual(errors, []);
});

test('a merge whose last rows have no time opens Live at its newest timed row (at the bottom), not a screen of untimed rows; one log opens at its end', async () => {
  /** The model row drawn at the bottom edge of the rows' area, while Live, or null. */
  const bottomNow = () => {
    const edge = document.querySelector('.layer').getBoundingClientRect().bottom - 2;
    const r = [...document.querySelectorAll('.layer [role="row"]')].find((x) => { const b = x.getBoundingClientRect(); return b.top <= edge && b.bottom > edge; });
    const m = /Row (\d+) of the model/.exec(r?.getAttribute('aria-label') ?? '');
    return m && /Live/.test(document.querySelector('button.follow').textContent) ? Number(m[1]) - 1 : null;
  };
  /** Polls (5 s at most) until the bottom row is `want`, then says what it is. */
  const bottomRow = async (p, want) => {
    await p.waitForFunction(`(${bottomNow})() === ${want}`, null, { timeout: 5000 }).catch(() => {});
    return p.evaluate(bottomNow);
  };
  const merge = await openHarness('rows=5000&sources=2&follow=1&untimed=300', { width: 1000, height: 400 });
  assert.equal(await bottomRow(merge, 4699), 4699, 'the newest timed row is the row at the bottom');
  // The server said where with the rows: the page asked for pages to draw, no row to find the place.
  const notPages = () => window.__requests.filter((r) => r.method === 'rows' && (r.params.start % 200 !== 0 || r.params.count < 2)).map((r) => r.params);
  assert.deepEqual(await merge.evaluate(notPages), []);
  // Still Live: appended rows (the untimed ones still last) bring the view to the newest timed row again.
  // (The server orders a merge with an untimed tail again: a reset.)
  await merge.evaluate(() => window.__grow(5100, true));
  await merge.waitForFunction(() => /5,100 rows/.test(document.querySelector('.status').textContent));
  assert.equal(await bottomRow(merge, 4799), 4799);
  assert.deepEqual(await merge.evaluate(notPages), []);
  await merge.close();
  const one = await openHarness('rows=5000&follow=1&untimed=300', { width: 1000, height: 400 });
  assert.equal(await bottomRow(one, 4999), 4999, 'one log: its end');
  await one.close();
  assert.deepEqual(errors, []);
});

test('a second init (the language server restarted) keeps the selected entry selected under the filter sent again', async () => {
  const p = await openHarness('rows=100', { width: 1000, height: 400 });
  await p.locator('.layer [role="row"]').first().waitFor();
  for (const s of ['information', 'success']) await p.click(`.sev-toggle[data-severity="${s}"]`);
  await p.waitForFunction(() => /^12 of 100 rows/.test(document.querySelector('.status').textContent));
  // Model row 63 (a warning) is row 8 of the view: 3, 7, 13, 23, 33, 43, 53, 57, 63.
  await p.locator('[role="row"][aria-rowindex="10"]').click();
  await p.waitForFunction(() => /^Row 64 of/.test(document.querySelector('.detail-message')?.textContent ?? ''));
  await p.evaluate(() => {
    window.__unfilter();
    window.__requests.length = 0;
    window.__send({ kind: 'init', table: { tableId: 't2', version: 1, rows: 100, total: 100, reading: false, sources: [{ uri: 'file:///logs/CAS.log', name: 'CAS.log', machine: 'SITE01', label: 'CAS.log', color: 0 }], notes: [] }, options: { utcColumn: false, follow: false } });
  });
  await p.waitForFunction(() => window.__requests.some((r) => r.method === 'filter'));
  assert.deepEqual(await p.evaluate(() => window.__requests.find((r) => r.method === 'filter').params.keep), { source: 0, entry: 63 }, 'the entry, not row 8 of the unfiltered table');
  await p.waitForFunction(() => /^12 of 100 rows/.test(document.querySelector('.status').textContent));
  await p.waitForFunction(() => /Row 64 of/.test(document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-label') ?? ''));
  await p.close();
  assert.deepEqual(errors, []);
});


test('the Component column fits ConfigMgr\'s usual component names at first', async () => {
  const p = await openHarness('rows=30&components=sms', { width: 1000, height: 400 });
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-rowindex="3"] .c-component')?.textContent === 'SMS_AZUREAD_DISCOVERY_AGENT');
  const cut = await p.evaluate(() => [...document.querySelectorAll('.layer .c-component')].filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
  assert.deepEqual(cut, []);
  await p.close();
  assert.deepEqual(errors, []);
});

test('a component picker row for records with no component is "(none)", its buttons named so', async () => {
  const p = await openHarness('rows=30&components=blank', { width: 1000, height: 400 });
  await p.locator('.layer [role="row"]').first().waitFor();
  await p.locator('.filter-bar .picker', { hasText: 'Components' }).click();
  await p.locator('.picker-item', { hasText: '(none)' }).waitFor();
  for (const name of ['Include (none)', 'Exclude (none)']) assert.equal(await p.getByRole('button', { name, exact: true }).count(), 1, name);
  await p.close();
  assert.deepEqual(errors, []);
});

test('the Columns menu stays open for several ticks; Escape closes it; Enter on a plain item closes its menu', async () => {
  const p = await openHarness('rows=100', { width: 1000, height: 400 });
  await p.locator('.layer [role="row"]').first().waitFor();
  await p.click('button[aria-label="Columns"]');
  await p.click('[role="menuitemcheckbox"]:has-text("Thread")');
  await p.click('[role="menuitemcheckbox"]:has-text("Component")');
  const unticked = () => p.locator('[role="menuitemcheckbox"][aria-checked="false"]').allTextContents();
  assert.deepEqual(await unticked(), ['UTC', 'Component', 'Thread']);
  await p.keyboard.press('Home');
  await p.keyboard.press('Space'); // Time, by the keyboard
  assert.deepEqual(await unticked(), ['Time', 'UTC', 'Component', 'Thread']);
  assert.deepEqual(await p.evaluate(() => ['time', 'component', 'thread'].map((c) => document.querySelector('.grid').classList.contains(`hide-${c}`))), [true, true, true]);
  assert.equal(await p.evaluate(() => document.activeElement.textContent), 'Time', 'the focus stays on the ticked item');
  await p.keyboard.press('Escape');
  assert.equal(await p.locator('[role="menu"]').count(), 0);
  assert.equal(await p.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Columns');
  // A row's menu: Enter on an action runs it and closes the menu.
  await p.locator('[role="row"][aria-rowindex="2"]').click({ button: 'right' });
  await p.keyboard.press('Enter');
  assert.equal(await p.locator('[role="menu"]').count(), 0);
  await p.close();
  assert.deepEqual(errors, []);
});


test('the detail pane is a named tab stop after the grid: the keys scroll it and Tab goes on to its links', async () => {
  const p = await openHarness('rows=100', { width: 1000, height: 320 });
  for (const s of ['information', 'warning', 'success']) await p.click(`.sev-toggle[data-severity="${s}"]`);
  await p.waitForFunction(() => /^2 of 100 rows/.test(document.querySelector('.status').textContent));
  // Model row 57: the error whose problem explains itself at length, with a lookup link.
  await p.locator('[role="row"][aria-rowindex="3"]').click();
  await p.locator('.detail .md-lookup').waitFor();
  assert.ok(await p.evaluate(() => { const d = document.querySelector('.detail'); return d.scrollHeight > d.clientHeight + 20; }), 'the pane overflows');
  await p.keyboard.press('Tab');
  assert.deepEqual(await p.evaluate(() => [document.activeElement.className, document.activeElement.getAttribute('aria-label')]), ['detail', 'Record details']);
  await p.keyboard.press('PageDown');
  await p.waitForFunction(() => document.querySelector('.detail').scrollTop > 0);
  // (Scrolling may be smooth: End's place is known, so the arrow is checked from there.)
  await p.keyboard.press('End');
  await p.waitForFunction(() => { const d = document.querySelector('.detail'); return d.scrollTop >= d.scrollHeight - d.clientHeight - 1; });
  await p.keyboard.press('ArrowUp');
  await p.waitForFunction(() => { const d = document.querySelector('.detail'); return d.scrollTop < d.scrollHeight - d.clientHeight - 1; });
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.closest('.detail') !== null && document.activeElement.classList.contains('md-lookup')), true, 'the lookup link, by Tab');
  await p.close();
  assert.deepEqual(errors, []);
});

// Keyboard and screen reader: the tab stops, their names, and the focus drawn where it is.

/** The colour (r,g,b) drawn at page point (x, y): a screenshot of that pixel, decoded in the page. */
async function pixel(p, x, y) {
  const png = await p.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return p.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)].join();
  }, png.toString('base64'));
}
const FOCUS_BORDER = '0,127,212'; // the harness's --vscode-focusBorder

/** Tabs from the filter bar's last control to `until` (bounded), giving each stop's name. */
async function tabStops(p, until) {
  await p.evaluate(() => [...document.querySelectorAll('.filter-bar button, .filter-bar input, .filter-bar select')].at(-1).focus());
  const names = [];
  for (let i = 0; i < 20; i++) {
    await p.keyboard.press('Tab');
    const name = await p.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.className);
    names.push(name);
    if (name === until) break;
  }
  return names;
}

test('Tab reaches the grid with nothing selected: it is named and its focus is drawn; the first arrow selects the first row, focused and drawn so', async () => {
  const p = await openHarness('rows=100', { width: 1000, height: 400 });
  await p.locator('.layer [role="row"]').first().waitFor();
  const stops = await tabStops(p, 'Log entries');
  assert.equal(stops.at(-1), 'Log entries', stops.join(' | '));
  assert.equal(await p.evaluate(() => document.activeElement.getAttribute('role')), 'grid');
  const grid = await p.locator('[role="grid"]').boundingBox();
  // The focus border on every side of the grid, the header's top included.
  assert.equal(await pixel(p, grid.x, grid.y + grid.height / 2), FOCUS_BORDER, 'left edge');
  assert.equal(await pixel(p, grid.x + grid.width / 2, grid.y), FOCUS_BORDER, 'top edge, over the header');
  assert.equal(await pixel(p, grid.x + grid.width / 2, grid.y + grid.height - 1), FOCUS_BORDER, 'bottom edge');
  await p.keyboard.press('ArrowDown');
  await p.waitForFunction(() => document.activeElement?.getAttribute('aria-rowindex') === '2' && document.activeElement.getAttribute('aria-selected') === 'true');
  const r = await p.locator('[role="row"][aria-rowindex="2"]').boundingBox();
  assert.equal(await pixel(p, r.x, r.y + r.height / 2), FOCUS_BORDER, 'the focused row\'s border');
  await p.close();
  assert.deepEqual(errors, []);
});

test('column resizers: in the header\'s order before the grid, each with its column\'s width, least and most', async () => {
  const p = await openHarness('rows=100', { width: 1000, height: 400 });
  await p.locator('.layer [role="row"]').first().waitFor();
  const stops = await tabStops(p, 'Record details');
  assert.deepEqual(stops.filter((s) => /Resize|Log entries|Record details/.test(s)),
    ['Resize the Severity column', 'Resize the Time column', 'Resize the Component column', 'Resize the Thread column', 'Log entries', 'Record details']);
  const time = p.locator('[role="separator"][aria-label="Resize the Time column"]');
  const drawn = () => p.evaluate(() => Math.round(document.querySelector('.header .c-time').getBoundingClientRect().width));
  assert.equal(await time.getAttribute('aria-valuenow'), String(await drawn()));
  assert.equal(await time.getAttribute('aria-valuemin'), '60');
  assert.ok(Number(await time.getAttribute('aria-valuemax')) >= 900);
  // Draws (scrolling) with no width changed leave the resizers alone: not written, not even read.
  const touched = await p.evaluate(async () => {
    let n = 0;
    const get = Element.prototype.getAttribute, set = Element.prototype.setAttribute;
    Element.prototype.getAttribute = function (name) { if (this.classList?.contains('resizer')) n++; return get.call(this, name); };
    Element.prototype.setAttribute = function (name, value) { if (this.classList?.contains('resizer')) n++; return set.call(this, name, value); };
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const scroller = document.querySelector('.scroller');
    // Each draw replaces the layer's rows.
    let draws = 0;
    const drawn = new MutationObserver(() => { draws++; });
    drawn.observe(document.querySelector('.layer'), { childList: true });
    for (const top of [scroller.scrollHeight, 0]) {
      const was = draws;
      scroller.scrollTop = top;
      // Bounded: the draw for a scroll comes within a few frames.
      for (let k = 0; k < 30 && draws === was; k++) await frame();
    }
    drawn.disconnect();
    Element.prototype.getAttribute = get;
    Element.prototype.setAttribute = set;
    return { n, redrawn: draws >= 2 };
  });
  assert.deepEqual(touched, { n: 0, redrawn: true });
  await time.focus();
  await p.keyboard.press('ArrowRight');
  assert.equal(await time.getAttribute('aria-valuenow'), String(await drawn()));
  assert.equal(await drawn(), 260);
  await p.close();
  assert.deepEqual(errors, []);
});

test('select all (Ctrl+A, then VS Code\'s own select-all) selects every row and no page text; Ctrl+C copies the rows; an input and the detail pane keep their own select-all', async () => {
  const p = await openHarness('rows=100');
  await p.locator('[role="row"][aria-rowindex="2"]').click();
  await p.keyboard.press('Control+a');
  // What VS Code does next in a webview (its select-all command runs execCommand in the page).
  await p.evaluate(() => document.execCommand('selectAll'));
  assert.equal(await p.evaluate(() => window.getSelection().toString()), '', 'no page text selected');
  await p.waitForFunction(() => /100 selected/.test(document.querySelector('.status').textContent));
  // The menu's Select All with no key pressed first: the same.
  await p.locator('[role="row"][aria-rowindex="3"]').click();
  await p.evaluate(() => document.execCommand('selectAll'));
  await p.waitForFunction(() => /100 selected/.test(document.querySelector('.status').textContent));
  assert.equal(await p.evaluate(() => window.getSelection().toString()), '');
  await p.keyboard.press('Control+c');
  await p.waitForFunction(() => window.__requests.some((r) => r.method === 'copy'));
  assert.deepEqual(await p.evaluate(() => window.__requests.find((r) => r.method === 'copy').params.ranges), [{ start: 0, end: 100 }]);
  await p.waitForFunction(() => typeof window.__clipboard === 'string');
  assert.equal((await p.evaluate(() => window.__clipboard)).split('\n').length, 100);
  // In an input, select-all selects the input's text.
  await p.fill('.find', 'abc');
  await p.evaluate(() => document.execCommand('selectAll'));
  assert.deepEqual(await p.evaluate(() => [document.activeElement.selectionStart, document.activeElement.selectionEnd]), [0, 3]);
  // With text selected in the detail pane, select-all selects that pane's text only.
  await p.locator('[role="row"][aria-rowindex="2"]').click();
  await p.waitForFunction(() => document.querySelector('.detail-message')?.textContent.includes('Row 1 of the model'));
  await p.evaluate(() => window.getSelection().collapse(document.querySelector('.detail-message').firstChild, 2));
  await p.evaluate(() => document.execCommand('selectAll'));
  const picked = await p.evaluate(() => ({ text: window.getSelection().toString(), inside: document.querySelector('.detail').contains(window.getSelection().getRangeAt(0).commonAncestorContainer) }));
  assert.ok(picked.inside && picked.text.includes('Row 1 of the model') && !/rows|Find/.test(picked.text), JSON.stringify(picked));
  assert.match(await p.locator('.status').textContent(), /^100 rows$/, 'the rows selection is left as it was');
  await p.close();
});

test('a regex highlight rule the server cannot run is said where it is added, marked as not working, and no longer sent; the others keep their colours', async () => {
  const p = await openHarness('rows=100', { width: 1000, height: 500 });
  await p.locator('.layer [role="row"]').first().waitFor();
  await p.click('button[aria-label="Highlight rules"]');
  await p.check('.highlight-box input[type="checkbox"]');
  const alert = () => p.locator('.highlight-box [role="alert"]').textContent();
  await p.fill('.highlight-box input[type="text"]', '[');
  await p.press('.highlight-box input[type="text"]', 'Enter');
  await p.waitForFunction(() => /invalid regular expression/.test(document.querySelector('.highlight-box [role="alert"]')?.textContent));
  assert.match(await alert(), /^Highlight \/\[\/ is not working: invalid regular expression/);
  await p.fill('.highlight-box input[type="text"]', '(a+)+$');
  await p.press('.highlight-box input[type="text"]', 'Enter');
  // The filter's own words for the same pattern (fakeHost answers both as the server does).
  await p.waitForFunction(() => /cannot run in time/.test(document.querySelector('.highlight-box [role="alert"]')?.textContent));
  assert.equal(await alert(), 'Highlight /(a+)+$/ is not working: The regular expression cannot run in time: (a+)+$');
  await p.fill('.highlight-box input[type="text"]', 'Row 3 of');
  await p.press('.highlight-box input[type="text"]', 'Enter');
  const items = await p.locator('.highlight-box .picker-item').evaluateAll((li) => li.map((x) => [x.querySelector('.picker-name').textContent, x.classList.contains('broken'), x.querySelector('.highlight-broken')?.textContent ?? '']));
  assert.deepEqual(items, [['/[/', true, 'not working'], ['/(a+)+$/', true, 'not working'], ['/Row 3 of/', false, '']]);
  await p.keyboard.press('Escape');
  // The working rule (slot 2) colours its row; the broken ones are not sent with the rows.
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-rowindex="4"]')?.classList.contains('hl-2'));
  const last = await p.evaluate(() => window.__requests.filter((r) => r.method === 'rows').at(-1).params.highlights);
  assert.deepEqual(last, [{ regex: 'Row 3 of' }]);
  // Only the invalid pattern stays marked across a reload; the too slow one is tried again then.
  assert.deepEqual(await p.evaluate(() => window.__savedState.highlights.map((h) => [!!h.error, !!h.invalid])), [[true, true], [false, false], [false, false]]);
  await p.close();
});

test('a kept regex highlight that cannot run on the rows shown is found from the rows answer, marked and said in the status line', async () => {
  const p = await openHarness('rows=100', undefined, { highlights: [{ text: 'Row 3 of', slot: 0 }, { regex: '(a+)+$', slot: 1 }] });
  await p.waitForFunction(() => /Highlight \/\(a\+\)\+\$\/ is not working: The regular expression cannot run in time/.test(document.querySelector('.status').textContent));
  await p.click('button[aria-label="Highlight rules"]');
  assert.deepEqual(await p.locator('.highlight-box .picker-item').evaluateAll((li) => li.map((x) => x.classList.contains('broken'))), [false, true]);
  await p.close();
});

test('after a reload a highlight saved as too slow is sent again (it depends on the rows), one saved as invalid is not', async () => {
  const saved = [
    { regex: '[', slot: 0, error: 'invalid regular expression: missing /', invalid: true },
    { regex: 'Row 3 of', slot: 1, error: 'The regular expression cannot run in time: Row 3 of' },
  ];
  const p = await openHarness('rows=100', undefined, { highlights: saved });
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-rowindex="4"]')?.classList.contains('hl-1'));
  assert.deepEqual(await p.evaluate(() => window.__requests.filter((r) => r.method === 'rows').at(-1).params.highlights), [{ regex: 'Row 3 of' }]);
  await p.click('button[aria-label="Highlight rules"]');
  assert.deepEqual(await p.locator('.highlight-box .picker-item').evaluateAll((li) => li.map((x) => x.classList.contains('broken'))), [true, false]);
  await p.close();
});

test('the highlight rule a rows answer names is the one marked, even when a rule that matches every row comes first', async () => {
  const p = await openHarness('rows=100', undefined, { highlights: [{ regex: 'Row', slot: 0 }, { text: 'model', slot: 1 }, { regex: '(', slot: 2 }] });
  await p.waitForFunction(() => /Highlight \/\(\/ is not working: invalid regular expression/.test(document.querySelector('.status').textContent));
  await p.click('button[aria-label="Highlight rules"]');
  assert.deepEqual(await p.locator('.highlight-box .picker-item').evaluateAll((li) => li.map((x) => x.classList.contains('broken'))), [false, false, true]);
  // One rows request per page: no rule is run alone to find the broken one (a row asked for its time
  // alone carries no rules at all).
  const sent = await p.evaluate(() => window.__requests.filter((r) => r.method === 'rows' && r.params.highlights).map((r) => r.params.highlights.length));
  assert.ok(sent.length > 0 && sent.every((n) => n >= 2), JSON.stringify(sent));
  await p.close();
});

test('every highlight rule a rows answer says cannot run is marked at once, and said once with how many', async () => {
  const p = await openHarness('rows=100', undefined, { highlights: [{ regex: 'x(', slot: 0 }, { text: 'Row 3 of', slot: 1 }, { regex: '(a+)+$', slot: 2 }, { regex: 'y[', slot: 3 }] });
  await p.waitForFunction(() => /^3 highlights are not working: /.test(document.querySelector('.status').textContent));
  const status = await p.locator('.status').textContent();
  assert.ok(status.startsWith('3 highlights are not working: /x(/: invalid regular expression') && status.includes('; /(a+)+$/: The regular expression cannot run in time') && status.includes('; /y[/: invalid regular expression'), status);
  // The working rule keeps its colour; the rows asked for again carry it alone.
  await p.waitForFunction(() => document.querySelector('.layer [role="row"][aria-rowindex="4"]')?.classList.contains('hl-1'));
  const sent = await p.evaluate(() => window.__requests.filter((r) => r.method === 'rows' && r.params.highlights).map((r) => r.params.highlights.length));
  assert.deepEqual([...new Set(sent)], [4, 1], 'one answer marked all three: no request carried two or three rules');
  await p.click('button[aria-label="Highlight rules"]');
  assert.deepEqual(await p.locator('.highlight-box .picker-item').evaluateAll((li) => li.map((x) => x.classList.contains('broken'))), [true, false, true, true]);
  await p.close();
  assert.deepEqual(errors, []);
});

test('an invalid regex highlight added while the filter shows no rows is marked at once', async () => {
  const p = await openHarness('rows=100');
  await p.locator('.layer [role="row"]').first().waitFor();
  for (const s of ['error', 'warning', 'information', 'success']) await p.click(`.sev-toggle[data-severity="${s}"]`);
  await p.waitForFunction(() => /^0 of 100 rows/.test(document.querySelector('.status').textContent));
  await p.click('button[aria-label="Highlight rules"]');
  await p.check('.highlight-box input[type="checkbox"]');
  await p.fill('.highlight-box input[type="text"]', '[');
  await p.press('.highlight-box input[type="text"]', 'Enter');
  await p.waitForFunction(() => /invalid regular expression/.test(document.querySelector('.highlight-box [role="alert"]')?.textContent));
  assert.deepEqual(await p.locator('.highlight-box .picker-item').evaluateAll((li) => li.map((x) => x.classList.contains('broken'))), [true]);
  // Asked of no row: the server judged the pattern without reading any.
  assert.deepEqual(await p.evaluate(() => window.__requests.filter((r) => r.method === 'rows' && r.params.highlights?.length).map((r) => r.params.count)), [0]);
  await p.close();
  assert.deepEqual(errors, []);
});

test('Live under a time range whose "to" is before the log\'s end says new rows stay hidden; removing "to" says Live again', async () => {
  const p = await openHarness('rows=100&follow=1', { width: 1000, height: 400 });
  const follow = () => p.locator('.follow').textContent();
  await p.waitForFunction(() => document.querySelector('.follow')?.textContent === ' Live');
  await p.waitForFunction(() => document.querySelector('[role="row"][aria-rowindex="95"] .c-time'));
  await p.locator('[role="row"][aria-rowindex="95"] .c-time').click({ button: 'right' });
  await p.click('[role="menu"] [role="menuitem"]:has-text("Show up to here")');
  await p.waitForFunction(() => /past the time range/.test(document.querySelector('.follow').textContent));
  assert.equal(await follow(), ' Live: new rows are past the time range');
  assert.equal(await p.locator('.follow').getAttribute('aria-pressed'), 'true');
  await p.locator('.chips .chip button').first().click();
  await p.waitForFunction(() => document.querySelector('.follow').textContent === ' Live');
  await p.close();
});

test('F8 / Shift+F8 walk the errors and F7 / Shift+F7 the warnings; the buttons name their keys', async () => {
  const p = await openHarness('rows=100', { width: 1200, height: 500 });
  await p.locator('[role="row"][aria-rowindex="2"]').click();
  const selectedIs = (n) => p.waitForFunction((n) => new RegExp(`Row ${n} of the model`).test(document.querySelector('.layer [role="row"][aria-selected="true"]')?.getAttribute('aria-label') ?? ''), n);
  // The fake log: errors at model rows 7, 57; warnings at 3, 13, 23, ... (shown as Row i+1).
  await p.keyboard.press('F8');
  await selectedIs(8);
  await p.keyboard.press('F7');
  await selectedIs(14);
  await p.keyboard.press('Shift+F8');
  await selectedIs(8);
  await p.keyboard.press('F7');
  await selectedIs(14);
  await p.keyboard.press('Shift+F7');
  await selectedIs(4);
  for (const [cls, title] of [['next-error', 'Next error (F8)'], ['prev-error', 'Previous error (Shift+F8)'], ['next-warning', 'Next warning (F7)'], ['prev-warning', 'Previous warning (Shift+F7)']]) {
    assert.equal(await p.locator(`.${cls}`).getAttribute('aria-label'), title);
  }
  await p.close();
  assert.deepEqual(errors, []);
});

test('a log without threads (CBS): its empty Thread column hides by itself, unsaved; rows with threads show it; the Columns menu shows it, saved', async () => {
  // Asked in one task: the grid draws its rows anew each frame, a cell found earlier may be gone.
  const threadIs = (p, shown) => p.waitForFunction((shown) => {
    const cell = document.querySelector('.layer [role="row"] .c-thread');
    return cell !== null && (getComputedStyle(cell).display !== 'none') === shown;
  }, shown);
  const cbs = await openHarness('rows=100&nothread=1');
  await cbs.locator('[role="row"][aria-rowindex="2"]').waitFor();
  await cbs.waitForFunction(() => window.__requests.some((r) => r.method === 'facets'));
  await threadIs(cbs, false);
  assert.equal(await cbs.locator('.layer [role="row"] .c-component').first().isVisible(), true, 'the rows have components');
  const saved = () => cbs.evaluate(() => window.__savedState?.columns ?? null);
  assert.ok(!((await saved())?.hidden ?? []).includes('thread'), "not saved among the user's hidden columns");
  // An append whose rows have threads: the facets say so, the column comes back.
  await cbs.evaluate(() => { window.__threadsFromNow(); window.__grow(50); });
  await threadIs(cbs, true);
  await cbs.close();

  // Shown from the Columns menu while empty: shown, and that choice saved.
  const menu = await openHarness('rows=100&nothread=1');
  await menu.locator('[role="row"][aria-rowindex="2"]').waitFor();
  await threadIs(menu, false);
  await menu.click('button[aria-label="Columns"]');
  const item = menu.locator('[role="menuitemcheckbox"]:has-text("Thread")');
  assert.equal(await item.getAttribute('aria-checked'), 'false', 'the menu says it is hidden');
  await item.click();
  await threadIs(menu, true);
  assert.deepEqual(await menu.evaluate(() => window.__savedState.columns.shown), ['thread']);
  await menu.close();
  assert.deepEqual(errors, []);
});
