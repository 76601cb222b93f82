// Which log each thread of `check --jobs N` takes next (see checkInOrder). Results are handed on in
// the order of the sources, so logs are taken only within a window ahead of the one yielded next;
// within it, a worker takes the biggest log not yet taken (and queues small ones behind it, to go on
// with while this thread is busy) and this thread the first small one. The longest logs start
// first, so the last ones to finish are short: with logs taken in order, a 78 MB log met late (or
// big ones queued on one worker) kept one thread busy long after the other had run out of logs.
// Pure: no threads here.

export class Handout {
  private readonly taken: Uint8Array;
  /** Every index before it is taken. */
  private first = 0;
  private untaken: number;
  /** Logs given to a worker that died before starting them: handed out again first. */
  private readonly again: number[] = [];

  /**
   * @param count how many logs
   * @param size a log's size in bytes (asked often: the caller caches it)
   * @param window how far ahead of `yielded` logs may be taken
   */
  constructor(count: number, private readonly size: (i: number) => number, private readonly window: number) {
    this.taken = new Uint8Array(count);
    this.untaken = count;
  }

  /** Logs not taken yet (those to hand out again included). */
  get remaining(): number {
    return this.untaken + this.again.length;
  }

  /** The log a worker should take next, `yielded` being the next result to hand on; -1 when none may be taken now. */
  forWorker(yielded: number): number {
    return this.again.length > 0 ? this.again[0] : this.pick(yielded, (a, b) => a > b);
  }

  /** The smallest log not taken (what a worker queues behind a big one, so that it does not wait long); -1 when none may be taken now. */
  smallest(yielded: number): number {
    return this.again.length > 0 ? this.again[0] : this.pick(yielded, (a, b) => a < b);
  }

  /** The log this thread should take next: one to hand out again, else the first not taken, of at most `max` bytes; -1 when none. */
  forHere(yielded: number, max: number): number {
    if (this.again.length > 0 && this.size(this.again[0]) <= max) return this.again[0];
    for (let i = this.first, end = this.end(yielded); i < end; i++) {
      if (!this.taken[i] && this.size(i) <= max) return i;
    }
    return -1;
  }

  /** Marks `i` (one forWorker, smallest or forHere gave) as taken. */
  take(i: number): void {
    const again = this.again.indexOf(i);
    if (again >= 0) {
      this.again.splice(again, 1);
      return;
    }
    this.taken[i] = 1;
    this.untaken--;
    while (this.first < this.taken.length && this.taken[this.first]) this.first++;
  }

  /** A log taken but never started (its worker died): handed out again before any other. */
  requeue(i: number): void {
    this.again.push(i);
  }

  /** The log not taken in the window that `better` prefers by size (the first of equals); -1 when none. */
  private pick(yielded: number, better: (a: number, b: number) => boolean): number {
    let best = -1;
    for (let i = this.first, end = this.end(yielded); i < end; i++) {
      if (!this.taken[i] && (best < 0 || better(this.size(i), this.size(best)))) best = i;
    }
    return best;
  }

  private end(yielded: number): number {
    return Math.min(this.taken.length, yielded + this.window);
  }
}
