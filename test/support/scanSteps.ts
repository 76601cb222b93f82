// Counts the scanner's own steps, which string and regex counters cannot see: the scanner reads
// character codes from a typed array and hands lines and messages to the WebAssembly kernel. While
// counting, every scan reads through a CountingSource (installed by source.ts's probe) whose
// codes are a Proxy that counts each read, whose searches count the characters they pass, and the
// kernel's calls count the characters they cover (the kernel's own loops are linear in them:
// test/unit/kernel.test.ts). A re-read of the text per line or per record shows up here, whatever
// the path (legacy lines, CMTrace records, appends).
import { KernelWindow, WINDOW } from '../../server/src/parse/kernel';
import { needle, type Needle, type Source, sourceProbe } from '../../server/src/parse/source';

const OPEN = needle('<![LOG[');
import type { Codes } from '../../server/src/parse/time';

/** Steps counted since the last `take`, by kind. */
const steps = { codes: 0, search: 0, kernel: 0 };
/** All steps since the last `take`, and how many may be taken before the scan is stopped. */
let spent = 0;
let budget = Infinity;

/** Thrown into the scan when it exceeds its budget: a quadratic scan fails at once rather than running for hours. */
export class OverBudget extends Error {}

function spend(n: number): void {
  if ((spent += n) > budget) throw new OverBudget(`the scan took more than ${budget} steps`);
}

function countingCodes(codes: Codes): Codes {
  const subarray = (a: number, b: number) => {
    // The kernel copies its windows out of the text: each copy reads what it copies.
    const s = codes.subarray(a, b);
    steps.codes += s.length;
    spend(s.length);
    return s;
  };
  return new Proxy(codes, {
    get(target, key) {
      // An index (or -1, or NaN from a read past a name): a read. Other keys are letters.
      if (typeof key === 'string' && key < ':') {
        steps.codes++;
        if (++spent > budget) spend(0);
        return target[+key];
      }
      if (key === 'subarray') return subarray;
      const v = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

class CountingSource implements Source {
  readonly codes: Codes;
  constructor(private readonly inner: Source) {
    this.codes = countingCodes(inner.codes);
  }
  find(needle: Needle, from: number): number {
    const at = this.inner.find(needle, from);
    const n = Math.max(1, at - from + needle.text.length);
    steps.search += n;
    spend(n);
    return at;
  }
  findLoneCr(from: number): number {
    const at = this.inner.findLoneCr(from);
    const n = Math.max(1, at - from + 1);
    steps.search += n;
    spend(n);
    return at;
  }
  name(a: number, b: number): string {
    const n = Math.max(1, b - a);
    steps.search += n;
    spend(n);
    return this.inner.name(a, b);
  }
  sticky(re: RegExp, a: number, limit: number): number {
    const end = this.inner.sticky(re, a, limit);
    // A miss is charged to the limit or the next `<![LOG[`: see the sticky model in linearity.test.ts.
    const n = Math.max(1, (end < 0 ? Math.min(limit, this.inner.find(OPEN, a)) : end) - a);
    steps.search += n;
    spend(n);
    return end;
  }
  release(): void {
    this.inner.release();
  }
}

const kernelLine = KernelWindow.prototype.line;
const kernelSeverity = KernelWindow.prototype.severity;

/** Counts the steps of every scan from now on; a scan is stopped (OverBudget) past `limit` steps in all. */
export function installScanSteps(limit = Infinity): void {
  budget = limit;
  sourceProbe.wrap = (s) => new CountingSource(s);
  KernelWindow.prototype.line = function (this: KernelWindow, from: number) {
    const end = kernelLine.call(this, from);
    // -1: the line runs past a window, read (at most twice) to its end.
    const n = end < 0 ? 2 * WINDOW : end - from + 1;
    steps.kernel += n;
    spend(n);
    return end;
  };
  KernelWindow.prototype.severity = function (this: KernelWindow, a: number, b: number) {
    steps.kernel += b - a + 1;
    spend(b - a + 1);
    return kernelSeverity.call(this, a, b);
  };
}

export function uninstallScanSteps(): void {
  budget = Infinity;
  sourceProbe.wrap = null;
  KernelWindow.prototype.line = kernelLine;
  KernelWindow.prototype.severity = kernelSeverity;
}

/** Whether nothing of the counting is left in place. */
export function scanStepsRemoved(): boolean {
  return sourceProbe.wrap === null && KernelWindow.prototype.line === kernelLine && KernelWindow.prototype.severity === kernelSeverity;
}

/** The steps counted since the last call, by kind (then reset). */
export function takeScanSteps(): Record<string, number> {
  const out = { 'scan: codes read': steps.codes, 'scan: searched': steps.search, 'scan: kernel': steps.kernel };
  steps.codes = steps.search = steps.kernel = spent = 0;
  return out;
}
