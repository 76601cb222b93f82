// The standard LSP features of a log. Each answer is computed by features/*; a failure answers empty (runSafe).
import { codeActions } from '../features/codeActions';
import { codeLenses } from '../features/codeLens';
import { folderOffer, offsetOrigin } from '../features/folderOffset';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { inlayHints } from '../features/inlayHints';
import { isInside } from '../features/positions';
import { runSafe } from '../features/runner';
import { semanticTokens } from '../features/semanticTokens';
import { documentSymbols } from '../features/symbols';
import { toPath } from '../uri';
import { machineOf } from '../table/machine';
import type { ServerContext } from './context';

export function registerLanguageFeatures(server: ServerContext): void {
  const { connection, client, documents, logs, validator, settings, indexer, runtime, log } = server;
  const openLog = (uri: string) => documents.get(uri);

  connection.languages.semanticTokens.on((p, token) => runSafe(log, 'semanticTokens', token, { data: [] }, () => {
    const open = openLog(p.textDocument.uri);
    return open ? semanticTokens(open.document, open.log) : { data: [] };
  }));
  connection.onFoldingRanges((p, token) => runSafe(log, 'foldingRanges', token, [], () => {
    const open = openLog(p.textDocument.uri);
    return open ? foldingRanges(open.log, client.foldingLimit) : [];
  }));
  connection.onDocumentSymbol((p, token) => runSafe(log, 'documentSymbol', token, [], () => {
    const uri = p.textDocument.uri;
    const open = openLog(uri);
    return open ? documentSymbols(open.document, open.log, { findings: validator.findingsOf(uri), rules: validator.rulesOf(uri) }) : [];
  }));
  connection.languages.inlayHint.on((p, token) => runSafe(log, 'inlayHint', token, [], () => {
    const open = openLog(p.textDocument.uri);
    return open ? inlayHints(open.document, open.log, p.range, settings.forPath(toPath(p.textDocument.uri)).inlayHints) : [];
  }));
  connection.onHover((p, token) => runSafe(log, 'hover', token, null, () => {
    runtime.beforeHover?.();
    const uri = p.textDocument.uri;
    const open = documents.get(uri);
    if (!open || !isInside(open.document, p.position)) return null;
    const target = logs.get(uri);
    if (!target) return null;
    // Where an offset not written came from (asked by a time hover only): the folder's entry, and whose offset it is.
    const origin = () => {
      const byFolder = settings.byFolderOf(uri, target.log);
      // The offer: the log's offset, if taken from it, or (placed with none) what the hover offers.
      const offer = byFolder || target.log.defaultOffset === null ? folderOffer(logs.timelineWith([uri]), target, client.folders) : null;
      return offsetOrigin(byFolder, offer, target.log, settings.entryAbove(uri));
    };
    return hover(target, open.document.offsetAt(p.position), { logs: logs.all() }, validator.findingsOf(uri), validator.rulesOf(uri), origin);
  }));
  connection.onCodeAction((p, token) => runSafe(log, 'codeAction', token, [], () => {
    const uri = p.textDocument.uri;
    return codeActions(p, validator.findingsOf(uri), validator.rulesOf(uri), logs.get(uri)?.log);
  }));
  connection.onCodeLens((p, token) => runSafe(log, 'codeLens', token, [], () => {
    const uri = p.textDocument.uri;
    const target = logs.get(uri);
    if (!target) return [];
    const lensSettings = settings.forPath(toPath(uri)).codeLens;
    return codeLenses(uri, target.log, validator.findingsOf(uri), logs.timelineWith([uri]), lensSettings, indexer.building, validator.rulesOf(uri), (k) => machineOf(k, client.folders), client.folders);
  }));
}
