// Which log each thread of `check --jobs N` takes next: workers the biggest in the window (small ones
// queued behind), this thread the first small one; never past the window ahead of the next result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Handout } from '../../server/src/cli/handout';

const MB = 1024 * 1024;

test('a worker takes the biggest log of the window, this thread the first small one; taken logs are not given again', () => {
  const sizes = [1, 78, 2, 47, 3, 31].map((n) => n * MB);
  const h = new Handout(sizes.length, (i) => sizes[i], 100);
  assert.equal(h.forWorker(0), 1);
  h.take(1);
  assert.equal(h.forWorker(0), 3, 'then the next biggest');
  assert.equal(h.forHere(0, 32 * MB), 0, 'this thread: in order, small only');
  h.take(0);
  assert.equal(h.forHere(0, 32 * MB), 2);
  assert.equal(h.smallest(0), 2, 'what a worker queues behind its big log');
  h.take(3);
  h.take(2);
  assert.equal(h.forHere(0, 4 * MB), 4, 'a log over the limit is left to the workers');
  assert.equal(h.remaining, 2);
});

test('nothing is taken past the window ahead of the next result; a requeued log goes first', () => {
  const sizes = [5, 1, 1, 90].map((n) => n * MB);
  const h = new Handout(sizes.length, (i) => sizes[i], 3);
  assert.equal(h.forWorker(0), 0, 'the 90 MB log is outside the window');
  h.take(0);
  assert.equal(h.forWorker(1), 3, 'once the window moves on');
  h.take(3);
  h.requeue(3);
  assert.equal(h.forWorker(1), 3);
  assert.equal(h.forHere(1, 100 * MB), 3, 'a requeued log first for any thread that may take it');
  assert.equal(h.forHere(1, 32 * MB), 1, 'but never a big one here: a small one instead');
  h.take(3);
  assert.equal(h.forWorker(1), 1);
  h.take(1);
  h.take(2);
  assert.equal(h.forWorker(1), -1);
  assert.equal(h.remaining, 0);
});

test('this thread goes on with small logs while a big one waits to be handed out again', () => {
  const sizes = [90, 1].map((n) => n * MB);
  const h = new Handout(sizes.length, (i) => sizes[i], 10);
  h.take(h.forWorker(0));
  h.requeue(0);
  assert.equal(h.forHere(0, 32 * MB), 1, 'not blocked by the big one at the head of the queue');
  h.take(1);
  assert.equal(h.forWorker(0), 0);
  h.take(0);
  assert.equal(h.remaining, 0);
});
