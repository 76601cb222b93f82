// The custom protocol is typed and stated once: every custom request is a RequestType constant in
// server/src/protocol.ts, and neither side spells a method name or the merged view's scheme itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RequestType } from 'vscode-languageserver-protocol';
import { Requests, TableRequests } from '../../server/src/protocol';

const ROOT = path.resolve(__dirname, '../..');
const PROTOCOL = path.join('server', 'src', 'protocol.ts');

/** Every .ts file under the client's and the server's sources (relative paths). */
function sources(): string[] {
  const out: string[] = [];
  for (const dir of ['client/src', 'server/src']) {
    for (const entry of readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) out.push(path.relative(ROOT, path.join(entry.parentPath, entry.name)));
    }
  }
  return out;
}

test('every custom request is a typed constant with a cmlog/ method', () => {
  const methods = [...Object.values(Requests), ...Object.values(TableRequests)].map((r) => {
    assert.ok(r instanceof RequestType, `${String(r)} is a RequestType`);
    return r.method;
  });
  for (const m of methods) assert.match(m, /^cmlog\/(table\/)?[A-Za-z]+$/);
  assert.equal(new Set(methods).size, methods.length, 'method names are distinct');
});

test('no client or server module spells a custom method name', () => {
  const files = sources();
  assert.ok(files.includes(PROTOCOL) && files.some((f) => f.startsWith('client')));
  for (const file of files) {
    if (file === PROTOCOL) continue;
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    assert.doesNotMatch(text, /['"`]cmlog\//, `${file} names a custom method: use Requests from protocol.ts`);
    assert.doesNotMatch(text, /(sendRequest|onRequest|sendNotification|onNotification)(<[^>]*>)?\(\s*['"`]/, `${file} sends or handles a request by name`);
  }
});
