import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PAGE_SIZE, PageCache } from '../../client/webview/pageCache';

const page = (p: number): number[] => Array.from({ length: PAGE_SIZE }, (_, i) => p * PAGE_SIZE + i);

test('page cache: rows by page, each page asked for once', () => {
  const c = new PageCache<number>(1, 4);
  assert.deepEqual(c.missing(0, PAGE_SIZE * 2 + 5), [0, 1, 2]);
  assert.deepEqual(c.missing(0, PAGE_SIZE * 2 + 5), [], 'pending pages are not asked for twice');
  assert.ok(c.put(1, 1, page(1), c.generation));
  assert.equal(c.get(PAGE_SIZE + 7), PAGE_SIZE + 7);
  assert.equal(c.get(7), undefined);
  c.failed(0, c.generation);
  assert.deepEqual(c.missing(0, 0), [0], 'a failed page may be asked for again');
});

test('page cache: bounded, least recently used evicted', () => {
  const c = new PageCache<number>(1, 3);
  for (let p = 0; p < 3; p++) c.put(1, p, page(p), c.generation);
  c.get(0); // page 0 is now the most recently used
  c.put(1, 3, page(3), c.generation);
  assert.equal(c.size, 3);
  assert.equal(c.get(PAGE_SIZE), undefined, 'page 1 (least recently used) went');
  assert.equal(c.get(0), 0);
  for (let p = 4; p < 100; p++) c.put(1, p, page(p), c.generation);
  assert.equal(c.size, 3, 'never more than the bound');
});

test('page cache: stale answers dropped, a newer version drops what is held', () => {
  const c = new PageCache<number>(5, 8);
  assert.equal(c.put(4, 0, page(0), c.generation), false, 'an answer for an older view is stale');
  assert.equal(c.get(0), undefined);
  c.put(5, 1, page(1), c.generation);
  assert.ok(c.put(6, 2, page(2), c.generation));
  assert.equal(c.version, 6);
  assert.equal(c.get(PAGE_SIZE), undefined, 'pages of version 5 dropped');
  c.reset(7);
  assert.equal(c.get(PAGE_SIZE * 2), undefined);
});

test('page cache: appended rows keep full pages, refetch the last partial one', () => {
  const c = new PageCache<number>(1, 8);
  c.put(1, 0, page(0), c.generation);
  c.put(1, 1, page(1).slice(0, 50), c.generation);
  c.appended(2, PAGE_SIZE + 50);
  assert.equal(c.get(3), 3);
  assert.equal(c.get(PAGE_SIZE), undefined);
  assert.deepEqual(c.missing(0, PAGE_SIZE + 120), [1]);
});

test('page cache: an answer asked for before a reset (other highlights, same view version) is not cached', () => {
  const c = new PageCache<number>(3, 8);
  assert.deepEqual(c.missing(0, 0), [0]);
  const old = c.generation;
  c.reset(3);
  assert.deepEqual(c.missing(0, 0), [0], 'asked for again with what the page asks now');
  assert.equal(c.put(3, 0, page(0).map((x) => -x), old), false, 'the old answer is stale though its view version is current');
  assert.equal(c.get(1), undefined);
  assert.deepEqual(c.missing(0, 0), [], 'the old answer leaves the new request pending');
  c.failed(0, old);
  assert.deepEqual(c.missing(0, 0), [], 'nor does its failure');
  assert.ok(c.put(3, 0, page(0), c.generation));
  assert.equal(c.get(1), 1);
});

test('page cache: a new view\'s first rows held as whole pages, never asked for; a part of a page not held', () => {
  const c = new PageCache<number>(1, 64);
  c.reset(2);
  // Pages 1 and 2 of a view of 3 * PAGE_SIZE + 10 rows, and its short last page.
  c.seed(2, PAGE_SIZE, [...page(1), ...page(2)], 3 * PAGE_SIZE + 10);
  assert.equal(c.get(PAGE_SIZE * 2 + 3), PAGE_SIZE * 2 + 3);
  assert.deepEqual(c.missing(0, 3 * PAGE_SIZE + 9), [0, 3], 'the pages held are not asked for');
  c.seed(2, 3 * PAGE_SIZE, page(3).slice(0, 10), 3 * PAGE_SIZE + 10);
  assert.equal(c.get(3 * PAGE_SIZE + 9), 3 * PAGE_SIZE + 9, 'the view\'s last page may be short');
  const d = new PageCache<number>(1, 64);
  d.seed(1, 0, [...page(0), ...page(1).slice(0, 5)], 10 * PAGE_SIZE);
  assert.deepEqual(d.missing(0, PAGE_SIZE + 4), [1], 'a part of a page is not held: asked for');
  d.seed(1, 5, page(0), 10 * PAGE_SIZE);
  assert.equal(d.size, 1, 'rows not from a page\'s first are not held');
});
