// The characters that must never reach a user raw, whatever the output: C0 controls except tab,
// LF and CR, DEL, C1 controls, zero-width and bidirectional controls (U+202E makes text read
// differently from what it is), line/paragraph separators and the BOM. Markdown output removes
// them (markdown.ts), plain-text output shows them as escapes (plainText.ts).

/** Global: use it with `replace` only (stateless there), never with `test` or `exec`. */
// eslint-disable-next-line no-control-regex
export const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/g;
