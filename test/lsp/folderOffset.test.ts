// A collected machine folder: CcmExec.log writes the bias, CBS.log writes none. The server offers
// the bias (fileInfo, lens), never applies it; once cmlog.folderOffsets holds it (the command's
// write), CBS.log is placed and says where its offset came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CodeLensRequest, HoverRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { TableRequests } from '../../server/src/protocol';
import { fileUri, TestClient } from '../support/lspClient';

const CCM = '<![LOG[Install failed]LOG]!><time="08:00:03.000+420" date="01-15-2024" component="CcmExec" context="" type="3" thread="1" file="">\r\n';
const CBS = '2024-01-15 08:00:00, Info                  CBS    Starting TrustedInstaller\r\n' +
  '2024-01-15 08:00:01, Error                 CBS    Failed to resolve package [HRESULT = 0x800f0922]\r\n';

interface Info { timeZone: string; offer?: { offset: number; zone: string; source: string } }

test('folder offset: offered by fileInfo and the lens, applied only through cmlog.folderOffsets', async () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'cmlog-fo-'));
  const pc01 = path.join(ws, 'collected', 'PC01');
  mkdirSync(pc01, { recursive: true });
  writeFileSync(path.join(pc01, 'CcmExec.log'), CCM);
  writeFileSync(path.join(pc01, 'CBS.log'), CBS);
  const client = await TestClient.start({}, { folder: ws });
  try {
    const uri = fileUri(path.join(pc01, 'CBS.log'));
    await client.open(uri, readFileSync(path.join(pc01, 'CBS.log'), 'utf8'));
    await client.until(() => client.indexed, 'the index');
    const info = async () => await client.connection.sendRequest('cmlog/fileInfo', { uri }) as Info;
    const lenses = async () => ((await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? []) as CodeLens[];

    const offered = await info();
    assert.equal(offered.timeZone, 'no offset — CcmExec.log of this folder says UTC-07:00');
    assert.deepEqual(offered.offer, { offset: 420, zone: 'UTC-07:00', source: 'CcmExec.log' });
    const [lens] = await lenses();
    assert.equal(lens.command?.command, 'cmlog.useFolderOffset');
    assert.deepEqual(lens.command?.arguments, [uri]);

    // What the command writes (client/src/folderOffset.ts): the folder relative to the workspace folder.
    client.folderSettings.set(fileUri(ws), { folderOffsets: { [path.join('collected', 'PC01')]: 420 } });
    await client.settingsChanged();
    let now = await info();
    for (const deadline = Date.now() + 10_000; now.offer; now = await info()) {
      assert.ok(Date.now() < deadline, `never placed: ${JSON.stringify(now)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(now.timeZone, 'no offset, UTC-07:00 set for this folder (offset taken from CcmExec.log of this folder)');
    const titles = (await lenses()).map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => /^⇄ 1 entry in 1 other log within ±\d+ s · nearest .+ CcmExec\.log$/.test(t)), titles.join('\n'));

    // The time hover says the folder's setting placed it, and whose offset it is (the status bar says "folder").
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 5 } });
    const md = (hover?.contents as { value: string } | undefined)?.value ?? '';
    assert.match(md, /\*\*offset set for this folder\*\* \(`cmlog\.folderOffsets`, taken from CcmExec\\\.log of this folder\) is used \(\+420 min, i\.e\. \*\*UTC-07:00\*\*\)/);

    // A merged table says which setting placed CBS.log: the folder's entry, not cmlog.defaultOffset.
    const table = (await client.connection.sendRequest(TableRequests.open, { uris: [uri, fileUri(path.join(pc01, 'CcmExec.log'))] }))!;
    assert.deepEqual(table.notes, ['CBS.log: no offset written: placed with UTC-07:00 (cmlog.folderOffsets)']);
    const offsets: string[] = [];
    for (let row = 0; row < table.rows; row++) {
      const d = await client.connection.sendRequest(TableRequests.detail, { tableId: table.tableId, row });
      offsets.push(d!.attributes.find((a) => a.name === 'offset')!.value);
    }
    assert.deepEqual(offsets.filter((o) => o.startsWith('none written')), Array(2).fill('none written: placed with UTC-07:00 (cmlog.folderOffsets)'));
  } finally {
    await client.stop().catch(() => client.proc.kill());
  }
});
