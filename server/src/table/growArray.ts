// An Int32Array that grows by doubling (amortised appends), for row lists of any length.
export class GrowInt32 {
  a: Int32Array;
  n = 0;
  constructor(capacity = 16) { this.a = new Int32Array(Math.max(16, capacity)); }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}
