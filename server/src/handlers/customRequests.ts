// The extension's own requests (server/src/protocol.ts): status bar facts, line backgrounds,
// error code lookup and related entries (the table's requests are in table.ts).
import { explainErrorCode } from '../explain';
import { fileInfo, severityRanges } from '../features/fileInfo';
import { folderOffer } from '../features/folderOffset';
import { markupRanges } from '../features/markupRanges';
import { stepToRecord } from '../features/recordWalk';
import { relatedAnswer, relatedNearest } from '../features/relatedNearest';
import { machineOf } from '../table/machine';
import { runSafe } from '../features/runner';
import { baseName, toPath } from '../uri';
import { Requests, type LookupResult, type RelatedAnswer } from '../protocol';
import type { ServerContext } from './context';

export function registerCustomRequests(server: ServerContext): void {
  const { connection, documents, logs, settings, log } = server;
  const settingsFor = (uri?: string) => settings.forPath(uri ? toPath(uri) : null);

  connection.onRequest(Requests.fileInfo, (p, token) => runSafe(log, 'fileInfo', token, null, async () => {
    await documents.encodingKnown(p.uri); // a log just opened: its file's encoding, not the editor's
    const target = logs.get(p.uri);
    if (!target) return null;
    const offer = folderOffer(logs.timelineWith([p.uri]), target, server.client.folders);
    // The offset the model was read with, and whether it is the folder's.
    return fileInfo(target.log, { offset: target.log.defaultOffset, byFolder: settings.byFolderOf(p.uri, target.log), above: settings.entryAbove(p.uri) }, target.name, offer);
  }));
  connection.onRequest(Requests.severityRanges, (p, token) => runSafe(log, 'severityRanges', token, { errors: [], warnings: [] }, () => {
    const open = documents.get(p.uri);
    return open ? severityRanges(open.log) : { errors: [], warnings: [] };
  }));
  connection.onRequest(Requests.stepToRecord, (p, token) => runSafe(log, 'stepToRecord', token, null, () => {
    const open = documents.get(p?.uri);
    const ok = Number.isInteger(p.line) && p.line >= 0 && (p.severity === 'error' || p.severity === 'warning') && (p.direction === 'next' || p.direction === 'previous');
    return open && ok ? stepToRecord(open.log, p.line, p.severity, p.direction) : null;
  }));
  connection.onRequest(Requests.markupRanges, (p, token) => runSafe(log, 'markupRanges', token, [], () => {
    const open = documents.get(p?.uri);
    const ok = Number.isInteger(p.startLine) && Number.isInteger(p.endLine) && p.startLine >= 0 && p.endLine >= p.startLine;
    return open && ok ? markupRanges(open.document, open.log, p.startLine, p.endLine) : [];
  }));
  connection.onRequest(Requests.lookupErrorCode, (p, token) => runSafe<LookupResult>(log, 'lookupErrorCode', token, { markdown: null }, () => ({ markdown: explainErrorCode(String(p?.code ?? '')) })));
  connection.onRequest(Requests.related, (p, token) => runSafe<RelatedAnswer>(log, 'related', token, { locations: [], unknownOffsetLogs: [], windowSeconds: settingsFor(p.uri).codeLens.windowSeconds, total: 0, logCount: 0 }, () => {
    const windowSeconds = settingsFor(p.uri).codeLens.windowSeconds;
    // An entry the log does not have answers nothing (and is no failure to log: hostile input).
    const count = logs.get(p?.uri)?.log.entryCount ?? 0;
    if (!(Number.isInteger(p.entryIndex) && p.entryIndex >= 0 && p.entryIndex < count)) return { locations: [], unknownOffsetLogs: [], windowSeconds, total: 0, logCount: 0 };
    const r = relatedNearest(logs.timelineWith([p.uri]), p.uri, p.entryIndex, windowSeconds * 1000);
    return relatedAnswer(p.uri, r, windowSeconds, (k) => logs.get(k)?.name ?? baseName(k), (k) => machineOf(k, server.client.folders));
  }));
}
