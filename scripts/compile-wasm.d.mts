import type { Keyword } from '../server/src/parse/keywords';

/** kernel.wat with its keyword search generated from a keyword list (by default keywords.ts's). */
export function kernelWat(list?: readonly Keyword[]): string;
/** The keyword kernel's bytes, compiled from server/src/parse/kernel.wat and a keyword list. */
export function compileKernel(list?: readonly Keyword[]): Promise<Buffer>;
