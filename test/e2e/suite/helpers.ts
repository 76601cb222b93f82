// Shared helpers for the extension-host tests (bundled into each *.test.js by esbuild).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'cmlog-lens.cmlog-lens';

/** URI of a file of the fixture workspace (test/e2e/workspace, copied per run). */
export function fixture(relPath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open: the runner must open the fixture workspace');
  return vscode.Uri.joinPath(folder.uri, ...relPath.split('/'));
}

/** Poll `probe` every `intervalMs` until `done(value)` or the deadline; returns the last value seen. */
export async function pollUntil<T>(probe: () => T | Promise<T>, done: (v: T) => boolean,
  timeoutMs = 15_000, intervalMs = 100): Promise<{ ok: boolean; value: T }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return { ok: true, value };
    if (Date.now() >= deadline) return { ok: false, value };
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The current document for a URI (setTextDocumentLanguage replaces the TextDocument object). */
export function currentDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Open and show a fixture; returns its URI. */
export async function openFixture(relPath: string): Promise<vscode.Uri> {
  const uri = fixture(relPath);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return uri;
}

/** Wait (bounded) until the document's languageId is `expected`; fails with the last id seen. */
export async function expectLanguage(uri: vscode.Uri, expected: string, timeoutMs = 15_000): Promise<void> {
  const { ok, value } = await pollUntil(() => currentDocument(uri)?.languageId, (id) => id === expected, timeoutMs);
  assert.ok(ok, `${vscode.workspace.asRelativePath(uri)}: languageId is '${value}' after ${timeoutMs} ms, expected '${expected}'`);
}

/** A diagnostic's code as a string (`code` may be a string, a number or { value, target }). */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

/** Diagnostics of `uri` with `code`, sorted by line. */
export function diagnosticsOf(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code).sort((a, b) => a.range.start.line - b.range.start.line);
}

/** Wait (bounded) until `uri` has exactly `count` diagnostics with `code`; fails with what it has. */
export async function expectDiagnosticCount(uri: vscode.Uri, code: string, count: number, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  const { ok, value } = await pollUntil(() => diagnosticsOf(uri, code), (ds) => ds.length === count, timeoutMs, 200);
  assert.ok(ok, `${vscode.workspace.asRelativePath(uri)}: ${value.length} '${code}' diagnostic(s) after ${timeoutMs} ms, expected ${count}; all: ${
    JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}`))}`);
  return value;
}

/** 0-based position of the first occurrence of `text` in the document (fails if absent). */
export async function positionOf(uri: vscode.Uri, text: string, fromLine = 0): Promise<vscode.Position> {
  const doc = currentDocument(uri) ?? await vscode.workspace.openTextDocument(uri);
  for (let l = fromLine; l < doc.lineCount; l++) {
    const c = doc.lineAt(l).text.indexOf(text);
    if (c >= 0) return new vscode.Position(l, c);
  }
  assert.fail(`"${text}" not found in ${vscode.workspace.asRelativePath(uri)}`);
}

/** Text of hover contents (MarkdownString or MarkedString). */
export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : (c as { value: string }).value)).join('\n---\n');
}
