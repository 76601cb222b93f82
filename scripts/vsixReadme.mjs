// The README the VSIX ships (dist/README.md, vsce's readmePath): VS Code's Extensions view shows it
// in a webview whose CSP allows only https: and data: images and no base URL, so relative images
// show as alt text and an https URL needs the internet. The images the README links are inlined as
// data: URIs (PNG only: vsce refuses SVG data URLs); other relative links point at the repository,
// as vsce's own rewriting (turned off with --no-rewrite-relative-links, which refuses data: images) did.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const MIME = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };
/** `[text](target)` and `![alt](target)`: no nesting in this README; linear (no overlapping repeats). */
const LINK = /(!?)\[([^\]\n]*)\]\(([^()\s]+)\)/g;
const relative = (target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#');

/** The relative image paths `readme` links, as written. */
export function readmeImages(readme) {
  return [...readme.matchAll(LINK)].filter(([, bang, , target]) => bang && relative(target)).map((m) => m[3]);
}

/** `readme` with its images inlined from `root` and its other relative links made absolute under `repoUrl`. */
export function vsixReadme(readme, root, repoUrl) {
  return readme.replace(LINK, (all, bang, text, target) => {
    if (!relative(target)) return all;
    if (!bang) return `[${text}](${repoUrl}/blob/HEAD/${path.posix.normalize(target)})`;
    const mime = MIME[path.extname(target).toLowerCase()];
    if (!mime) throw new Error(`README image ${target}: only PNG, JPEG or GIF can be inlined`);
    return `![${text}](data:${mime};base64,${readFileSync(path.join(root, target)).toString('base64')})`;
  });
}

/** Writes dist/README.md from README.md under `root`. */
export function writeVsixReadme(root) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const repoUrl = String(pkg.repository?.url ?? pkg.repository).replace(/\.git$/, '');
  const out = path.join(root, pkg.vsce.readmePath);
  writeFileSync(out, vsixReadme(readFileSync(path.join(root, 'README.md'), 'utf8'), root, repoUrl));
}
