/** The keyword kernel's bytes, compiled from server/src/parse/kernel.wat. */
export function compileKernel(): Promise<Buffer>;
