// The table webview's HTML shell: an empty `#app` the bundled UI (dist/webview.js) fills. Strict CSP:
// scripts only with this page's nonce, styles, fonts and images only from the extension's dist/
// (the webview's localResourceRoots), nothing inline, no network. Pure (no vscode import) for tests.
import { randomBytes } from 'node:crypto';

export interface ShellParts {
  /** webview.cspSource: the origin VS Code serves local resources from. */
  cspSource: string;
  /** webview.asWebviewUri of dist/webview.js and dist/webview.css, as strings. */
  scriptUri: string;
  styleUri: string;
  /** The tab's title (a file name: untrusted). */
  title: string;
  nonce: string;
}

/** A fresh nonce per page: 128 random bits, base64url (no characters that need quoting). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** Text and attribute values escaped for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * One source of webview.cspSource: 'self', or a host source with a scheme and a host (a leading `*.`
 * allowed), optional port and path. VS Code 1.99 gives "'self' https://*.vscode-cdn.net" (and adds the
 * extension's http(s) origin on a remote). Anything else — a keyword that loosens the policy, a bare
 * scheme, `*`, a `;` or `,` that would start a directive — is refused.
 */
const CSP_SOURCE = /^(?:'self'|[a-z][a-z0-9+.-]*:\/\/(?:\*\.)?[A-Za-z0-9+-]+(?:\.[A-Za-z0-9+-]+)*(?::(?:\d{1,5}|\*))?(?:\/[A-Za-z0-9._~%/+-]*)?)$/;

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // cspSource is VS Code's own, never user text; still, nothing that could add or loosen a directive.
  const sources = cspSource.split(' ');
  if (!sources.every((s) => CSP_SOURCE.test(s)) || !/^[A-Za-z0-9_-]+$/.test(nonce)) throw new Error('unexpected CSP source or nonce');
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function tableHtml(p: ShellParts): string {
  const a = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(p.styleUri)}">
<title>${a(p.title)}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${a(p.nonce)}" src="${a(p.scriptUri)}"></script>
</body>
</html>
`;
}
