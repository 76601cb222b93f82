// The Extensions view shows the packaged README offline: its images are inside it (data: URIs; the
// view's CSP allows no relative or http images), and the VSIX the e2e harness packages holds them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as yauzl from 'yauzl';
// @ts-expect-error: a plain ES module script (scripts/), without types.
import { readmeImages, vsixReadme } from '../../scripts/vsixReadme.mjs';

const ROOT = path.resolve(__dirname, '..', '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const images: string[] = readmeImages(README);

function assertHoldsImages(shipped: string): void {
  assert.deepEqual(readmeImages(shipped), [], 'no relative image left');
  for (const img of images) {
    const data = `data:image/png;base64,${readFileSync(path.join(ROOT, img)).toString('base64')}`;
    assert.ok(shipped.includes(`](${data})`), `${img} is inside the README`);
  }
}

test('the shipped README has every image the README links inside it, and absolute links', () => {
  assert.ok(images.length >= 5 && images.every((i) => i.startsWith('docs/images/')), images.join());
  const shipped: string = vsixReadme(README, ROOT, 'https://github.com/o/r');
  assertHoldsImages(shipped);
  assert.ok(shipped.includes('[samples/README.md](https://github.com/o/r/blob/HEAD/samples/README.md)'));
});

test('the manifest: vsce ships dist/README.md; the page opens for an admin; developers\' commands have their section', () => {
  assert.equal(manifest.vsce.readmePath, 'dist/README.md');
  assert.match(manifest.scripts.package, /--no-rewrite-relative-links/);
  assert.ok(!manifest.categories.includes('Other'), 'a category that says what it is');
  const first = README.indexOf('\n## ');
  assert.doesNotMatch(README.slice(0, README.indexOf('\n## ', first + 1)), /npm (install|start|test)/, 'the first section is for users');
  const dev = README.slice(README.indexOf('\n## Development'));
  for (const cmd of ['npm install && npm start', 'npm test']) assert.ok(dev.includes(cmd), cmd);
});

const VSIX = path.join(ROOT, '.cache', 'e2e-run', 'cmlog-lens.vsix');
// The VSIX `npm run test:e2e` packaged (test/e2e/run.mjs); skipped in a unit run without one.
test('the VSIX the harness packaged holds every image the README links', { skip: process.env.CMLOG_EDITOR_FILES_REQUIRED !== '1' && !existsSync(VSIX) && 'no e2e VSIX' }, async () => {
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => yauzl.open(VSIX, { lazyEntries: true }, (err, zip) => {
    if (err) return reject(err);
    zip.on('entry', (e: yauzl.Entry) => zip.openReadStream(e, (err2, s) => {
      if (err2) return reject(err2);
      const parts: Buffer[] = [];
      s.on('data', (b: Buffer) => parts.push(b)).on('end', () => { entries.set(e.fileName, Buffer.concat(parts)); zip.readEntry(); });
    }));
    zip.on('end', () => resolve()).on('error', reject);
    zip.readEntry();
  }));
  const readme = entries.get('extension/readme.md');
  assert.ok(readme, `a readme among ${[...entries.keys()].join()}`);
  assertHoldsImages(readme.toString('utf8'));
});
