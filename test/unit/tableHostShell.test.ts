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
