// The extension's own requests (server/src/protocol.ts): status bar facts, line backgrounds,
// error code lookup and related entries (the table's requests are in table.ts).
import { explainErrorCode } from '../explain';
import { fileInfo, severityRanges } from '../features/fileInfo';
import { runSafe } from '../features/runner';
import { toPath } from '../uri';
import { Requests, type LookupResult, type RelatedAnswer } from '../protocol';
import type { ServerContext } from './context';

export function registerCustomRequests(server: ServerContext): void {
  const { connection, documents, logs, settings, log } = server;
  const settingsFor = (uri?: string) => settings.forPath(uri ? toPath(uri) : null);

  connection.onRequest(Requests.fileInfo, (p, token) => runSafe(log, 'fileInfo', token, null, () => {
    const target = logs.get(p.uri);
    return target ? fileInfo(target.log, settingsFor(p.uri).defaultOffset, target.name) : null;
  }));
  connection.onRequest(Requests.severityRanges, (p, token) => runSafe(log, 'severityRanges', token, { errors: [], warnings: [] }, () => {
    const open = documents.get(p.uri);
    return open ? severityRanges(open.log) : { errors: [], warnings: [] };
  }));
  connection.onRequest(Requests.lookupErrorCode, (p, token) => runSafe<LookupResult>(log, 'lookupErrorCode', token, { markdown: null }, () => ({ markdown: explainErrorCode(String(p?.code ?? '')) })));
  connection.onRequest(Requests.related, (p, token) => runSafe<RelatedAnswer>(log, 'related', token, { locations: [], unknownOffsetLogs: [], windowSeconds: settingsFor(p.uri).codeLens.windowSeconds }, () => {
    const windowSeconds = settingsFor(p.uri).codeLens.windowSeconds;
    // An entry the log does not have answers nothing (and is no failure to log: hostile input).
    const count = logs.get(p?.uri)?.log.entryCount ?? 0;
    if (!(Number.isInteger(p.entryIndex) && p.entryIndex >= 0 && p.entryIndex < count)) return { locations: [], unknownOffsetLogs: [], windowSeconds };
    const r = logs.timelineWith([p.uri]).related(p.uri, p.entryIndex, { windowMs: windowSeconds * 1000, limit: 100 });
    return {
      locations: r.related.map((e) => ({ uri: e.key, line: e.line, deltaMs: e.deltaMs, message: e.message.split('\n', 1)[0] })),
      unknownOffsetLogs: r.unknownOffsetLogs,
      windowSeconds,
    };
  }));
}
