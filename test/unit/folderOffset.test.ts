// A log without offsets beside ConfigMgr logs that write the machine's bias: the bias is offered
// (status bar, lens), never applied; once the user sets it for the folder, the log says where it came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { Timeline } from '../../server/src/workspace/timeline';
import * as path from 'node:path';
import { folderOffer, offsetOrigin, placedByFolder } from '../../server/src/features/folderOffset';
import { toPath } from '../../server/src/uri';
import { fileInfo } from '../../server/src/features/fileInfo';
import { codeLenses, lensDefaults } from '../../server/src/features/codeLens';
import { Commands } from '../../server/src/protocol';
import { statusText } from '../../client/src/statusText';
import { noOfferMessage } from '../../client/src/folderOffsetAnswer';

const ccm = (time: string, date: string, bias: string, msg = 'Service running') =>
  `<![LOG[${msg}]LOG]!><time="${time}.000${bias}" date="${date}" component="CcmExec" context="" type="1" thread="1" file="">\n`;
const CBS = '2024-01-15 08:00:00, Info                  CBS    Starting TrustedInstaller\n' +
  '2024-01-15 08:00:01, Error                 CBS    Failed to resolve package [HRESULT = 0x800f0922]\n';
const input = (key: string, text: string, defaultOffset: number | null = null) =>
  ({ key, name: key.slice(key.lastIndexOf('/') + 1), log: LogFile.fromText(text, { defaultOffset }) });

const PC01 = 'file:///c/logs/PC01/';
const cbsUri = `${PC01}CBS.log`;

test('folderOffer: the bias the folder\'s ConfigMgr log writes, not another folder\'s nor a sub-folder\'s', () => {
  const tl = new Timeline([
    input(`${PC01}CcmExec.log`, ccm('10:00:00', '01-15-2024', '+420')),
    input(cbsUri, CBS),
    // Later, but another machine: not this folder's bias.
    input('file:///c/logs/PC02/CcmExec.log', ccm('23:00:00', '01-15-2024', '+300')),
    input(`${PC01}sub/CcmExec.log`, ccm('23:00:00', '01-15-2024', '-60')),
  ]);
  assert.deepEqual(folderOffer(tl, input(cbsUri, CBS)), { offset: 420, zone: 'UTC-07:00', source: 'CcmExec.log' });
  // Read in the convention the target's settings read defaultOffset in: a UTC offset of -420.
  const utcOffsets = { key: cbsUri, log: LogFile.fromText(CBS, { offsetConvention: 'utc-offset' }) };
  assert.deepEqual(folderOffer(tl, utcOffsets), { offset: -420, zone: 'UTC-07:00', source: 'CcmExec.log' });
  assert.equal(folderOffer(tl, input('file:///c/logs/PC03/CBS.log', CBS)), null);
});

test('folderOffer: several biases (a DST change): the chosen log\'s latest one, and the others said', () => {
  const tl = new Timeline([
    input(`${PC01}CcmExec.log`, ccm('10:00:00', '03-09-2024', '+480') + ccm('10:00:00', '03-11-2024', '+420')),
    input(`${PC01}AppEnforce.log`, ccm('09:00:00', '03-08-2024', '+480')),
    input(cbsUri, CBS),
  ]);
  const offer = folderOffer(tl, input(cbsUri, CBS));
  assert.deepEqual(offer, { offset: 420, zone: 'UTC-07:00', source: 'CcmExec.log', others: ['UTC-08:00'], dst: true });
});

test('fileInfo and status bar: the offer is said, and the log stays unplaced until the user takes it', () => {
  const cbs = input(cbsUri, CBS);
  const tl = new Timeline([input(`${PC01}CcmExec.log`, ccm('10:00:00', '01-15-2024', '+420')), cbs]);
  const offer = folderOffer(tl, cbs);
  const info = fileInfo(cbs.log, { offset: null, byFolder: false }, 'CBS.log', offer);
  assert.equal(info.timeZone, 'no offset — CcmExec.log of this folder says UTC-07:00');
  assert.deepEqual(info.offer, offer);
  assert.ok(Number.isNaN(cbs.log.utc(0)), 'never applied silently');
  assert.equal(tl.stats(cbsUri)?.timed, 0);
  assert.match(statusText(info).tooltip, /Click to read this folder's records without offset as UTC-07:00 \(taken from CcmExec\.log/);

  // Taken for the folder: placed, said where from, offered no more.
  const placed = fileInfo(LogFile.fromText(CBS, { defaultOffset: 420 }), { offset: 420, byFolder: true }, 'CBS.log', offer);
  assert.equal(placed.timeZone, 'no offset, UTC-07:00 set for this folder (offset taken from CcmExec.log of this folder)');
  assert.equal(placed.offer, undefined);
  // A default that differs from the folder's bias: both said, still offered.
  const other = fileInfo(LogFile.fromText(CBS, { defaultOffset: 300 }), { offset: 300, byFolder: false }, 'CBS.log', offer);
  assert.equal(other.timeZone, 'no offset, default UTC-05:00; CcmExec.log of this folder says UTC-07:00');
  assert.equal(other.offer?.offset, 420);
});

test('lens: a folder whose logs write two zones is offered in one short line', () => {
  const two = input(`${PC01}ADALOperationProvider.log`, ccm('08:00:03', '01-15-2024', '+300') + ccm('09:00:03', '01-15-2024', '+000'));
  const cbs = input(cbsUri, CBS);
  const lenses = codeLenses(cbsUri, cbs.log, [], new Timeline([two, cbs]), lensDefaults);
  const title = lenses[0].command!.title;
  assert.match(title, /ADALOperationProvider\.log of this folder says UTC[-+]\d\d:\d\d \(2 zones\) — use it for this folder$/);
  assert.doesNotMatch(title, /write two zones/);
  assert.ok(title.length <= 110, `${title.length} characters: ${title}`);
});

test('lens: a log without offsets offers the folder\'s bias (a command the user clicks); once taken, lenses link it', () => {
  const ccmLog = input(`${PC01}CcmExec.log`, ccm('08:00:03', '01-15-2024', '+420', 'Install failed'));
  const cbs = input(cbsUri, CBS);
  const lenses = codeLenses(cbsUri, cbs.log, [], new Timeline([ccmLog, cbs]), lensDefaults);
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0].command?.command, Commands.useFolderOffset);
  assert.deepEqual(lenses[0].command?.arguments, [cbsUri]);
  assert.match(lenses[0].command!.title, /CcmExec\.log of this folder says UTC-07:00 — use it for this folder/);

  // Placed with 420 (the user took it): CBS's 08:00:01 and CcmExec's 08:00:03+420 are 2 s apart.
  const taken = input(cbsUri, CBS, 420);
  const after = codeLenses(cbsUri, taken.log, [], new Timeline([ccmLog, taken]), lensDefaults);
  assert.equal(after.length, 1);
  assert.equal(after[0].command?.command, Commands.showRelated);
  // Where it came from is the status bar's and the hover's to say: a lens stays short.
  assert.match(after[0].command!.title, /^⇄ 1 entry in 1 other log within ±5 s · nearest .+ CcmExec\.log$/);
});

test('folderOffer: CcmExec.log, then its rotated copies, then a log the knowledge base knows as ConfigMgr\'s, then any other; ties by name (not the latest writer)', () => {
  // A user's log that writes a bias, newer than the ConfigMgr logs and sorting first.
  const user = input(`${PC01}<img src=x>.log`, ccm('23:00:00', '01-15-2024', '+300'));
  const other = input(`${PC01}Aaa.log`, ccm('22:00:00', '01-15-2024', '+300'));
  const ime = input(`${PC01}AgentExecutor.log`, ccm('21:00:00', '01-15-2024', '+300'));
  const appEnforce = input(`${PC01}AppEnforce.log`, ccm('09:00:00', '01-15-2024', '+420'));
  const cas = input(`${PC01}CAS.log`, ccm('11:00:00', '01-15-2024', '+480'));
  const rotated = input(`${PC01}CcmExec-20240114-101010.log`, ccm('12:00:00', '01-15-2024', '+480'));
  const ccmExec = input(`${PC01}CcmExec.log`, ccm('08:00:00', '01-15-2024', '+420'));
  const cbs = input(cbsUri, CBS);
  const source = (...logs: ReturnType<typeof input>[]) => folderOffer(new Timeline([...logs, cbs]), cbs)?.source;
  assert.equal(source(user, other, ime, appEnforce, cas, rotated, ccmExec), 'CcmExec.log');
  assert.equal(source(user, other, ime, cas, rotated, appEnforce), 'CcmExec-20240114-101010.log', 'then a rotated CcmExec.log');
  assert.equal(source(user, other, ime, cas, appEnforce), 'AppEnforce.log', 'ConfigMgr logs by name');
  assert.equal(folderOffer(new Timeline([user, other, cas, appEnforce, cbs]), cbs)?.offset, 420, 'the offset is the chosen log\'s');
  assert.equal(source(ime, other), 'Aaa.log', 'an Intune log is no ConfigMgr log: any other by name');
  assert.equal(source(other, ime, user), '<img src=x>.log');
});

test('folderOffer: without CcmExec.log, the client\'s core logs that run all day speak before ADAL\'s (written on a token request) and before ccmsetup.log', () => {
  const adal = input(`${PC01}ADALOperationProvider.log`, ccm('23:00:00', '01-15-2024', '+360'));
  const setup = input(`${PC01}ccmsetup.log`, ccm('09:00:00', '01-10-2024', '+420'));
  const policy = input(`${PC01}PolicyAgent.log`, ccm('12:00:00', '01-15-2024', '+300'));
  const cbs = input(cbsUri, CBS);
  const offer = (...logs: ReturnType<typeof input>[]) => folderOffer(new Timeline([...logs, cbs]), cbs);
  assert.equal(offer(adal, setup, policy)?.source, 'PolicyAgent.log');
  assert.equal(offer(adal, setup, policy)?.offset, 300, 'the offset is PolicyAgent.log\'s');
  assert.equal(offer(adal, setup)?.source, 'ccmsetup.log', 'ccmsetup.log, the client\'s own, before an ADAL log');
  // A rotated copy of a core log keeps its place after the live one.
  const rotated = input(`${PC01}PolicyAgent-20240114-101010.log`, ccm('12:00:00', '01-14-2024', '+300'));
  assert.equal(offer(adal, setup, rotated)?.source, 'PolicyAgent-20240114-101010.log');
  assert.equal(offer(adal, setup, rotated, policy)?.source, 'PolicyAgent.log');
});

test('placedByFolder: the folder\'s entry placed the log only when the model was read with it', () => {
  const readWith = (defaultOffset: number | null) => LogFile.fromText(CBS, { defaultOffset });
  assert.equal(placedByFolder({ offset: 420, byFolder: true }, readWith(420)), true);
  assert.equal(placedByFolder({ offset: 420, byFolder: false }, readWith(420)), false, 'cmlog.defaultOffset placed it');
  assert.equal(placedByFolder({ offset: 420, byFolder: true }, readWith(300)), false, 'read before the folder\'s entry was set');
});

test('use the folder\'s offset on a log that needs none: says why (its own offsets, in use, none in the folder)', () => {
  const loc = input(`${PC01}LocationServices.log`, ccm('10:00:01', '01-15-2024', '+420'));
  const cbs = input(cbsUri, CBS);
  const tl = new Timeline([input(`${PC01}CcmExec.log`, ccm('10:00:00', '01-15-2024', '+420')), loc, cbs]);
  // CcmExec.log of its folder writes an offset: not the reason there is nothing to take.
  const own = fileInfo(loc.log, { offset: null, byFolder: false }, 'LocationServices.log', folderOffer(tl, loc));
  assert.equal(own.offer, undefined);
  assert.equal(noOfferMessage(own.noOffer, 'LocationServices.log'), 'CMLog Lens: LocationServices.log writes its own offset in each record, so it needs none from its folder.');

  const offer = folderOffer(tl, cbs);
  const inUse = fileInfo(LogFile.fromText(CBS, { defaultOffset: 420 }), { offset: 420, byFolder: true }, 'CBS.log', offer);
  assert.match(noOfferMessage(inUse.noOffer, 'CBS.log'), /CBS\.log's records without offset are read with its folder's offset already/);
  const alone = fileInfo(cbs.log, { offset: null, byFolder: false }, 'CBS.log', null);
  assert.match(noOfferMessage(alone.noOffer, 'CBS.log'), /no other log in the folder of CBS\.log writes an offset/);
  assert.equal(fileInfo(cbs.log, { offset: null, byFolder: false }, 'CBS.log', offer).noOffer, undefined, 'offered: nothing to explain');
});

test('folderOffer: a log in a subfolder of a device folder (Panther) is offered the device folder\'s bias, named, within its workspace folder only', () => {
  const setupact = input(`${PC01}Panther/setupact.log`, CBS);
  const tl = new Timeline([input(`${PC01}CcmExec.log`, ccm('10:00:00', '01-15-2024', '+420')), setupact]);
  // The workspace folder is c/logs: Panther is two folders below it, PC01 one.
  const ws = [{ path: path.dirname(path.dirname(toPath(`${PC01}CcmExec.log`)!)) }];
  const offer = folderOffer(tl, setupact, ws);
  assert.deepEqual(offer, { offset: 420, zone: 'UTC-07:00', source: 'CcmExec.log', from: 'file:///c/logs/PC01', fromName: 'PC01' });
  const lens = codeLenses(setupact.key, setupact.log, [], tl, lensDefaults, false, undefined, () => '', ws);
  assert.match(lens[0].command!.title, /CcmExec\.log of PC01 says UTC-07:00 — use it for PC01$/);
  // Outside every workspace folder: only its own folder speaks for it.
  assert.equal(folderOffer(tl, setupact, []), null);
  // A workspace folder of PC01's Panther itself: PC01 is outside it, and does not speak for it.
  assert.equal(folderOffer(tl, setupact, [{ path: path.dirname(toPath(setupact.key)!) }]), null);
  // The nearest folder that writes one wins: Panther's own log over PC01's.
  const own = new Timeline([input(`${PC01}CcmExec.log`, ccm('10:00:00', '01-15-2024', '+420')), input(`${PC01}Panther/CcmSetup.log`, ccm('10:00:00', '01-15-2024', '+300')), setupact]);
  assert.deepEqual(folderOffer(own, setupact, ws), { offset: 300, zone: 'UTC-05:00', source: 'CcmSetup.log' });
  // Placed with the device folder's entry: said where from.
  const placed = fileInfo(LogFile.fromText(CBS, { defaultOffset: 420 }), { offset: 420, byFolder: true, above: path.dirname(path.dirname(toPath(setupact.key)!)) }, 'setupact.log', offer);
  assert.equal(placed.timeZone, 'no offset, UTC-07:00 set for PC01 (offset taken from CcmExec.log of PC01)');
  // The log's own folder's entry: "this folder".
  const own2 = fileInfo(LogFile.fromText(CBS, { defaultOffset: 420 }), { offset: 420, byFolder: true }, 'setupact.log', null);
  assert.equal(own2.timeZone, 'no offset, UTC-07:00 set for this folder');
});

test('offsetOrigin: the time hover names the log of the folder\'s offer only when the folder\'s entry placed the log with that offer', () => {
  const offer = { offset: -330, zone: 'UTC+05:30', source: 'CcmExec.log', from: 'file:///c/logs/DEVICE2', fromName: 'DEVICE2' };
  const placed = LogFile.fromText(CBS, { defaultOffset: -330 });
  assert.deepEqual(offsetOrigin(true, offer, placed), { byFolder: true, from: 'CcmExec.log of DEVICE2' });
  assert.deepEqual(offsetOrigin(true, { ...offer, from: undefined, fromName: undefined }, placed), { byFolder: true, from: 'CcmExec.log of this folder' });
  assert.deepEqual(offsetOrigin(true, { ...offer, offset: 60 }, placed), { byFolder: true }, 'another offset than the offer\'s');
  assert.deepEqual(offsetOrigin(false, offer, placed), { byFolder: false });
  // The entry is the device folder's, above the log's own (its Panther): named for the hover.
  assert.deepEqual(offsetOrigin(true, offer, placed, path.join('/c', 'logs', 'DEVICE2')), { byFolder: true, from: 'CcmExec.log of DEVICE2', folder: 'DEVICE2' });
  assert.deepEqual(offsetOrigin(false, offer, placed, path.join('/c', 'logs', 'DEVICE2')), { byFolder: false });
});

test('where a placed offset came from is said in one wording: the status bar and the hover', () => {
  const cbs = input(cbsUri, CBS, 420);
  // 08:00 local at bias +420 is CBS's 15:00 UTC: the lens has an entry to name.
  const tl = new Timeline([input(`${PC01}CcmExec.log`, ccm('08:00:00', '01-15-2024', '+420')), cbs]);
  const offer = folderOffer(tl, cbs)!;
  assert.equal(fileInfo(cbs.log, { offset: 420, byFolder: true }, 'CBS.log', offer).timeZone, 'no offset, UTC-07:00 set for this folder (offset taken from CcmExec.log of this folder)');
  assert.equal(offsetOrigin(true, offer, cbs.log).from, 'CcmExec.log of this folder');
});
