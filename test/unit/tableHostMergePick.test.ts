// "Merge Logs…": the pick list shows at once, busy and saying it reads the logs' starts; its rows
// fill in once they are read, in pickList's order (plain text last, unticked; the active log ticked);
// closing it stops the reading. Driven with a fake QuickPick (the part of vscode's it uses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PICK_PLACEHOLDER, runMergePick, type PickUi } from '../../client/src/table/mergePickList';
import { PLAIN_GROUP, type LogFile, type PickRow } from '../../client/src/table/pickList';

type Item = { label: string; separator?: boolean };

function fakeUi() {
  const hide: (() => void)[] = [];
  const accept: (() => void)[] = [];
  const ui: PickUi<Item> & { shown: boolean; disposed: boolean; fireHide(): void; fireAccept(): void } = {
    items: [], selectedItems: [], busy: false, ignoreFocusOut: false, placeholder: undefined, title: undefined, canSelectMany: false, matchOnDescription: false,
    shown: false, disposed: false,
    show() { this.shown = true; },
    dispose() { this.disposed = true; },
    onDidAccept: (l) => { accept.push(l); return { dispose: () => void accept.splice(accept.indexOf(l), 1) }; },
    onDidHide: (l) => { hide.push(l); return { dispose: () => void hide.splice(hide.indexOf(l), 1) }; },
    fireHide: () => { for (const l of [...hide]) l(); },
    fireAccept: () => { for (const l of [...accept]) l(); },
  };
  return ui;
}

/** A hasRecords whose answers the test gives: each call waits until released. */
function heldReads(plain: ReadonlySet<string>) {
  const waiting: (() => void)[] = [];
  const asked: string[] = [];
  const hasRecords = (f: LogFile) => new Promise<boolean>((done) => {
    asked.push(f.name);
    waiting.push(() => done(!plain.has(f.name)));
  });
  /** Releases every read asked so far and those they lead to, until none is left. */
  const releaseAll = async () => {
    for (let turns = 0; turns < 10_000 && waiting.length > 0; turns++) {
      waiting.shift()!();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { hasRecords, asked, waiting, releaseAll };
}

const toItem = (r: PickRow): Item => (r.kind === 'folder' ? { label: `# ${r.label}`, separator: true } : { label: r.label });
const f = (folder: string, name: string): LogFile => ({ uri: `file:///w/${folder}/${name}`, dir: `file:///w/${folder}`, folder, name });
const settle = () => new Promise((r) => setImmediate(r));

test('the list shows at once, busy and saying it reads the logs\' starts, before any start is read', async () => {
  const ui = fakeUi();
  const reads = heldReads(new Set());
  void runMergePick(ui, [f('PC1', 'a.log'), f('PC1', 'b.log')], { title: 'CMLog: Merge Logs', picked: new Set(), hasRecords: reads.hasRecords, toItem });
  assert.equal(ui.shown, true, 'shown before any read answered');
  assert.equal(ui.busy, true);
  assert.match(ui.placeholder ?? '', /reading the start of each log/i);
  assert.deepEqual(ui.items, []);
  assert.equal(ui.canSelectMany, true);
  assert.equal(ui.matchOnDescription, true);
  assert.equal(ui.ignoreFocusOut, true, 'a click elsewhere while it reads does not close it');
  await reads.releaseAll();
  await settle();
  assert.equal(ui.busy, false);
  assert.equal(ui.placeholder, PICK_PLACEHOLDER);
  assert.equal(ui.ignoreFocusOut, false, 'filled: it hides when the focus leaves, as any pick list');
});

test('a big folder: the placeholder says how many starts are read, every 50', async () => {
  const ui = fakeUi();
  const reads = heldReads(new Set());
  const files = Array.from({ length: 200 }, (_, k) => f('PC1', `log${k}.log`));
  void runMergePick(ui, files, { title: 'CMLog: Merge Logs', picked: new Set(), hasRecords: reads.hasRecords, toItem });
  /** Releases the next `n` reads, each once asked (the reads run a few at a time). */
  const release = async (n: number) => {
    for (let k = 0; k < n; k++) {
      for (let turns = 0; turns < 1000 && reads.waiting.length === 0; turns++) await settle();
      reads.waiting.shift()!();
    }
    await settle();
  };
  await release(49);
  assert.doesNotMatch(ui.placeholder ?? '', / of 200/);
  await release(1);
  assert.match(ui.placeholder ?? '', /\(50 of 200\)/);
  assert.equal(ui.busy, true);
  await release(50);
  assert.match(ui.placeholder ?? '', /\(100 of 200\)/);
  await reads.releaseAll();
  await settle();
  assert.equal(ui.placeholder, PICK_PLACEHOLDER);
});

test('once read, the rows are pickList\'s: folders sorted, plain text last and unticked, the active log ticked; Enter gives the picked URIs', async () => {
  const ui = fakeUi();
  const reads = heldReads(new Set(['notes.log']));
  const result = runMergePick(ui, [f('PC1', 'notes.log'), f('PC1', 'CcmExec.log'), f('A', 'z.log'), f('PC1', 'ccmsetup.log')], {
    title: 'CMLog: Merge Logs', picked: new Set(['file:///w/PC1/CcmExec.log']), hasRecords: reads.hasRecords, toItem,
  });
  // Enter while it reads closes nothing (nothing is listed yet).
  ui.fireAccept();
  assert.equal(ui.disposed, false);
  await reads.releaseAll();
  await settle();
  assert.deepEqual(ui.items.map((i) => i.label), ['# A', 'z.log', '# PC1', 'CcmExec.log', 'ccmsetup.log', `# ${PLAIN_GROUP}`, 'notes.log']);
  assert.deepEqual(ui.selectedItems.map((i) => i.label), ['CcmExec.log']);
  ui.selectedItems = [ui.items[1], ui.items[3]];
  ui.fireAccept();
  assert.deepEqual(await result, ['file:///w/A/z.log', 'file:///w/PC1/CcmExec.log']);
  assert.equal(ui.disposed, true);
});

test('closing the list while it reads stops the reading and picks nothing', async () => {
  const ui = fakeUi();
  const reads = heldReads(new Set());
  const files = Array.from({ length: 200 }, (_, k) => f('PC1', `log${k}.log`));
  const result = runMergePick(ui, files, { title: 'CMLog: Merge Logs', picked: new Set(), hasRecords: reads.hasRecords, toItem });
  const before = reads.asked.length;
  assert.ok(before < files.length, `reads a bounded number at once (${before})`);
  ui.fireHide();
  assert.equal(await result, undefined);
  await reads.releaseAll();
  assert.equal(reads.asked.length, before, 'no file read after the list was closed');
  assert.deepEqual(ui.items, [], 'nothing listed into a closed list');
  assert.equal(ui.disposed, true);
});

test('closing the list once read, or Enter with nothing picked, picks nothing', async () => {
  for (const how of ['hide', 'accept'] as const) {
    const ui = fakeUi();
    const reads = heldReads(new Set());
    const result = runMergePick(ui, [f('PC1', 'a.log')], { title: 'CMLog: Merge Logs', picked: new Set(), hasRecords: reads.hasRecords, toItem });
    await reads.releaseAll();
    await settle();
    if (how === 'hide') ui.fireHide(); else ui.fireAccept();
    assert.equal(await result, undefined, how);
  }
});
