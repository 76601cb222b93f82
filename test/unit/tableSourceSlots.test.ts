// Each log of a merge gets its own swatch slot (its index): the page maps it to a colour and, past
// 8 logs, a shape (client/webview/sourceSwatch.ts). A slot folded to 8 colours by the server
// made the shapes never show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TableRequests, type TableOpenResult } from '../../server/src/protocol';
import { toUri } from '../../server/src/uri';
import { swatchClass } from '../../client/webview/sourceSwatch';
import { tableHandler } from '../support/tableHandler';

test('a merge of 12 logs gives each its own slot, and each its own swatch', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'cmlog-slots-'));
  const names = Array.from({ length: 12 }, (_, k) => `Log${k}.log`);
  names.forEach((name, k) => writeFileSync(path.join(folder, name),
    `<![LOG[${name}]LOG]!><time="10:00:${String(k).padStart(2, '0')}.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`));
  const h = await tableHandler(folder);
  const table = (await h.request<TableOpenResult>(TableRequests.open.method, { uris: names.map((f) => toUri(path.join(folder, f))) }))!;
  const swatches = table.sources.map((s) => swatchClass(s.color));
  assert.equal(new Set(swatches).size, names.length, swatches.join(', '));
});
