// UI checks against the real VS Code 1.99 workbench served by code-server, driven by playwright-core and
// Debian's /usr/bin/chromium. Each check is { name, feature?, run(ui) }: it waits for its expected state with
// a bound (waitForFunction / locator.waitFor, never fixed sleeps), throws an Error with the reason on failure,
// and gets a screenshot in test-artifacts/e2e/. Checks with a `feature` only run when that feature is listed
// in E2E_FEATURES (comma list, or "all"), so they can be written before the feature lands.
//
// DOM facts of VS Code 1.99.3 this relies on (found in the workbench bundle / live DOM):
//   language mode  : status bar item id "status.editor.mode"           -> #status\.editor\.mode
//   problem counts : status bar item id "status.problems"              -> #status\.problems (click opens the panel)
//   problems rows  : .markers-panel .monaco-list-row (aria-label = "<message> ... <source>(<code>) ... Ln, Col")
//   hover          : .monaco-hover-content (inside .monaco-hover / .monaco-resizable-hover)
//   code lenses    : content widgets <span class="codelens-decoration"> in .monaco-editor .contentWidgets;
//                    each command is <a id="cN" role="button" title=tooltip>, separated by <span>&nbsp;|&nbsp;</span>;
//                    lenses without a command are plain <span>s.
//   editor lines   : .view-lines .view-line, token spans inside (spaces rendered as U+00A0);
//                    whole-line decorations in .view-overlays at the same `top`.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO } from './codeServer.mjs';
import { BIG_LOG, BIG_LOG_LAST, LIVE_DIR } from './workspace.mjs';

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const BROWSER_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
export const ARTIFACTS_DIR = path.join(REPO, 'test-artifacts/e2e');

/**
 * Fixture facts the checks assert. The workspace is built by workspace.mjs from samples/ (expected findings in
 * samples/README.md; exact codes, lines and severities from `node dist/cli.js check --format json samples`).
 */
export const FIXTURE = {
  cmtrace: 'SiteServer/MP_RegistrationManager.log',        // CMTrace format
  legacy: 'SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log',     // legacy SMS format, .log
  rotated: 'SiteServer/CloudUserSync.lo_',                  // legacy SMS format, rotated
  txt: 'exported/HealthScripts.txt',                        // CMTrace format named .txt (public corpus log)
  multiline: 'multiline/HealthScripts.log',                 // multi-line records: folding ranges
  plain: 'plain/notes.log',                                 // plain text: stays "Log"
  // (b) Problems panel, per file: [code, severity, 1-based line]. The files the check opens must be listed
  // exactly so; the others are listed only with `cmlog.problems.scope` = workspace, and then exactly so.
  problemsOpen: ['SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log', 'SiteServer/CloudUserSync.log'],
  problems: {
    // 17 identical group sync errors are one problem (its repeats are related locations).
    'SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log': [['aad-tenant-missing', 'error', 9]],
    'SiteServer/CloudUserSync.log': [['user-not-found', 'warning', 587], ['user-not-found', 'error', 1117]],    // adele pending, megan overdue
    'SiteServer/CloudUserSync.lo_': [['user-not-found', 'info', 24], ['user-not-found', 'error', 365]],        // scott resolved, megan overdue
    'SiteServer/MP_RegistrationManager.log': [1, 4, 7, 10, 13].map((l) => ['aad-tenant-missing', 'warning', l]),
    'SiteServer/CCM_STS.log': [3, 10].map((l) => ['aad-tenant-missing', 'warning', l]),
    'Client/ccmsetup.log': [4, 6].map((l) => ['aad-token-failure', 'warning', l]),
    // The Win32 app's installer exited with 1603 and no mapping (a real failure in the sample).
    'Client/IntuneManagementExtension.log': [['intune-win32-app', 'error', 9]],
  },
  // (c) hover over the message of CloudUserSync.lo_ line 24 (scott's first failure): the 24-hour rule, due time
  // in log time and in UTC (+420 = UTC-7).
  hoverFile: 'SiteServer/CloudUserSync.lo_',
  hoverLine: 24,
  hoverText: 'Failed to add user scott@contoso.com; reason UserNotFound',
  hoverExpect: ['24-hour timer', 'Full sync due (first failure + 24 h)', '2014-09-15 10:23:54', '2014-09-15 17:23:54', 'UTC'],
  // (d) ccmsetup.log line 4 is type="3"; "request" is a plain word the grammar leaves uncoloured
  // (scopes meta.message / meta.record only). Line 3 is type="1" with the plain word "token".
  colourFile: 'Client/ccmsetup.log',
  errorLine: "WAM token request failed. Status 5, Details 'AAD WAM extension error'",
  errorWord: 'request',
  infoLine: 'Getting AAD (device) token with:',
  infoWord: 'token',
  // (e) MP_RegistrationManager.log line 7 (16:20:11.425 -060 = 15:20:11 UTC) is the demo client's registration:
  // ClientIDManagerStartup.log wrote `Registering client using AAD auth.` at 10:20:10.348 +300 = 15:20:10 UTC.
  lensFile: 'SiteServer/MP_RegistrationManager.log',
  lensLineText: "DeviceId='b8e2d4f6-1a3c-4e5b-9d7f-0c2a4e6b8d1f', TenantId=''",
  lensTitle: /⇄ (\d+) entr(?:y|ies) in (\d+) other logs? within ±5 s/,
  lensOtherLog: 'ClientIDManagerStartup.log',
  lensOtherLine: 'Registering client using AAD auth.',
};

const { chromium } = createRequire(path.join(REPO, 'package.json'))('playwright-core');

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
}

export function enabledFeatures(spec = process.env.E2E_FEATURES ?? '') {
  return new Set(spec.split(',').map((s) => s.trim()).filter(Boolean));
}

/** Helpers over one workbench page. All waits are bounded. */
export class Ui {
  constructor(page, { artifactsDir = ARTIFACTS_DIR, log = () => {} } = {}) {
    this.page = page;
    this.artifactsDir = artifactsDir;
    this.log = log;
  }

  async openWorkbench(url, folder, timeout = 60_000) {
    await this.page.goto(`${url}/?folder=${encodeURI(folder)}`);
    await this.waitForWorkbench(timeout);
  }

  /**
   * "Developer: Reload Window", as a user does it: the page loads again and the workbench restores its
   * editors from the workspace's storage. Resolves once the new page's workbench is up.
   */
  async reloadWindow(timeout = 60_000) {
    // A beforeunload prompt (an unsaved editor) would be dismissed by Playwright, cancelling the reload: leave.
    const leave = (d) => void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(() => {});
    this.page.on('dialog', leave);
    try {
      const loaded = this.page.waitForEvent('load', { timeout });
      await this.runCommand('Developer: Reload Window', timeout);
      await step('the reloaded page', () => loaded);
    } finally {
      this.page.off('dialog', leave);
    }
    await this.waitForWorkbench(timeout);
  }

  async waitForWorkbench(timeout = 60_000) {
    await this.page.waitForSelector('.monaco-workbench', { timeout });
    // Explorer shows the workspace's entries: the workbench and the remote connection are up.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout });
    await this.page.locator('[id="status.problems"]').waitFor({ timeout });
  }

  async screenshot(name) {
    fs.mkdirSync(this.artifactsDir, { recursive: true });
    const file = path.join(this.artifactsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Run the command-palette entry labelled exactly `label` (F1 works in the browser, unlike some Ctrl shortcuts). */
  async runCommand(label, timeout = 10_000, { until } = {}) {
    return step(`command "${label}"`, () => twice(() => this.#runCommand(label, timeout, until)));
  }

  /** `until`: a locator the command shows (e.g. its own pick list, in the same widget) instead of the palette closing. */
  async #runCommand(label, timeout, until) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(`>${label}`, { timeout });
    // The row labelled exactly so: the filter keeps every label holding it ('Unfold All' for 'Fold All',
    // listed first when recently used), and Enter would run whichever is focused.
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).first();
    await row.waitFor({ state: 'visible', timeout });
    await row.click({ timeout });
    // The command ran: running it again could undo it (a toggle), so no retry past this point.
    await (until ?? this.page.locator('.quick-input-widget')).waitFor({ state: until ? 'visible' : 'hidden', timeout }).catch(final);
  }

  async closeAllEditors() {
    if (await this.page.locator('.tabs-container .tab').count() === 0) return;
    await this.runCommand('View: Close All Editors');
    await this.page.waitForFunction(() => document.querySelectorAll('.tabs-container .tab').length === 0, null, { timeout: 10_000 });
  }

  /** Wait until the active editor tab is `fileName`. */
  async waitForActiveEditor(fileName, timeout = 20_000) {
    await this.page.waitForFunction((name) => {
      const tab = document.querySelector('.editor-group-container.active .tabs-container .tab.active');
      return !!tab && (tab.getAttribute('aria-label') ?? tab.textContent ?? '').includes(name)
        && !!document.querySelector('.editor-group-container.active .monaco-editor .view-line');
    }, fileName, { timeout });
  }

  /** Open a workspace file by relative path through Quick Open (Ctrl+P; F1 + "Go to File" as fallback). */
  async quickOpen(relPath, { timeout = 20_000, waitForText = true } = {}) {
    return step(`quick open ${relPath}`, () => twice(() => this.#quickOpen(relPath, timeout, waitForText)));
  }

  async #quickOpen(relPath, timeout, waitForText) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+P');
    const shown = await input.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (!shown) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout });
    }
    await input.fill(relPath, { timeout });
    const base = path.posix.basename(relPath);
    const dir = path.posix.basename(path.posix.dirname(relPath));
    // Filtering is asynchronous and the unfiltered list (recently opened) can already contain the file:
    // wait until the *focused* row (what Enter opens) is the file, in the right folder.
    await this.page.waitForFunction(([b, d]) => {
      const row = document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused');
      const t = `${row?.getAttribute('aria-label') ?? ''} ${row?.textContent ?? ''}`;
      return !!row && t.includes(b) && (d === '.' || t.includes(d));
    }, [base, dir], { timeout });
    await input.press('Enter');
    if (waitForText) await this.waitForActiveEditor(base, timeout);
  }

  /** Open a workspace file by clicking through the explorer tree (expands folders as needed). */
  async openFromExplorer(relPath, timeout = 20_000) {
    return step(`open ${relPath} from the explorer`, () => this.#openFromExplorer(relPath, timeout));
  }

  async #openFromExplorer(relPath, timeout) {
    const parts = relPath.split('/');
    for (let i = 0; i < parts.length; i++) {
      const item = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-level="${i + 1}"]`)
        .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(parts[i])}$`) }) })
        .first();
      await item.waitFor({ state: 'visible', timeout });
      const isFolder = i < parts.length - 1;
      if (isFolder) {
        if (await item.getAttribute('aria-expanded') !== 'true') await item.click();
        await this.page.waitForFunction(([lvl, name]) => [...document.querySelectorAll(
          `.explorer-folders-view .monaco-list-row[aria-level="${lvl}"][aria-expanded="true"]`)]
          .some((r) => r.querySelector('.label-name')?.textContent === name), [i + 1, parts[i]], { timeout });
      } else {
        await item.click();
      }
    }
    await this.waitForActiveEditor(parts.at(-1), timeout);
  }

  /** Text of the status bar language mode item ("" when hidden). */
  async languageMode() {
    return this.page.evaluate(() => document.getElementById('status.editor.mode')?.innerText.trim() ?? '');
  }

  /** Wait until the language mode reads `expected`; throws with the last value seen. */
  async expectLanguageMode(expected, timeout = 20_000) {
    const ok = await this.page.waitForFunction((exp) =>
      document.getElementById('status.editor.mode')?.innerText.trim() === exp, expected, { timeout })
      .then(() => true, () => false);
    if (!ok) throw new Error(`status bar language mode is "${await this.languageMode()}", expected "${expected}"`);
  }

  /** Problem counts from the status bar, e.g. { errors: 3, warnings: 1, infos: 0, label }. */
  async problemCounts() {
    return this.page.evaluate(() => {
      const el = document.getElementById('status.problems');
      const label = el?.querySelector('[aria-label]')?.getAttribute('aria-label') ?? el?.innerText ?? '';
      const n = (re) => Number(re.exec(label)?.[1] ?? 0);
      return { errors: n(/Errors?:\s*(\d+)/i), warnings: n(/Warnings?:\s*(\d+)/i), infos: n(/Infos?:\s*(\d+)/i), label };
    });
  }

  async openProblemsPanel(timeout = 10_000) {
    const panel = this.page.locator('.markers-panel');
    if (await panel.isVisible().catch(() => false)) return;
    await this.page.locator('[id="status.problems"]').click();
    await panel.waitFor({ state: 'visible', timeout });
  }

  /** Rows of the Problems panel: [{ text, label }] (file rows included; marker rows carry "source(code)"). */
  async problemRows() {
    return this.page.evaluate(() => [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => ({
      text: r.innerText.replace(/\s+/g, ' ').trim(), label: r.getAttribute('aria-label') ?? '',
    })));
  }

  /**
   * Wait until the Problems panel shows at least/exactly the given number of rows per diagnostic code.
   * `expected` = { code: count }. Returns { counts, rows }; throws with what was seen.
   */
  async expectProblemCodes(expected, { exact = true, timeout = 30_000 } = {}) {
    await this.openProblemsPanel();
    const ok = await this.page.waitForFunction(([exp, exactly]) => {
      const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')]
        .map((r) => `${r.innerText} ${r.getAttribute('aria-label') ?? ''}`);
      return Object.entries(exp).every(([code, want]) => {
        const got = rows.filter((t) => t.includes(code)).length;
        return exactly ? got === want : got >= want;
      });
    }, [expected, exact], { timeout }).then(() => true, () => false);
    const rows = await this.problemRows();
    const counts = Object.fromEntries(Object.keys(expected).map((code) =>
      [code, rows.filter((r) => `${r.text} ${r.label}`.includes(code)).length]));
    if (!ok) {
      throw new Error(`problem counts ${JSON.stringify(counts)}, expected ${JSON.stringify(expected)}; rows: ${JSON.stringify(rows.map((r) => r.text))}`);
    }
    return { counts, rows };
  }

  /** Viewport rectangle of the first occurrence of `text` in the active editor's rendered lines (or null). */
  async textRect(text) {
    return this.page.evaluate((needle) => {
      const lines = document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line');
      for (const line of lines) {
        const nodes = [];
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let all = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
        const at = all.replace(/\u00a0/g, ' ').indexOf(needle);
        if (at < 0) continue;
        const locate = (off) => {
          for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k][1] <= off) return [nodes[k][0], off - nodes[k][1]];
          return [nodes[0][0], 0];
        };
        const range = document.createRange();
        range.setStart(...locate(at));
        const end = locate(at + needle.length - 1);
        range.setEnd(end[0], end[1] + 1);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, lineTop: line.style.top };
      }
      return null;
    }, text);
  }

  /**
   * Hover `text` in the active editor and wait (bounded) until the visible .monaco-hover-content text matches
   * `expect` (RegExp or substring; default: any content). Returns all visible hover text; throws with what was shown.
   */
  async hover(text, { expect = /\S/, timeout = 15_000 } = {}) {
    const rect = await this.textRect(text);
    if (!rect) throw new Error(`"${text}" is not rendered in the active editor`);
    await this.page.mouse.move(2, 2);   // leave any previous hover
    await this.page.mouse.move(rect.x + Math.min(rect.width / 2, 12), rect.y + rect.height / 2, { steps: 3 });
    const re = expect instanceof RegExp ? [expect.source, expect.flags] : [escapeRegExp(String(expect)), ''];
    // Providers answer separately: wait for the expected content, not just the first box.
    const ok = await this.page.waitForFunction(([src, flags]) => {
      const t = [...document.querySelectorAll('.monaco-hover-content')]
        .filter((e) => e.offsetParent !== null && !e.closest('.hidden')).map((e) => e.innerText).join('\n---\n');
      return new RegExp(src, flags).test(t);
    }, re, { timeout }).then(() => true, () => false);
    // Let the hover's fade-in finish (bounded), so a screenshot shows it opaque.
    if (ok) await this.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'
      || !a.effect?.target?.closest?.('.monaco-hover, .monaco-resizable-hover, .workbench-hover')), null, { timeout: 2_000 }).catch(() => {});
    const shown = await this.page.evaluate(() => [...document.querySelectorAll('.monaco-hover-content')]
      .filter((e) => e.offsetParent !== null && !e.closest('.hidden')).map((e) => e.innerText).join('\n---\n'));
    if (!ok) throw new Error(`hover over "${text}" shows ${JSON.stringify(shown)}, expected ${expect}`);
    return shown;
  }

  /** Colours of a rendered line containing `text`: token/inline-decoration colours and whole-line backgrounds. */
  async lineColors(text) {
    return this.page.evaluate((needle) => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      if (!editor) return null;
      const line = [...editor.querySelectorAll('.view-lines .view-line')]
        .find((l) => l.textContent.replace(/\u00a0/g, ' ').includes(needle));
      if (!line) return null;
      const fg = new Set();
      for (const s of line.querySelectorAll('span')) if (s.textContent.trim()) fg.add(getComputedStyle(s).color);
      const bg = new Set();
      for (const o of editor.querySelectorAll('.view-overlays > div')) {
        if (o.style.top !== line.style.top) continue;
        for (const d of [o, ...o.querySelectorAll('*')]) {
          const c = getComputedStyle(d).backgroundColor;
          if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') bg.add(c);
        }
      }
      return { fg: [...fg], bg: [...bg], defaultFg: getComputedStyle(editor).color };
    }, text);
  }

  /** Code lenses rendered in the active editor: [{ text, commands: [title...] }]. */
  async codeLenses() {
    return this.page.evaluate(() => [...document.querySelectorAll(
      '.editor-group-container.active .monaco-editor .codelens-decoration')].map((d) => ({
      text: d.innerText.trim(),
      commands: [...d.querySelectorAll('a[role="button"]')].map((a) => a.innerText.trim()),
    })).filter((l) => l.text));
  }

  /**
   * Wait (bounded) for at least `min` code lenses in the active editor and return them. With `clickable`, count
   * only lenses with a command anchor: on reopening a file VS Code first paints its cached lenses as plain
   * <span>s (no command), and replaces them when the provider answers.
   */
  async waitForCodeLenses(min = 1, { clickable = false, timeout = 20_000 } = {}) {
    const ok = await this.page.waitForFunction(([n, needAnchor]) => [...document.querySelectorAll(
      '.editor-group-container.active .monaco-editor .codelens-decoration')]
      .filter((d) => (needAnchor ? d.querySelector('a[role="button"]') : d.innerText.trim())).length >= n,
    [min, clickable], { timeout }).then(() => true, () => false);
    const lenses = await this.codeLenses();
    if (!ok) throw new Error(`expected >= ${min} ${clickable ? 'clickable ' : ''}code lens(es), found ${JSON.stringify(lenses)}`);
    return lenses;
  }

  /** Click a code lens command by title (string/RegExp) or index among all command anchors. */
  async clickCodeLens(which = 0) {
    const anchors = this.page.locator('.editor-group-container.active .monaco-editor .codelens-decoration a[role="button"]');
    const target = typeof which === 'number' ? anchors.nth(which) : anchors.filter({ hasText: which }).first();
    await target.waitFor({ state: 'visible', timeout: 10_000 });
    const title = (await target.innerText()).trim();
    await target.click();
    return title;
  }

  /** Go to a 1-based line of the active editor (Quick Open ":N"); the editor centres it. */
  async goToLine(line, timeout = 10_000) {
    return step(`go to line ${line}`, async () => {
      const input = this.page.locator('.quick-input-widget .quick-input-box input');
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Control+P');
      await input.waitFor({ state: 'visible', timeout });
      await input.fill(`:${line}`, { timeout });
      await this.page.waitForFunction(() => /line/i.test(document.querySelector('.quick-input-widget .quick-input-list')?.innerText ?? '')
        || /line/i.test(document.querySelector('.quick-input-widget .quick-input-message')?.innerText ?? ''), null, { timeout }).catch(() => {});
      await input.press('Enter');
      await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
      await this.page.waitForFunction((l) => new RegExp(`Ln ${l},`).test(document.getElementById('status.editor.selection')?.innerText ?? ''),
        line, { timeout });
    });
  }

  /** Between checks: no hover, no widget, the panel hidden, the mouse parked in a corner. */
  async resetLayout() {
    await this.page.mouse.move(1, 1);
    await this.page.keyboard.press('Escape');
    const hide = this.page.locator('.part.panel .action-label[aria-label^="Hide Panel"]').first();
    if (await hide.isVisible().catch(() => false)) {
      await hide.click();
      await this.page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    }
  }

  /** A screenshot named after the running check (`NN-check-suffix.png`), for intermediate states. */
  async shot(suffix) {
    return this.screenshot(`${this.shotPrefix ?? 'xx'}-${suffix}`);
  }

  /**
   * Every row of the Problems panel's tree, scrolling through the virtualised list (bounded): [{ index, level,
   * text, label }] in order. Level 1 = file rows, 2 = problems, 3 = related information.
   */
  async problemTree({ timeout = 20_000 } = {}) {
    await this.openProblemsPanel();
    const list = this.page.locator('.markers-panel .monaco-list').first();
    await list.waitFor({ state: 'visible', timeout });
    const snapshot = () => this.page.evaluate(() => [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => ({
      index: Number(r.dataset.index), level: Number(r.getAttribute('aria-level') ?? 0), last: r.dataset.lastElement === 'true',
      text: r.innerText.replace(/\s+/g, ' ').trim(), label: r.getAttribute('aria-label') ?? '',
    })));
    // Keyboard paging (Home, then PageDown until the row marked data-last-element is rendered): moves the tree's
    // focus only, never opens an editor.
    await list.focus();
    await this.page.keyboard.press('Home');
    await this.page.waitForFunction(() => !!document.querySelector('.markers-panel .monaco-list-row[data-index="0"]'), null, { timeout: 5_000 })
      .catch(() => {});   // an empty panel has no row 0
    const seen = new Map();
    const deadline = Date.now() + timeout;
    for (;;) {
      const rows = await snapshot();
      for (const r of rows) seen.set(r.index, r);
      if (rows.length === 0 || rows.some((r) => r.last)) break;
      if (Date.now() > deadline) throw new Error(`paging through the Problems panel did not reach its end in ${timeout} ms`);
      const maxIndex = Math.max(...rows.map((r) => r.index));
      await this.page.keyboard.press('PageDown');
      await this.page.waitForFunction((last) => [...document.querySelectorAll('.markers-panel .monaco-list-row')]
        .some((r) => Number(r.dataset.index) > last), maxIndex, { timeout: 3_000 }).catch(() => {});
    }
    await this.page.keyboard.press('Home');
    return [...seen.values()].sort((x, y) => x.index - y.index);
  }

  /**
   * The problems the panel lists, per file: { "Folder/file": [[code, severity, line], ...] } (sorted by line).
   * A file row's aria-label reads "N problems in file X of folder Y"; a problem row's text ends with
   * "<source> <code> [Ln L, Col C]" and its aria-label starts with "Error:", "Warning:", "Info:" or "Hint:".
   */
  async problemsByFile(opts) {
    const rows = await this.problemTree(opts);
    const out = {};
    let file = null;
    for (const r of rows) {
      const fileRow = /^(\d+) problems? in file (.+?)(?: of folder (.+))?$/.exec(r.label);
      if (fileRow) {
        file = fileRow[3] ? `${fileRow[3].split(/[\\/]/).pop()}/${fileRow[2]}` : fileRow[2];
        out[file] ??= [];
        continue;
      }
      const sev = /^(Error|Warning|Info|Hint):/.exec(r.label)?.[1]?.toLowerCase();
      if (!sev || !file) continue;   // related information rows
      const m = /\s([a-z][a-z0-9-]*)\)?\s*\[Ln (\d+), Col \d+\]$/.exec(r.text);
      out[file].push([m?.[1] ?? '?', sev, Number(m?.[2] ?? 0)]);
    }
    for (const list of Object.values(out)) list.sort((a, b) => a[2] - b[2] || a[0].localeCompare(b[0]));
    return out;
  }

  /**
   * Colour of `word` where it appears in the rendered line containing `lineText`, and the token scopes there:
   * { colour, spanText, defaultColour } (null when the line is not rendered).
   */
  async wordColour(lineText, word) {
    return this.page.evaluate(([needle, w]) => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      const line = [...(editor?.querySelectorAll('.view-lines .view-line') ?? [])]
        .find((l) => l.textContent.replace(/\u00a0/g, ' ').includes(needle));
      if (!line) return null;
      // Token spans are the leaves; find the one holding `word` after the start of `lineText`.
      const spans = [...line.querySelectorAll('span')].filter((s) => s.children.length === 0);
      let text = '';
      const starts = spans.map((s) => { const at = text.length; text += s.textContent.replace(/\u00a0/g, ' '); return at; });
      const at = text.indexOf(w, text.indexOf(needle));
      if (at < 0) return null;
      let k = starts.length - 1;
      while (k > 0 && starts[k] > at) k--;
      return { colour: getComputedStyle(spans[k]).color, spanText: spans[k].textContent.replace(/\u00a0/g, ' '),
        defaultColour: getComputedStyle(editor.querySelector('.view-lines')).color };
    }, [lineText, word]);
  }

  /** Put the cursor on `word` in the line containing `lineText` (a click). */
  async clickWord(lineText, word) {
    const locate = () => this.page.evaluate(([needle, w]) => {
      const line = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')]
        .find((l) => l.textContent.replace(/\u00a0/g, ' ').includes(needle));
      if (!line) return null;
      const nodes = [];
      let all = '';
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
      const at = all.replace(/\u00a0/g, ' ').indexOf(w, all.replace(/\u00a0/g, ' ').indexOf(needle));
      let k = nodes.length - 1;
      while (k > 0 && nodes[k][1] > at) k--;
      const range = document.createRange();
      range.setStart(nodes[k][0], at - nodes[k][1]);
      range.setEnd(nodes[k][0], at - nodes[k][1] + 1);
      const r = range.getBoundingClientRect();
      // Scrolled out of the editor's view, a click there would land on whatever is at that place.
      const view = line.closest('.monaco-scrollable-element')?.getBoundingClientRect();
      const visible = !view || (r.x >= view.left && r.right <= view.right && r.y >= view.top && r.bottom <= view.bottom);
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, visible };
    }, [lineText, word]);
    // Inlay hints (each record's time) can arrive between finding the word and clicking, moving the
    // text right: click again until the word is where the click went (bounded).
    for (let attempt = 0; attempt < 5; attempt++) {
      const rect = await locate();
      if (!rect) throw new Error(`"${word}" in "${lineText}" is not rendered in the active editor`);
      if (!rect.visible) throw new Error(`"${word}" in "${lineText}" is scrolled out of the editor's view: bring it into view first`);
      await this.page.mouse.click(rect.x + 2, rect.y);
      const after = await locate();
      if (after && Math.abs(after.x - rect.x) < 1 && Math.abs(after.y - rect.y) < 1) return;
    }
    throw new Error(`"${word}" in "${lineText}" kept moving while it was clicked`);
  }

  /** "Developer: Inspect Editor Tokens and Scopes" at the cursor: the widget's text (bounded wait until filled). */
  async inspectTokens(timeout = 10_000) {
    await this.runCommand('Developer: Inspect Editor Tokens and Scopes');
    const ok = await this.page.waitForFunction(() => /semantic token type|textmate scopes/i
      .test(document.querySelector('.token-inspect-widget')?.innerText ?? ''), null, { timeout }).then(() => true, () => false);
    const text = await this.page.evaluate(() => document.querySelector('.token-inspect-widget')?.innerText ?? '');
    if (!ok) throw new Error(`the token inspector showed ${JSON.stringify(text)}`);
    return text;
  }

  /** A coarse fingerprint of visible workbench state, to see that a click "did something". */
  async workbenchState() {
    return this.page.evaluate(() => JSON.stringify({
      tabs: [...document.querySelectorAll('.tabs-container .tab')].map((t) => t.getAttribute('aria-label')),
      active: document.querySelector('.tabs-container .tab.active')?.getAttribute('aria-label'),
      quickInput: !!document.querySelector('.quick-input-widget:not([style*="display: none"])')?.offsetParent,
      toasts: document.querySelectorAll('.notification-toast').length,
      panel: !!document.querySelector('.part.panel')?.offsetParent,
      selection: document.getElementById('status.editor.selection')?.innerText,
      peek: document.querySelectorAll('.peekview-widget').length,
    }));
  }
}

/** Rethrows `e` marked as not to be retried by `twice`. */
function final(e) {
  if (e && typeof e === 'object') e.final = true;
  throw e;
}

/**
 * Run a quick-input interaction, and once more if it fails: on a loaded 2-core machine the
 * workbench has been seen to swallow the first keystrokes into a freshly opened quick input
 * (fill hung for 30 s). A second failure is real and is reported with the first one's reason.
 */
async function twice(fn) {
  try { return await fn(); } catch (first) {
    if (first?.final) throw first;
    console.log(`[e2e] retrying once after: ${String(first?.message ?? first).split('\n', 1)[0]}`);
    try { return await fn(); } catch (second) {
      if (second instanceof Error) second.message += ` (first attempt: ${String(first?.message ?? first).split('\n', 1)[0]})`;
      throw second;
    }
  }
}

/** Run fn; prefix its error message with what was being done. */
async function step(what, fn) {
  try { return await fn(); } catch (e) {
    if (e instanceof Error) { e.message = `${what}: ${e.message}`; throw e; }
    throw new Error(`${what}: ${String(e)}`);
  }
}

/**
 * The page of a CMLog Table: the `nth` visible webview (in the order VS Code created them), inner frame.
 * Waits (bounded) until it holds the grid.
 */
async function tablePage(page, { nth = 0, timeout = 30_000 } = {}) {
  return step(`the CMLog Table page${nth ? ` #${nth + 1}` : ''}`, async () => {
    const outer = page.locator('iframe.webview.ready').locator('visible=true').nth(nth);
    await outer.waitFor({ timeout });
    const inner = page.frameLocator('iframe.webview.ready >> visible=true >> nth=' + nth).locator('#active-frame');
    await inner.waitFor({ state: 'attached', timeout });
    const frame = await (await inner.elementHandle({ timeout })).contentFrame();
    await frame.locator('[role=grid]').waitFor({ timeout });
    return frame;
  });
}

/** Open a workspace log in the table as a user does: Quick Open, then the command if it opened as text. */
async function openInTable(ui, relPath) {
  await ui.quickOpen(relPath, { waitForText: false });
  // Quick Open reopens a log in the editor it had last: the text editor, or the table.
  const kind = await ui.page.waitForFunction((name) => {
    const tab = document.querySelector('.editor-group-container.active .tabs-container .tab.active');
    if (!tab || !(tab.getAttribute('aria-label') ?? tab.textContent ?? '').includes(name)) return null;
    if (document.querySelector('.editor-group-container.active .monaco-editor .view-line')) return 'text';
    return [...document.querySelectorAll('iframe.webview.ready')].some((f) => f.checkVisibility()) ? 'table' : null;
  }, path.posix.basename(relPath), { timeout: 20_000 }).then((h) => h.jsonValue());
  if (kind === 'text') await ui.runCommand('CMLog: Open in CMLog Table');
  return tablePage(ui.page);
}

/** The two logs of two folders (two machines) the merge checks merge: 16 + 15 records. */
const MERGE_LOGS = [FIXTURE.cmtrace, FIXTURE.colourFile];

/** "CMLog: Merge Logs…" run from the palette; returns the pick list's input. */
async function openMergePicker(ui) {
  await ui.runCommand('CMLog: Merge Logs…', 20_000, { until: ui.page.locator('.quick-input-widget .quick-input-title', { hasText: 'CMLog: Merge Logs' }) });
  return ui.page.locator('.quick-input-widget .quick-input-box input');
}

/** In the open merge pick list, tick each of `relPaths` (found by name), press Enter: the merge's table page. */
async function mergePicked(ui, input, relPaths) {
  for (const name of relPaths.map((p) => path.posix.basename(p))) {
    await input.fill(name);
    const row = ui.page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    const box = row.locator('.quick-input-list-checkbox, input[type=checkbox]').first();
    await box.click();
    await ui.page.waitForFunction((n) => [...document.querySelectorAll('.quick-input-widget .monaco-list-row')]
      .some((r) => r.textContent.includes(n) && r.querySelector('input[type=checkbox]')?.checked), name, { timeout: 5_000 });
  }
  await input.press('Enter');
  await ui.page.locator('.tabs-container .tab', { hasText: `Merged ${relPaths.length} logs` }).waitFor({ timeout: 20_000 });
  return tablePage(ui.page);
}

/** Wait (bounded) until the table's status reads `re`; returns its first group as a number. */
async function waitForStatus(frame, re, timeout = 30_000) {
  const status = frame.locator('.status-bar .status');
  await status.filter({ hasText: re }).waitFor({ timeout })
    .catch(async () => { throw new Error(`the table's status reads "${await status.innerText().catch(() => '?')}", expected ${re}`); });
  return Number((re.exec(await status.innerText())?.[1] ?? '').replace(/,/g, ''));
}

/** The aria-labels of the rows the grid has drawn, in order, once none is still loading (bounded). */
async function rowLabels(frame, { timeout = 15_000, count = null } = {}) {
  // With `count`: the status line can say a new count a frame before the rows are drawn again.
  return frame.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('[role=grid] [role=row][data-row]')];
    if (rows.some((r) => r.classList.contains('loading')) || (n !== null && rows.length !== n)) return null;
    return rows.sort((a, b) => Number(a.dataset.row) - Number(b.dataset.row)).map((r) => r.getAttribute('aria-label'));
  }, count, { timeout }).then((h) => h.jsonValue(), () => { throw new Error(`the table's rows stayed "loading"${count === null ? '' : ` or not ${count}`}`); });
}

/** Click a row that lies wholly in the grid's viewport (a row under the header would make Playwright scroll it). */
async function clickRowInView(frame) {
  const row = await frame.locator('[role=grid] [role=row][data-row]').evaluateAll((rows) => {
    const v = document.querySelector('[role=grid] .scroller').getBoundingClientRect();
    const header = document.querySelector('[role=grid] .header')?.getBoundingClientRect().bottom ?? v.top;
    return rows.find((r) => { const a = r.getBoundingClientRect(); return a.top >= header && a.bottom <= v.bottom; })?.dataset.row;
  });
  if (row === undefined) throw new Error('no row of the table is wholly in view');
  await frame.locator(`[role=grid] [role=row][data-row="${row}"]`).click();
}

/** Wait (bounded) until a row whose label contains `text` lies wholly inside the grid's viewport. */
async function waitForRowInView(frame, text, timeout = 30_000) {
  const found = await frame.waitForFunction((t) => {
    const row = [...document.querySelectorAll('[role=grid] [role=row][data-row]')].find((r) => (r.getAttribute('aria-label') ?? '').includes(t));
    const view = document.querySelector('[role=grid] .scroller');
    if (!row || !view) return null;
    const a = row.getBoundingClientRect(); const v = view.getBoundingClientRect();
    const top = document.querySelector('[role=grid] .header')?.getBoundingClientRect().bottom ?? v.top;
    return a.top >= top - 1 && a.bottom <= v.bottom + 1 && a.height > 0 ? { row: Number(row.dataset.row), label: row.getAttribute('aria-label') } : null;
  }, text, { timeout }).then((h) => h.jsonValue(), () => null);
  if (!found) throw new Error(`no row with "${text}" in view of the table`);
  return found;
}

/** Wait (bounded, by the locator) for a table row whose aria-label contains `text`; returns that label. */
async function waitForRowLabel(page, text, timeout = 30_000) {
  const frame = await tablePage(page);
  const row = frame.locator(`[role=grid] [role=row][aria-label*="${text.replace(/["\\]/g, '\\$&')}"]`).first();
  await step(`a table row labelled with "${text}"`, () => row.waitFor({ timeout }));
  return row.getAttribute('aria-label');
}

function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

function parseRgb(c) {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c ?? '');
  return m ? m.slice(1, 4).map(Number) : null;
}
export function isReddish(c) {
  const rgb = parseRgb(c);
  if (!rgb) return false;
  const [r, g, b] = rgb;
  return r >= 150 && r - g >= 60 && r - b >= 60;
}

/** A check that opening `file` (Quick Open, or clicking through the explorer) shows language `mode`. */
function languageModeCheck(name, description, file, mode, { fromExplorer = false } = {}) {
  return {
    name,
    description,
    async run(ui) {
      if (fromExplorer) await ui.openFromExplorer(file);
      else await ui.quickOpen(file);
      await ui.expectLanguageMode(mode);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The checks. Add new ones here; give them a `feature` until the feature has landed (run them with
// E2E_FEATURES=<feature>). `docsImage` names the picture copied to docs/images/ when E2E_DOCS_IMAGES=1 and the
// check passed: the check's final screenshot, or the intermediate one named by `docsShot` (ui.shot(suffix)).
export const checks = [
  languageModeCheck('cmtrace-log-language-mode', 'a CMTrace-format .log opened from the explorer shows "ConfigMgr Log" in the status bar',
    FIXTURE.cmtrace, 'ConfigMgr Log', { fromExplorer: true }),
  languageModeCheck('legacy-log-language-mode', 'a legacy SMS-format .log (message  $$<component><time><thread>) shows "ConfigMgr Log"',
    FIXTURE.legacy, 'ConfigMgr Log'),
  languageModeCheck('cmtrace-txt-language-mode', 'a CMTrace-format log named .txt shows "ConfigMgr Log" (detected from content, not the name)',
    FIXTURE.txt, 'ConfigMgr Log'),
  languageModeCheck('plain-log-language-mode', 'a plain-text .log stays "Log"', FIXTURE.plain, 'Log'),
  {
    name: 'problems-panel',
    description: 'with SMS_AZUREAD_DISCOVERY_AGENT.log and CloudUserSync.log open, the Problems panel lists one aad-tenant-missing '
      + 'error (its 16 repeats related) and 2 user-not-found problems (adele warning, megan error) for them, on the right lines; other files listed '
      + '(problems scope = workspace) carry exactly their documented findings',
    docsImage: 'problems.png',
    docsShot: 'panel',
    async run(ui) {
      for (const f of FIXTURE.problemsOpen) {
        await ui.quickOpen(f);
        await ui.expectLanguageMode('ConfigMgr Log');
      }
      await ui.openProblemsPanel();
      const want = (file) => JSON.stringify(FIXTURE.problems[file] ?? []);
      const verdict = (seen) => {
        const errors = [];
        for (const f of FIXTURE.problemsOpen) if (JSON.stringify(seen[f] ?? []) !== want(f)) errors.push(f);
        for (const f of Object.keys(seen)) if (!FIXTURE.problemsOpen.includes(f) && JSON.stringify(seen[f]) !== want(f)) errors.push(f);
        return errors;
      };
      // Validation and the workspace index run in the background: re-read the panel until it is right (bounded).
      const deadline = Date.now() + 45_000;
      let seen; let wrong;
      for (;;) {
        const counts = await ui.problemCounts();
        if (counts.errors + counts.warnings + counts.infos >= 3) {   // 1 + 2 of the open files at least
          seen = await ui.problemsByFile();
          wrong = verdict(seen);
          if (wrong.length === 0) break;
        }
        if (Date.now() > deadline) {
          const show = (f) => `${f}: got ${JSON.stringify(seen?.[f] ?? [])}, expected ${want(f)}`;
          throw new Error(seen ? `Problems panel wrong for ${wrong.map(show).join('; ')}` : `status bar problem counts stayed at ${JSON.stringify(counts)}`);
        }
        await ui.page.waitForFunction((label) => (document.getElementById('status.problems')?.querySelector('[aria-label]')
          ?.getAttribute('aria-label') ?? '') !== label, counts.label, { timeout: 2_000 }).catch(() => {});
      }
      // Paging through the panel previews problems in the editor: show the open log again for the picture.
      await ui.quickOpen(FIXTURE.problemsOpen.at(-1));
      await ui.openProblemsPanel();
      await ui.shot('panel');
      return Object.fromEntries(Object.entries(seen).map(([f, l]) => [f, l.length]));
    },
  },
  {
    name: 'hover-user-not-found',
    description: 'hovering scott\'s first UserNotFound line in CloudUserSync.lo_ explains the 24-hour rule with the due time in log time and UTC',
    docsImage: 'hover.png',
    async run(ui) {
      await ui.quickOpen(FIXTURE.hoverFile);
      await ui.expectLanguageMode('ConfigMgr Log');
      await ui.goToLine(FIXTURE.hoverLine);   // centred, away from the edges where a hover could flip or be cut
      const all = FIXTURE.hoverExpect.map((t) => `(?=[\\s\\S]*${escapeRegExp(t)})`).join('');
      return ui.hover(FIXTURE.hoverText, { expect: new RegExp(`^${all}`), timeout: 20_000 });
    },
  },
  {
    name: 'error-lines-coloured-by-server',
    description: 'a plain word of a type="3" record (one the grammar leaves uncoloured) is red through the language server\'s '
      + 'semantic tokens (cmlogError); the same kind of word in an information record is not',
    docsImage: 'highlighting.png',
    docsShot: 'colours',
    async run(ui) {
      await ui.quickOpen(FIXTURE.colourFile);
      await ui.expectLanguageMode('ConfigMgr Log');
      // The editor comes back as an earlier check left it (a problem's range selected, scrolled far
      // right): to the top left, where the short file's lines show from their start.
      await ui.page.keyboard.press('Control+Home');
      await ui.page.waitForFunction(() => /^Ln 1, Col 1$/.test(document.getElementById('status.editor.selection')?.innerText.trim() ?? ''), null, { timeout: 5_000 });
      // Semantic tokens arrive after the grammar's: wait (bounded) for the error word to turn red.
      const ok = await ui.page.waitForFunction(([line, word]) => {
        const l = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')]
          .find((x) => x.textContent.replace(/\u00a0/g, ' ').includes(line));
        const span = [...(l?.querySelectorAll('span') ?? [])].find((s) => s.children.length === 0 && s.textContent.replace(/\u00a0/g, ' ').includes(word));
        const m = span && /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(span).color);
        return !!m && +m[1] >= 150 && m[1] - m[2] >= 60 && m[1] - m[3] >= 60;
      }, [FIXTURE.errorLine, FIXTURE.errorWord], { timeout: 15_000 }).then(() => true, () => false);
      const error = await ui.wordColour(FIXTURE.errorLine, FIXTURE.errorWord);
      const info = await ui.wordColour(FIXTURE.infoLine, FIXTURE.infoWord);
      await ui.shot('colours');
      // Where the colour comes from: the token inspector at the error word.
      await ui.clickWord(FIXTURE.errorLine, FIXTURE.errorWord);
      const inspected = await ui.inspectTokens();
      const semantic = /semantic token type\s+(\S+)/.exec(inspected)?.[1] ?? '(none)';
      const scopes = /textmate scopes\s+([\s\S]*?)(?:\n\s*foreground|$)/.exec(inspected)?.[1]?.trim().split(/\s+/) ?? [];
      const detail = { error, info, semantic, scopes };
      const problems = [];
      if (semantic !== 'cmlogError') problems.push(`the token inspector shows semantic token type ${semantic}, expected cmlogError`);
      if (scopes.some((s) => /error|invalid|keyword/.test(s))) problems.push(`the grammar already colours "${FIXTURE.errorWord}" (${scopes.join(' ')}): pick another word`);
      if (!ok || !isReddish(error?.colour)) problems.push(`"${FIXTURE.errorWord}" in the error record is ${error?.colour} (span "${error?.spanText}"), not red`);
      if (!info || isReddish(info.colour)) problems.push(`"${FIXTURE.infoWord}" in the information record is ${info?.colour}: red too`);
      if (problems.length) throw new Error(`${problems.join('; ')}; inspector: ${JSON.stringify(inspected.slice(0, 600))}`);
      await ui.page.keyboard.press('Escape');
      return detail;
    },
  },
  {
    name: 'code-lens-related-list',
    description: 'MP_RegistrationManager.log line 7 has a lens "⇄ N entries in M other logs within ±5 s"; clicking it lists '
      + 'the other logs\' entries nearest first with their gap and message, among them ClientIDManagerStartup.log\'s "Registering client using AAD auth."',
    docsImage: 'codelens.png',
    async run(ui) {
      await ui.quickOpen(FIXTURE.lensFile);
      await ui.expectLanguageMode('ConfigMgr Log');
      await ui.waitForCodeLenses(1, { clickable: true });
      // The lens of a line sits right above it: take the last lens that ends above the line's top.
      const lineRect = await ui.textRect(FIXTURE.lensLineText);
      if (!lineRect) throw new Error(`line "${FIXTURE.lensLineText}" is not rendered`);
      const lens = ui.page.locator('.editor-group-container.active .monaco-editor .codelens-decoration');
      const lenses = await lens.evaluateAll((els) => els.map((e) => ({ text: e.innerText.trim(), bottom: e.getBoundingClientRect().bottom })));
      const above = lenses.map((l, i) => ({ ...l, i })).filter((l) => l.bottom <= lineRect.y + 1).sort((a, b) => b.bottom - a.bottom)[0];
      const m = above && FIXTURE.lensTitle.exec(above.text);
      if (!m) throw new Error(`the lens above "${FIXTURE.lensLineText}" reads ${JSON.stringify(above?.text)}, expected ${FIXTURE.lensTitle}; lenses: ${JSON.stringify(lenses.map((l) => l.text))}`);
      const entries = Number(m[1]);
      await lens.nth(above.i).locator('a[role="button"]').first().click();
      // A pick list of the other logs' entries, nearest first: "±gap  log" and the message.
      const pick = ui.page.locator('.quick-input-widget');
      await pick.waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
        throw new Error(`clicking "${above.text}" showed no pick list; state ${await ui.workbenchState()}`);
      });
      const title = await pick.locator('.quick-input-title').innerText().catch(() => '');
      const tm = /(\d[\d,]*) entr(?:y|ies) in (\d+) other logs?/.exec(title);
      if (!tm || Number(tm[1].replace(/,/g, '')) !== entries) throw new Error(`the lens says ${entries} entries, the pick list's title is ${JSON.stringify(title)}`);
      const row = pick.locator('.monaco-list-row', { hasText: FIXTURE.lensOtherLog }).filter({ hasText: FIXTURE.lensOtherLine }).first();
      await row.waitFor({ state: 'visible', timeout: 10_000 })
        .catch(() => { throw new Error(`the pick list has no row of ${FIXTURE.lensOtherLog} with "${FIXTURE.lensOtherLine}"`); });
      const rowText = (await row.innerText()).replace(/\s+/g, ' ');
      if (!/(?:[+-]\d+(?:\.\d+)?|±0) s/.test(rowText)) throw new Error(`the row shows no time gap: ${JSON.stringify(rowText)}`);
      if (/<!\[LOG\[|\]LOG\]!>/.test(rowText)) throw new Error(`the row shows raw markup: ${JSON.stringify(rowText)}`);
      await row.click();
      await ui.page.waitForFunction((t) => [...document.querySelectorAll('.editor-group-container .view-line')]
        .some((l) => l.textContent.replace(/\u00a0/g, ' ').includes(t)), FIXTURE.lensOtherLine, { timeout: 10_000 })
        .catch(() => { throw new Error(`choosing the row did not open ${FIXTURE.lensOtherLog} at "${FIXTURE.lensOtherLine}"`); });
      const locations = title;
      return { lens: above.text, locations: locations ?? '(not shown)' };
    },
  },
  // The CMLog Table (issue #15), as a user works with it. The page sits in VS Code's webview iframes
  // (iframe.webview > iframe#active-frame): one element with role=grid, rows with role=row, data-row (0-based)
  // and an aria-label holding the record's severity, time and message; the status bar reads "N rows" or
  // "N of M rows", with " · reading…" while the server still reads the log.
  {
    name: 'table-large-log',
    description: `a 100 MB CMTrace log (${BIG_LOG}, over VS Code's 50 MB sync limit) opened from Quick Open reopens in the CMLog Table; `
      + 'once read, Home shows its first record and End its last',
    docsImage: 'table.png',
    async run(ui) {
      await ui.quickOpen(BIG_LOG, { waitForText: false });
      const t = await tablePage(ui.page, { timeout: 60_000 });
      const rows = await waitForStatus(t, /^([\d,]+) rows$/, 90_000);
      if (rows < 400_000) throw new Error(`the 100 MB log shows ${rows} rows, expected about 480,000`);
      // The text tab VS Code could not fill is gone: the table took its place.
      const tabs = await ui.page.locator('.tabs-container .tab', { hasText: path.posix.basename(BIG_LOG) }).count();
      if (tabs !== 1) throw new Error(`${tabs} tabs of ${BIG_LOG}: the bare text tab stayed beside the table`);
      await clickRowInView(t);
      await ui.page.keyboard.press('Home');
      const first = await waitForRowInView(t, 'Evaluating policy assignment {6F2C0000-');
      await ui.shot('top');
      await ui.page.keyboard.press('End');
      const last = await waitForRowInView(t, BIG_LOG_LAST);
      if (last.row !== rows - 1) throw new Error(`End shows "${BIG_LOG_LAST}" as row ${last.row + 1} of ${rows}`);
      // The detail pane follows the keyboard's selection to the last record.
      await t.locator('.detail .detail-message', { hasText: BIG_LOG_LAST }).waitFor({ timeout: 15_000 });
      return { rows, first: first.label, last: last.label };
    },
  },
  {
    name: 'table-filter',
    description: 'in ccmsetup.log\'s table, turning off warnings, information and success leaves its 3 error records; '
      + 'the text filter "WAM" then leaves the 2 of them that mention WAM',
    async run(ui) {
      const t = await openInTable(ui, FIXTURE.colourFile);
      const total = await waitForStatus(t, /^([\d,]+) rows$/);
      // The counts come with the facets: wait for them before using the toggles.
      await t.locator('.sev-toggle[data-severity=error] .count', { hasText: /^3$/ }).waitFor({ timeout: 15_000 })
        .catch(() => { throw new Error('the error toggle does not count 3 records'); });
      for (const sev of ['warning', 'information', 'success']) await t.locator(`.sev-toggle[data-severity=${sev}]`).click();
      await waitForStatus(t, new RegExp(`^3 of ${total} rows$`));
      const errors = await rowLabels(t, { count: 3 });
      if (errors.length !== 3 || !errors.every((l) => l.startsWith('Error,'))) throw new Error(`errors only shows ${JSON.stringify(errors)}`);
      await ui.shot('severity');
      await t.locator('.filter-text').fill('WAM');
      await t.locator('.filter-text').press('Enter');
      await waitForStatus(t, new RegExp(`^2 of ${total} rows$`));
      const wam = await rowLabels(t, { count: 2 });
      if (wam.length !== 2 || !wam.every((l) => l.startsWith('Error,') && l.includes('WAM'))) throw new Error(`errors with "WAM" shows ${JSON.stringify(wam)}`);
      return { total, errors: errors.length, wam };
    },
  },
  {
    name: 'table-detail',
    description: 'selecting ccmsetup.log\'s "WAM token request failed" row shows the detail pane: the whole message, its problem '
      + 'with the explanation, and the record\'s attributes',
    docsImage: 'table-detail.png',
    async run(ui) {
      const t = await openInTable(ui, FIXTURE.colourFile);
      await waitForStatus(t, /^([\d,]+) rows$/);
      await t.locator(`[role=grid] [role=row][aria-label*="${FIXTURE.errorLine.slice(0, 30)}"]`).first().click();
      const detail = t.locator('.detail');
      await step('the detail pane shows the message', () => detail.locator('.detail-message', { hasText: FIXTURE.errorLine }).waitFor({ timeout: 15_000 }));
      await step('the detail pane shows the problem', () => detail.locator('.problem .problem-title').first().waitFor({ timeout: 15_000 }));
      const headings = await detail.locator('h3').allInnerTexts();
      for (const h of ['Problems', 'Attributes']) if (!headings.includes(h)) throw new Error(`the detail pane has headings ${JSON.stringify(headings)}, no "${h}"`);
      const problem = await detail.locator('.problem').first().innerText();
      const attributes = await detail.locator('.attributes').innerText();
      if (!/thread/i.test(attributes) || !attributes.includes('6512')) throw new Error(`the attributes read ${JSON.stringify(attributes)}`);
      return { problem: problem.slice(0, 200) };
    },
  },
  {
    name: 'table-copy-rows',
    description: 'three rows of ccmsetup.log selected in the table (click, Shift+click) and copied with Ctrl+C paste into an '
      + 'untitled editor as three tab-separated lines with time, component and message, without markup',
    async run(ui) {
      const t = await openInTable(ui, FIXTURE.colourFile);
      await waitForStatus(t, /^([\d,]+) rows$/);
      await t.locator('[role=grid] [role=row][data-row="3"]').click();
      await t.locator('[role=grid] [role=row][data-row="5"]').click({ modifiers: ['Shift'] });
      await waitForStatus(t, /^[\d,]+ rows · (3) selected$/);
      await ui.page.keyboard.press('Control+C');
      await waitForStatus(t, /^Copied (3) rows\.$/);
      await ui.runCommand('File: New Untitled Text File');
      await ui.waitForActiveEditor('Untitled');
      await ui.page.keyboard.press('Control+V');
      const want = [FIXTURE.errorLine, 'Failed to get AAD token..', "Failed to get AAD token for 'S-1-5-18' from WAM API"];
      const lines = await ui.page.waitForFunction((w) => {
        const ls = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')]
          .map((l) => l.textContent.replace(/\u00a0/g, ' ')).filter((l) => l.trim());
        return ls.length >= w.length && w.every((x) => ls.some((l) => l.includes(x))) ? ls : null;
      }, want, { timeout: 15_000 }).then((h) => h.jsonValue(), () => null);
      await ui.shot('pasted');
      if (!lines) throw new Error('the pasted text does not hold the three copied messages');
      if (lines.length !== 3 || lines.some((l) => /<!\[LOG\[|\]LOG\]!>/.test(l) || !l.includes('10:12:01.76') || !l.includes('ccmsetup'))) {
        throw new Error(`pasted ${JSON.stringify(lines)}: expected 3 lines with time, component and message, no markup`);
      }
      await ui.runCommand('View: Revert and Close Editor');
      return { lines };
    },
  },
  {
    name: 'table-merge-two-folders',
    description: 'Merge logs… with MP_RegistrationManager.log (SiteServer) and ccmsetup.log (Client) picked in the list opens one '
      + 'table, "Merged 2 logs", holding the records of both with their source',
    docsImage: 'table-merge.png',
    async run(ui) {
      const input = await openMergePicker(ui);
      // A folder (a machine's) filters the list: its logs stay.
      await input.fill('SiteServer');
      await ui.page.locator('.quick-input-widget .monaco-list-row', { hasText: path.posix.basename(FIXTURE.cmtrace) }).first().waitFor({ state: 'visible', timeout: 10_000 });
      // ... and the other folder's leave it (Client/ccmsetup.log is a row of the unfiltered list).
      await ui.page.waitForFunction((n) => ![...document.querySelectorAll('.quick-input-widget .monaco-list-row')].some((r) => r.textContent.includes(n)),
        path.posix.basename(FIXTURE.colourFile), { timeout: 5_000 }).catch(() => { throw new Error(`typing SiteServer left ${FIXTURE.colourFile} in the pick list`); });
      const t = await mergePicked(ui, input, MERGE_LOGS);
      const rows = await waitForStatus(t, /^([\d,]+) rows$/);
      // It opens Live at its newest rows (the server's); the client's error is earlier: scrolled to, as a user does.
      const server = await waitForRowLabel(ui.page, 'TenantId');
      await t.locator('[role=grid] .scroller').evaluate((el) => { el.scrollTop = 0; });
      const client = await waitForRowLabel(ui.page, FIXTURE.errorLine);
      // Two folders, two machines: each row names its log with its machine.
      if (!client.includes('source Client › ccmsetup.log') || !server.includes('source SiteServer › MP_RegistrationManager.log')) {
        throw new Error(`the rows do not name their source: ${JSON.stringify({ client, server })}`);
      }
      if (rows !== 31) throw new Error(`the merge has ${rows} rows, expected 15 + 16`);
      // Its rows as text: VS Code's Log language (no log format the server reads), not "ConfigMgr Log".
      await ui.runCommand('CMLog Table: Open Rows as Text', 20_000, { until: ui.page.locator('.tabs-container .tab', { hasText: 'Untitled' }) });
      await ui.page.locator('[id="status.editor.mode"]', { hasText: /^\s*Log\s*$/ }).waitFor({ timeout: 10_000 });
      await ui.runCommand('View: Revert and Close Editor');
      return { rows, client, server };
    },
  },
  {
    name: 'table-live-pause',
    description: 'a log the test writes, open in two tables side by side, grows: both follow it; the left one paused '
      + 'holds still while the right one shows the new record, and shows it once resumed',
    async run(ui) {
      const rel = `${LIVE_DIR}/Live.log`;
      const file = path.join(ui.workspace, rel);
      const record = (n, message) => `<![LOG[${message}]LOG]!><time="09:00:${String(n).padStart(2, '0')}.000+000" date="01-15-2024" `
        + `component="LiveTest" context="" type="1" thread="42" file="">\r\n`;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, [1, 2, 3].map((n) => record(n, `live record ${n}`)).join(''));
      const left = await openInTable(ui, rel);
      await waitForStatus(left, /^(3) rows$/);
      await ui.runCommand('View: Split Editor Right');
      const right = await tablePage(ui.page, { nth: 1 });
      await waitForStatus(right, /^(3) rows$/);

      fs.appendFileSync(file, record(4, 'live record 4'));
      for (const t of [left, right]) await waitForRowInView(t, 'live record 4');
      await left.locator('.status-bar .follow').click();
      await left.locator('.status-bar .follow', { hasText: 'Paused' }).waitFor({ timeout: 5_000 });

      fs.appendFileSync(file, record(5, 'live record 5'));
      await waitForRowInView(right, 'live record 5');
      // The right table has the record: the left one was told at the same time, had it been following.
      const held = await left.locator('.status-bar .status').innerText();
      if (held !== '4 rows' || await left.locator('[role=row][aria-label*="live record 5"]').count() > 0) {
        throw new Error(`the paused table changed: status "${held}"`);
      }
      await ui.shot('paused');
      await left.locator('.status-bar .follow').click();
      await waitForRowInView(left, 'live record 5');
      return { paused: held };
    },
  },
  {
    name: 'table-restored-after-reload',
    description: 'a merge of two logs (Thread column hidden, detail pane at the side, narrowed to one log without its information '
      + 'records) and a table of one log (detail pane hidden) come back after "Developer: Reload Window": the merge tab with its '
      + 'title, both logs, its layout and its narrowing (filter bar and rows); the table with its rows and its hidden pane',
    async run(ui) {
      const shown = (frame, selector, what) => step(what, () => frame.locator(selector).waitFor({ timeout: 15_000 }));
      const button = (frame, label) => frame.locator(`.toolbar button[aria-label="${label}"]`).click();
      const tabs = ui.page.locator('.tabs-container .tab');
      // Names only: a tab's problem count comes later after a reload.
      const tabNames = () => tabs.evaluateAll((ts) => ts.map((t) => (t.querySelector('.label-name') ?? t).textContent.trim()));
      // A table of one log (the custom editor), its detail pane hidden. (Its text tab may stay beside it.)
      const one = await openInTable(ui, FIXTURE.colourFile);
      const oneTab = await tabs.evaluateAll((ts) => ts.findIndex((t) => t.classList.contains('active')));
      const oneRows = await waitForStatus(one, /^([\d,]+) rows$/);
      await button(one, 'Show or hide the detail pane');
      await shown(one, '.main.detail-hidden', 'the table hides its detail pane');
      // A merge (a webview panel) in the same group: the Thread column hidden, the detail pane at the side.
      const merge = await mergePicked(ui, await openMergePicker(ui), MERGE_LOGS);
      const mergeRows = await waitForStatus(merge, /^([\d,]+) rows$/);
      await button(merge, 'Columns');
      await merge.locator('.menu [role=menuitemcheckbox]', { hasText: 'Thread' }).click();
      await shown(merge, '.grid.hide-thread', 'the merge hides its Thread column');
      await button(merge, 'Detail pane at the side or bottom');
      await shown(merge, '.main.detail-side', 'the merge puts its detail pane at the side');
      // Narrowed: the client's log only, its information records hidden.
      const client = 'Client › ccmsetup.log';
      await merge.locator('.filter-bar .picker', { hasText: 'Logs' }).click();
      await merge.locator(`.popup button[aria-label="Include ${client}"]`).click();
      await merge.locator('.popup input[type=search]').press('Escape');
      await merge.locator('.sev-toggle[data-severity="information"]').click();
      // Both filters applied: "N of M rows", and the N rows drawn (the log is short) all the client's, none information.
      const narrowedShown = (frame, what, timeout = 15_000) => step(what, () => frame.waitForFunction((c) => {
        const m = /^([\d,]+) of ([\d,]+) rows$/.exec(document.querySelector('.status-bar .status')?.textContent ?? '');
        const rows = [...document.querySelectorAll('[role=grid] [role=row][data-row]')];
        const [n, of] = m ? [m[1], m[2]].map((x) => Number(x.replace(/,/g, ''))) : [];
        if (!m || rows.length === 0 || rows.length !== n || rows.some((r) => r.classList.contains('loading'))) return null;
        return rows.every((r) => (r.getAttribute('aria-label') ?? '').includes(`source ${c}`) && !r.getAttribute('aria-label').startsWith('Information')) ? [n, of] : null;
      }, client, { timeout }).then((h) => h.jsonValue()));
      const [narrowRows] = await narrowedShown(merge, 'the merge shows the client\'s log without information');
      if (!(narrowRows < mergeRows)) throw new Error(`the narrowed merge shows ${narrowRows} of ${mergeRows} rows`);
      await ui.shot('before-reload');
      const before = await tabNames();

      await ui.reloadWindow();
      await step('the merge tab is back in front', () => ui.page.locator('.tabs-container .tab.active', { hasText: 'Merged 2 logs' })
        .waitFor({ timeout: 60_000 }));
      const restored = await tablePage(ui.page, { timeout: 60_000 });
      // Both logs are back (the total), and the narrowing with them: the same rows, of the client's log only, no information.
      const [rows, total] = await narrowedShown(restored, 'the restored merge shows the client\'s log without information', 60_000);
      if (rows !== narrowRows || total !== mergeRows) {
        throw new Error(`the restored merge shows ${rows} of ${total} rows, ${narrowRows} of ${mergeRows} before the reload`);
      }
      const errorRow = await waitForRowLabel(ui.page, FIXTURE.errorLine);
      if (!errorRow.includes(`source ${client}`)) throw new Error(`the restored merge's row does not name its source: ${errorRow}`);
      await shown(restored, '.sev-toggle[data-severity="information"][aria-pressed="false"]', 'the restored merge keeps information hidden');
      await step('the restored merge keeps its Logs pick', () => restored.locator('.chips .chip', { hasText: `log ${client}` }).waitFor({ timeout: 15_000 }));
      await shown(restored, '.grid.hide-thread', 'the restored merge keeps its Thread column hidden');
      await shown(restored, '.main.detail-side', 'the restored merge keeps its detail pane at the side');
      await ui.shot('merge-restored');
      const titles = await tabNames();
      if (JSON.stringify(titles) !== JSON.stringify(before)) {
        throw new Error(`after the reload the tabs are ${JSON.stringify(titles)}, before it ${JSON.stringify(before)}`);
      }
      // The table of one log, shown again by its tab (once the merge's page is hidden, the visible page is the table's).
      const mergeFrame = await restored.parentFrame().frameElement();
      await tabs.nth(oneTab).click();
      await step('the merge goes behind the table', () => mergeFrame.waitForElementState('hidden', { timeout: 15_000 }));
      const table = await tablePage(ui.page, { timeout: 60_000 });
      const tableRows = await waitForStatus(table, /^([\d,]+) rows$/, 60_000);
      if (tableRows !== oneRows) throw new Error(`the restored table has ${tableRows} rows, ${oneRows} before the reload`);
      await shown(table, '.main.detail-hidden', 'the restored table keeps its detail pane hidden');
      return { merge: { title: 'Merged 2 logs', rows, of: total }, table: { rows: tableRows }, tabs: titles };
    },
  },
  {
    name: 'palette-runs-the-named-command',
    description: 'the harness runs the palette entry named exactly as asked: "Fold All" right after "Unfold All" (recently used, so '
      + 'listed first, and holding "fold All") folds a log\'s multi-line records; "Unfold All" unfolds them',
    async run(ui) {
      await ui.quickOpen(FIXTURE.multiline);
      await ui.expectLanguageMode('ConfigMgr Log');
      const editor = ui.page.locator('.editor-group-container.active .monaco-editor').first();
      const collapsed = '.editor-group-container.active .monaco-editor .codicon-folding-collapsed';
      // The server's folding ranges have come: the margin has their (expanded) markers.
      await step('fold markers', () => editor.locator('.codicon-folding-expanded').first().waitFor({ state: 'attached', timeout: 20_000 }));
      await ui.runCommand('Unfold All');
      await ui.runCommand('Fold All');
      await step('"Fold All" folded', () => ui.page.locator(collapsed).first().waitFor({ state: 'attached', timeout: 10_000 }));
      const folded = await ui.page.locator(collapsed).count();
      await ui.runCommand('Unfold All');
      await step('"Unfold All" unfolded', () => ui.page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, collapsed, { timeout: 10_000 }));
      return { folded };
    },
  },
  {
    name: 'harness-self-test-failure',
    feature: 'fail-on-purpose',
    description: 'always fails: proves that a failing check is reported and code-server is still cleaned up',
    async run(ui) {
      await ui.quickOpen(FIXTURE.plain);
      await ui.expectLanguageMode('This Language Does Not Exist', 3_000);
    },
  },
];

export const DOCS_IMAGES_DIR = path.join(REPO, 'docs/images');

/**
 * Run the enabled checks on one page. Returns [{ name, status: 'pass'|'fail'|'skip', reason, ms, screenshot, detail }].
 * `skip` (E2E_SKIP) names checks or features not to run; `docsImages` (E2E_DOCS_IMAGES=1) copies the pictures of
 * passing checks to docs/images/. `hostErrors()` returns the extension host's error lines logged since its last call
 * (a failing check reports them).
 */
export async function runUiChecks({ browser, url, workspace, artifactsDir = ARTIFACTS_DIR, features = enabledFeatures(),
  skip = enabledFeatures(process.env.E2E_SKIP ?? ''), docsImages = !!process.env.E2E_DOCS_IMAGES,
  checkTimeoutMs = 90_000, log = console.log, hostErrors = () => [] } = {}) {
  const all = features.has('all');
  const results = [];
  // The clipboard permissions let VS Code's web clipboard work headless (the table's copy, then paste).
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Console errors of the workbench and its webviews (the table's page): a failing check reports those of its run.
  let consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error' && consoleErrors.length < 50) consoleErrors.push(m.text().slice(0, 300)); });
  const ui = new Ui(page, { artifactsDir, log });
  ui.workspace = workspace;
  try {
    const t0 = Date.now();
    let workbenchError;
    try { await ui.openWorkbench(url, workspace); } catch (e) { workbenchError = e; }
    await ui.screenshot('00-workbench').catch(() => {});
    log(`workbench ${workbenchError ? 'FAILED' : 'ready'} in ${Date.now() - t0} ms`);

    let i = 0;
    for (const check of checks) {
      i++;
      const shot = `${String(i).padStart(2, '0')}-${check.name}`;
      if (skip.has(check.name) || (check.feature && skip.has(check.feature))) {
        results.push({ name: check.name, status: 'skip', reason: 'listed in E2E_SKIP' });
        continue;
      }
      // "all" turns on every gated feature except the self-test that fails on purpose (name it to run it).
      if (check.feature && !(all && check.feature !== 'fail-on-purpose') && !features.has(check.feature)) {
        results.push({ name: check.name, status: 'skip', reason: `feature "${check.feature}" not in E2E_FEATURES` });
        continue;
      }
      const started = Date.now();
      let status = 'pass'; let reason = ''; let detail;
      if (workbenchError) {
        status = 'fail'; reason = `workbench did not load: ${workbenchError.message}`;
      } else {
        ui.shotPrefix = shot;
        consoleErrors = [];
        hostErrors();   // only what this check causes
        try {
          await ui.resetLayout().catch((e) => log(`  (could not reset the layout before ${check.name}: ${e.message})`));
          await ui.closeAllEditors().catch((e) => log(`  (could not close editors before ${check.name}: ${e.message})`));
          let timer;
          detail = await Promise.race([
            check.run(ui),
            new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`check timed out after ${checkTimeoutMs} ms`)), checkTimeoutMs); }),
          ]).finally(() => clearTimeout(timer));
        } catch (e) {
          status = 'fail'; reason = firstLines(e?.message ?? String(e));
          const host = hostErrors();
          if (host.length) reason += `\n  extension host errors: ${host.slice(-5).join(' | ')}`;
          if (consoleErrors.length) reason += `\n  browser console errors: ${consoleErrors.slice(-5).join(' | ')}`;
        }
      }
      const screenshot = await ui.screenshot(status === 'fail' ? `${shot}-FAILED` : shot).catch(() => undefined);
      const ms = Date.now() - started;
      results.push({ name: check.name, status, reason, ms, screenshot, detail });
      log(`${status === 'pass' ? 'PASS' : 'FAIL'} ui: ${check.name} (${ms} ms)${reason ? ` - ${reason}` : ''}`);
      if (detail !== undefined && process.env.E2E_VERBOSE) log(`  detail: ${JSON.stringify(detail)}`);
      if (docsImages && status === 'pass' && check.docsImage) {
        const from = check.docsShot ? path.join(artifactsDir, `${shot}-${check.docsShot}.png`) : screenshot;
        try {
          fs.mkdirSync(DOCS_IMAGES_DIR, { recursive: true });
          fs.copyFileSync(from, path.join(DOCS_IMAGES_DIR, check.docsImage));
          log(`  docs/images/${check.docsImage} <- ${path.basename(from)}`);
        } catch (e) { log(`  could not copy ${from} to docs/images: ${e.message}`); }
      }
    }
    // Quick navigation from the screenshots to the checks.
    fs.writeFileSync(path.join(artifactsDir, 'ui-checks.json'), JSON.stringify(results.map(({ name, status, reason, ms, screenshot, detail }) =>
      ({ name, status, reason, ms, screenshot: screenshot && path.basename(screenshot), detail })), null, 2));
  } finally {
    if (pageErrors.length && process.env.E2E_VERBOSE) log(`page errors:\n  ${pageErrors.join('\n  ')}`);
    await context.close().catch(() => {});
  }
  return results;
}

function firstLines(s, n = 6) {
  return s.split('\n').slice(0, n).join('\n');
}
