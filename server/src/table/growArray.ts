// An Int32Array that grows by doubling (amortised appends), for row lists of any length.
export class GrowInt32 {
  a: Int32Array;
  n = 0;
  constructor(capacity = 16) { this.a = new Int32Array(Math.max(16, capacity)); }
  /** Room for `more` values after the last. */
  reserve(more: number): void {
    if (this.n + more <= this.a.length) return;
    const b = new Int32Array(Math.max(this.n + more, this.a.length * 2));
    b.set(this.a.subarray(0, this.n));
    this.a = b;
  }

  push(v: number): void {
    this.reserve(1);
    this.a[this.n++] = v;
  }
}
