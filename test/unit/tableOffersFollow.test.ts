// An open merge follows the offsets its folders' logs write (handlers/table.ts): on every change of
// the index it checks a count, and that check reads no open document. An edited document is parsed
// when something needs it (validation, a request), not once per index change while a merge is open.
// The real handler runs here (test/support/tableHandler.ts): the parses are counted in-process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TableRequests, type TableOpenResult } from '../../server/src/protocol';
import { toUri } from '../../server/src/uri';
import { tableHandler } from '../support/tableHandler';

const CBS = (s: number) => `2024-01-15 08:00:${String(s).padStart(2, '0')}, Info                  CBS    Step ${s}\r\n`;
const DISM = '2024-01-15 08:00:02, Info                  DISM   DISM Provider Store: PID=1 Getting the collection of providers\r\n';
const CCM = '<![LOG[Install failed]LOG]!><time="08:00:03.000-330" date="01-15-2024" component="CcmExec" context="" type="3" thread="1" file="">\r\n';
const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="01-15-2024" component="C" context="" type="1" thread="1" file="">\r\n`;

test('index changes that move no written offset parse no edited document, however many; an offset written still offers at once', async () => {
  const device = mkdtempSync(path.join(tmpdir(), 'cmlog-tof-'));
  writeFileSync(path.join(device, 'CBS.log'), CBS(0));
  writeFileSync(path.join(device, 'DISM.log'), DISM);
  const s = await tableHandler(device);
  const [cbs, dism] = ['CBS.log', 'DISM.log'].map((f) => toUri(path.join(device, f)));
  // A document open elsewhere (not indexed): its model is parsed on first use after an edit.
  const doc = 'file:///elsewhere/Edited.log';
  s.documents.didOpen({ textDocument: { uri: doc, languageId: 'cmlog', version: 1, text: rec('first') } });
  const table = (await s.request<TableOpenResult>(TableRequests.open.method, { uris: [cbs, dism] }))!;
  assert.deepEqual(table.offers, [], 'no log of the folder writes an offset yet');
  const parsed = s.documents.parses;

  const ROUNDS = 6;
  for (let k = 1; k <= ROUNDS; k++) {
    // An edit that is not an append (the model is dropped), then an append to a log of the merge.
    s.documents.didChange({ textDocument: { uri: doc, version: 1 + k }, contentChanges: [{ text: rec(`edit ${k}`) }] });
    appendFileSync(path.join(device, 'CBS.log'), CBS(k));
    await s.logs.refresh(cbs);
  }
  assert.equal(s.sent.filter((p) => p.tableId === table.tableId).length, ROUNDS, 'the merge followed each append');
  assert.equal(s.documents.parses - parsed, 0, `${s.documents.parses - parsed} parses of the edited document over ${ROUNDS} index changes`);

  // A log that writes an offset joins the folder: the merge offers it at once, without a reset.
  writeFileSync(path.join(device, 'CcmExec.log'), CCM);
  await s.logs.refresh(toUri(path.join(device, 'CcmExec.log')));
  const said = s.sent.filter((p) => p.tableId === table.tableId && p.banner);
  assert.equal(said.length, 1);
  assert.equal(said[0].reset, false);
  assert.match(said[0].banner!.offers[0]?.text ?? '', /CcmExec\.log writes UTC\+05:30$/);
});
