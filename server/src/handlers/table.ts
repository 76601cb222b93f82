// The table editor's requests (protocol TableRequests): a table per open editor, kept by id,
// over the logs the server holds (indexed or open) or, for a log it does not hold (over VS Code's
// sync limit, outside the index), read from disk by the table. Live logs refresh their tables; a
// held log deleted says so in them.
import { runSafe } from '../features/runner';
import { folderOffer } from '../features/folderOffset';
import { relatedNearest } from '../features/relatedNearest';
import { tableStatus } from '../features/tableStatus';
import {
  TABLE_MAX_ROWS, TableNotifications, TableRequests, type FolderOffer, type TableBanner, type TableFacetsResult, type TableGotoResult, type TableOpenResult, type TableSource, type TableStatus, type TableTextResult,
} from '../protocol';
import { tableDetail } from '../table/detail';
import { DiskLogSource, READ_PIECE } from '../table/diskSource';
import { HeldLogSource } from '../table/heldSource';
import { machineOf } from '../table/machine';
import { mergeNotes, mergeOffers, sourceNote } from '../table/sourceNote';
import { Tables, type OpenTable } from '../table/tables';
import { copyRows, exportRows, TEXT_MAX } from '../table/text';
import { logLabels } from '../explain/logLabel';
import type { TableLogSource } from '../table/view';
import type { LogFile } from '../logFile';
import { baseName, folderOf, toPath } from '../uri';
import type { ServerContext } from './context';

/** Logs in one table (a merge). */
export const MAX_TABLE_LOGS = 1000;
/** Colour slots of the source column. */

export function registerTableRequests(server: ServerContext): Tables {
  const { connection, logs, documents, settings, validator, log } = server;
  const tables = new Tables((p) => void connection.sendNotification(TableNotifications.changed, p), undefined,
    { banner: (t) => bannerOf(t), labels: (t) => labelsOf(t), offersVersion: (t) => (t.view.merged ? logs.writtenVersion : 0), problems: () => problemsOf() });

  // A log grew, was reparsed, opened or closed: the tables that show it follow; a log of the
  // workspace may change what a merge's folders offer. Each merge compares a count (read without
  // syncing edited documents: that would parse them) and makes its banner again only if it moved.
  logs.onDidChange((uris) => { tables.changed(uris); tables.offersChanged(); });
  documents.onDidChange((uri) => tables.changed([uri]));
  // An offset setting changed: the logs tables read from disk are re-timed too, and each table orders
  // again and says its banner (the server's own models were re-timed already).
  settings.onDidChangeTimes(() => tables.retime((key) => settings.parseOptions(toPath(key))));
  // One server serves one client: when it goes, its tables go.
  connection.onShutdown(() => tables.closeAll());
  connection.onExit(() => tables.closeAll());

  const source = (uri: string, refresh: () => void): TableLogSource => {
    const path = toPath(uri);
    const fromDisk = (p: string, follow: boolean) => new DiskLogSource(uri, baseName(uri), p, settings.parseOptions(p), refresh, READ_PIECE, follow);
    if (!logs.get(uri) && !path) return { key: uri, name: baseName(uri), log: () => undefined, reading: () => false };
    // Let go while its file is still there: followed from disk when it was a document open outside the
    // index. Not held yet (a merge restored before the index is built) or never (outside the
    // workspace): read from disk, not followed, until the server holds it.
    return new HeldLogSource(uri, baseName(uri), () => logs.get(uri)?.log, path, refresh, (p) => fromDisk(p, true),
      () => documents.get(uri) !== undefined && !logs.isIndexed(uri), logs.get(uri) || !path ? undefined : fromDisk(path, false));
  };


  /** The workspace's timeline, holding the table's logs the server holds (a log indexed by a build under way joins it). */
  const timelineOf = (t: OpenTable) => logs.timelineWith(t.view.keys.filter((k) => logs.get(k)));

  /**
   * A merge's banner: each log's word on how its entries without offset were placed, and the offers
   * of the folders whose logs write the offset those placed last could take (as the lens offers it).
   * Said at open and again with a reset when made again (OpenTable.banner: an offset setting changed,
   * a log was read again).
   */
  const bannerOf = (t: OpenTable): TableBanner => {
    const v = t.view;
    const labels = t.labels;
    // Offers asked once per folder (of logs placed last, which write no offset themselves: the
    // offer would leave them out): a merge of a device's folder has many logs in few folders.
    const offers = new Map<string, FolderOffer | null>();
    const timeline = v.merged ? timelineOf(t) : null;
    const offerOf = (key: string, log: LogFile) => {
      const id = folderOf(key);
      if (!offers.has(id)) offers.set(id, folderOffer(timeline!, { key, log }, server.client.folders));
      return offers.get(id)!;
    };
    const placed: { key: string; note?: string; offer: FolderOffer | null; machine: string }[] = [];
    const counts = t.facets.perLog();
    const sources: TableSource[] = t.sources.map((s, li) => {
      const model = v.merged ? v.model(li) : undefined;
      let offer: FolderOffer | null = null;
      const note = model && sourceNote(model, counts[li], settings.byFolderOf(s.key, model), () => (offer = offerOf(s.key, model)) !== null);
      const machine = machineOf(s.key, server.client.folders);
      placed.push({ key: s.key, note, offer, machine });
      return { uri: s.key, name: s.name, machine, label: labels[li], color: li, ...(note ? { note } : {}) };
    });
    // Offers said even when none: the pages hold the banner they got and take in a new one over it
    // (an offer left out stayed after its click, in a merge of one machine).
    return { sources, notes: mergeNotes(sources), offers: mergeOffers(placed) };
  };

  /** Each log's name as the table shows it: with its machine when the table spans several (kept by the table: OpenTable.labels). */
  const labelsOf = (t: OpenTable): string[] => logLabels(t.sources.map((s) => ({ name: s.name, machine: machineOf(s.key, server.client.folders) })));

  /** Problems per record, for one answer's rows: counted once per log asked about (findings are capped per file). */
  const problemsOf = () => {
    const counts = new Map<string, Map<number, number>>();
    return (key: string, entry: number) => {
      let m = counts.get(key);
      if (!m) {
        m = new Map();
        for (const f of validator.findingsOf(key)) if (f.entryIndex !== undefined) m.set(f.entryIndex, (m.get(f.entryIndex) ?? 0) + 1);
        counts.set(key, m);
      }
      return m.get(entry) ?? 0;
    };
  };

  const table = (id: unknown) => {
    const t = tables.get(id);
    if (!t) throw new Error('no such table');
    return t;
  };

  connection.onRequest(TableRequests.open, (p, token) => runSafe<TableOpenResult | null>(log, 'table/open', token, null, () => {
    const uris = [...new Set((Array.isArray(p?.uris) ? p.uris : []).filter((u) => typeof u === 'string'))].slice(0, MAX_TABLE_LOGS);
    if (uris.length === 0) return null;
    const t = tables.create((refresh) => uris.map((u) => source(u, refresh)));
    const v = t.view;
    const error = v.error;
    return { tableId: t.id, version: v.version, rows: v.rowCount, total: v.total, reading: v.reading, ...t.banner()!.banner, ...(error ? { error } : {}), ...v.timedEndOf() };
  }));

  connection.onRequest(TableRequests.filter, (p, token) => runSafe(log, 'table/filter', token, { version: 0, rows: 0, error: 'no such table' }, async () => {
    const t = tables.get(p?.tableId);
    if (!t) return { version: 0, rows: 0, error: 'no such table' };
    const serial = ++t.filterSerial;
    const r = await t.view.setFilter(p.filter ?? {}, () => token.isCancellationRequested || serial !== t.filterSerial);
    const keep = p.keep, from = p.keepFrom, v = t.view;
    // The selected entry is found once (a bisection of the rows) for both answers.
    const at = keep && typeof keep === 'object' ? v.placeOf(Number(keep.source), Number(keep.entry)) : undefined;
    const keptRow = at !== undefined ? v.rowNear(at) : undefined;
    const range = at !== undefined && from && typeof from === 'object' ? v.rangeNear(v.placeOf(Number(from.source), Number(from.entry)), at) : undefined;
    const kept = keptRow !== undefined ? { kept: keptRow } : {};
    const keptRange = range !== undefined ? { keptRange: range } : {};
    // The rows the page shows first, around the row it will show (as it decides: the range's focus
    // end, else the kept row, else the top), so it draws them in the task the answer comes in.
    const target = range?.to ?? keptRow ?? 0;
    // None for a filter given up (a newer one came): its answer is not drawn.
    const around = !r.cancelled && p.page && typeof p.page === 'object' ? v.pageAround(target, p.page, p.highlights, problemsOf()) : null;
    const page = around ? { page: around } : {};
    return { version: t.view.version, rows: t.view.rowCount, ...kept, ...keptRange, ...(r.error ? { error: r.error } : {}), ...v.timedEndOf(), ...page };
  }));

  connection.onRequest(TableRequests.rows, (p, token) => runSafe(log, 'table/rows', token, { version: 0, rows: 0, items: [] }, () => {
    const t = table(p?.tableId), v = t.view;
    const start = Math.max(0, Math.floor(Number(p.start) || 0));
    const count = Math.min(TABLE_MAX_ROWS, Math.max(0, Math.floor(Number(p.count) || 0)));
    const page = v.page(start, count, p.highlights, problemsOf());
    // Its Live place too: a rows answer can be the first to carry a new view (the session keeps it).
    return { version: v.version, rows: v.rowCount, ...page, ...v.timedEndOf() };
  }));

  connection.onRequest(TableRequests.facets, (p, token) => runSafe<TableFacetsResult | null>(log, 'table/facets', token, null, () =>
    table(p?.tableId).facets.get(Array.isArray(p?.sources) ? p.sources.filter((s) => typeof s === 'string') : undefined)));

  connection.onRequest(TableRequests.find, (p, token) => runSafe(log, 'table/find', token, { row: null }, () =>
    table(p?.tableId).view.find(Number(p.from), p.direction === 'previous' ? 'previous' : 'next', p)));

  connection.onRequest(TableRequests.gotoTime, (p, token) => runSafe<TableGotoResult>(log, 'table/gotoTime', token, { row: null }, () =>
    table(p?.tableId).view.gotoTime(p ?? {})));

  connection.onRequest(TableRequests.rowOfLine, (p, token) => runSafe(log, 'table/rowOfLine', token, { row: null }, () =>
    ({ row: table(p?.tableId).view.rowOfLine(String(p.uri), Number(p.line)) })));

  connection.onRequest(TableRequests.detail, (p, token) => runSafe(log, 'table/detail', token, null, () => {
    const windowMs = (key: string) => settings.forPath(toPath(key)).codeLens.windowSeconds * 1000;
    return tableDetail(table(p?.tableId).view, Number(p.row), {
      findingsOf: (key) => validator.findingsOf(key),
      rulesOf: (key) => validator.rulesOf(key),
      // What the lens shows: the workspace's timeline, for a log the server holds.
      related: (key, entry, limit) => (logs.get(key) ? relatedNearest(logs.timelineWith([key]), key, entry, windowMs(key), limit).related : null),
      placedByFolder: (key, model) => settings.byFolderOf(key, model),
      machineOf: (key) => machineOf(key, server.client.folders),
    });
  }));

  connection.onRequest(TableRequests.copy, (p, token) => runSafe<TableTextResult>(log, 'table/copy', token, { text: '', cut: false }, () =>
  {
    const t = table(p?.tableId);
    return copyRows(t.view, p.ranges, p.as === 'raw' ? 'raw' : 'tsv', TEXT_MAX, { columns: p.columns, names: t.labels });
  }));

  connection.onRequest(TableRequests.exportText, (p, token) => runSafe<TableTextResult>(log, 'table/export', token, { text: '', cut: false }, () => {
    const t = table(p?.tableId);
    return exportRows(t.view, TEXT_MAX, t.labels);
  }));

  connection.onRequest(TableRequests.status, (p, token) => runSafe<TableStatus | null>(log, 'table/status', token, null, () => {
    const t = tables.get(p?.tableId);
    return t ? tableStatus(t.view, t.facets.perLog(), t.labels, (key, model) => ({ offset: model.defaultOffset, byFolder: settings.byFolderOf(key, model), above: settings.entryAbove(key) })) : null;
  }));

  connection.onRequest(TableRequests.follow, (p, token) => runSafe(log, 'table/follow', token, undefined, () => { tables.get(p?.tableId)?.setFollow(p.follow !== false); }));

  connection.onRequest(TableRequests.place, (p, token) => runSafe(log, 'table/place', token, undefined, () => { tables.get(p?.tableId)?.setPlace(p); }));

  connection.onRequest(TableRequests.close, (p, token) => runSafe(log, 'table/close', token, undefined, () => { tables.close(p?.tableId); }));

  return tables;
}
