// The table page's HTML shell: a strict CSP with a fresh nonce per page, nothing inline but the
// nonce'd script, and a hostile file name shown as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, makeNonce, tableHtml } from '../../client/src/table/html';

const SRC = 'https://file+.vscode-resource.vscode-cdn.net';
const parts = (title: string, nonce = makeNonce()) => ({
  cspSource: SRC, nonce, title,
  scriptUri: `${SRC}/ext/dist/webview.js`, styleUri: `${SRC}/ext/dist/webview.css`,
});

test('nonces are fresh, 128-bit, and need no quoting', () => {
  const seen = new Set(Array.from({ length: 100 }, makeNonce));
  assert.equal(seen.size, 100);
  for (const n of seen) assert.match(n, /^[A-Za-z0-9_-]{22}$/);
});

test('the CSP allows scripts only by nonce and everything else only from the extension', () => {
  const csp = contentSecurityPolicy(SRC, 'abc');
  assert.match(csp, /^default-src 'none'; /);
  assert.match(csp, /script-src 'nonce-abc'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  assert.throws(() => contentSecurityPolicy(`${SRC}; script-src *`, 'abc'));
  assert.throws(() => contentSecurityPolicy(SRC, "abc' 'unsafe-inline"));
});

// VS Code 1.99 (desktop and code-server alike) gives webview.cspSource as "'self' https://*.vscode-cdn.net":
// refusing it threw in resolveCustomEditor, and the user saw "The editor could not be opened".
const VSCODE_CSP_SOURCE = "'self' https://*.vscode-cdn.net";

test('VS Code\'s own cspSource (a list with \'self\' and a wildcard host) is accepted as is', () => {
  const csp = contentSecurityPolicy(VSCODE_CSP_SOURCE, 'abc');
  assert.match(csp, /style-src 'self' https:\/\/\*\.vscode-cdn\.net(;|$)/);
  assert.match(csp, /font-src 'self' https:\/\/\*\.vscode-cdn\.net(;|$)/);
  // With the extension on an http(s) remote, VS Code adds the extension's origin.
  assert.doesNotThrow(() => contentSecurityPolicy(`${VSCODE_CSP_SOURCE} https://example.test:8080`, 'abc'));
  assert.ok(tableHtml({ ...parts('x.log', 'N'), cspSource: VSCODE_CSP_SOURCE }).includes('style-src &#39;self&#39; https://*.vscode-cdn.net'));
});

test('a cspSource that could add a directive or loosen one is refused', () => {
  for (const bad of [
    `${VSCODE_CSP_SOURCE}; script-src *`, `${VSCODE_CSP_SOURCE},script-src *`, "'unsafe-inline'", "'self' 'unsafe-eval'",
    "'self' *", "'self' https:", "'self' data:", '', ' ', "'self'\n", 'https://a.test/"', "https://a.test/'",
  ]) assert.throws(() => contentSecurityPolicy(bad, 'abc'), /unexpected CSP source/, JSON.stringify(bad));
});

test('the page: #app, the css and the nonce\'d script; a hostile title stays text', () => {
  const html = tableHtml(parts('<img src=x onerror=alert(1)>"\'.log', 'N0nce'));
  assert.ok(html.includes('<div id="app"></div>'));
  assert.ok(html.includes(`<link rel="stylesheet" href="${SRC}/ext/dist/webview.css">`));
  assert.ok(html.includes(`<script nonce="N0nce" src="${SRC}/ext/dist/webview.js"></script>`));
  assert.ok(!html.includes('<img'), 'the title is escaped');
  assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;&#34;&#39;.log'));
  // Exactly one script, no inline handlers or style attributes.
  assert.equal(html.match(/<script/g)!.length, 1);
  const markup = html.replace(/<title>[^<]*<\/title>/, '');
  assert.doesNotMatch(markup, /\son[a-z]+=|\sstyle=/i);
});
