// Language server: wiring only. The knowledge is in rules/ and explain/, the LSP shapes in features/.
import {
  CodeLensRefreshRequest, createConnection, DidChangeConfigurationNotification, FileChangeType, ProposedFeatures, TextDocumentSyncKind,
  type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { exitOnCrash } from './exitOnCrash';
import { explainErrorCode } from './explain';
import type { ParseOptions } from './model';
import {
  Requests, type FileInfoParams, type LookupParams, type LookupResult, type MergedAnswer, type MergedParams,
  type RelatedAnswer, type RelatedParams, type ServerSettings,
} from './protocol';
import { rules as catalog, type Rule, type RuleSettings } from './rules';
import { codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { LogDocuments } from './features/documents';
import { fileInfo, severityRanges } from './features/fileInfo';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { buildMerged, MERGED_SCHEME, mergedDiagnostics, mergedLinks } from './features/merged';
import { runSafe } from './features/runner';
import { isInside } from './features/positions';
import { legend, semanticTokens } from './features/semanticTokens';
import { fallback, fetchSettings, folderOf, scopeOf, type Fetched } from './features/settings';
import { documentSymbols, RESULT_LIMIT } from './features/symbols';
import { Validator } from './features/validation';
import { toPath, WorkspaceLogs } from './features/workspaceLogs';
import { globMatcher } from './workspace/globs';
import { ParseWorker } from './workspace/parseWorker';

const connection = createConnection(ProposedFeatures.all);
// Anything printed goes to the Output channel, never to stdout (which may be the protocol stream).
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
exitOnCrash(connection);
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));

/** The settings of the window and of each folder (resource-scoped settings differ between folders). */
let scoped: Fetched = fallback();
/** The settings that apply to a log (its folder's), or the window's. */
const settingsFor = (uri?: string): ServerSettings => scopeOf(scoped, uri ? toPath(uri) : null).settings;
const windowSettings = () => scoped.window.settings;
let configurationSupported = false;
let lensRefreshSupported = false;
/** The client's foldingRange rangeLimit, if it gave one. */
let foldingLimit: number | undefined;
let folders: string[] = [];
let folderUris: string[] = [];
/** How to read a file's times: its folder's settings. */
const parseOptions = (file: string | null): ParseOptions => {
  const s = scopeOf(scoped, file).settings;
  return { defaultOffset: s.defaultOffset, offsetConvention: s.offsetConvention };
};
const documents = new LogDocuments((uri) => parseOptions(toPath(uri)));
const logs = new WorkspaceLogs(documents);
const faults = (process.env.CMLOG_FAULT_INJECTION ?? '').split(',');
const validator = new Validator(connection, documents, logs, (uri) => ({ rules: settingsFor(uri).rules as RuleSettings, workspaceScope: windowSettings().problemsScope === 'workspace' }), faultInjection());
const mergedViews = new Map<string, MergedAnswer>();
const log = (m: string) => connection.console.error(m);
/** Settings problems are said once each, not at every read of the settings. */
const warned = new Set<string>();
const warnOnce = (m: string) => { if (!warned.has(m)) { warned.add(m); connection.console.warn(m); } };
// Whole files are parsed on a worker thread (dist/parseWorker.js): requests keep being answered while a folder is indexed.
const parser = new ParseWorker({}, log);
const isMerged = (uri: string) => uri.startsWith(MERGED_SCHEME + ':');

connection.onInitialize((params: InitializeParams): InitializeResult => {
  configurationSupported = !!params.capabilities.workspace?.configuration;
  lensRefreshSupported = !!params.capabilities.workspace?.codeLens?.refreshSupport;
  const rangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
  if (typeof rangeLimit === 'number' && rangeLimit >= 0) foldingLimit = Math.min(rangeLimit, RESULT_LIMIT);
  folderUris = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => f.uri).filter((u) => !!toPath(u));
  folders = folderUris.map((u) => toPath(u)!);
  building = folders.length > 0; // the first index build starts once the settings are read
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      semanticTokensProvider: { legend, full: true },
      foldingRangeProvider: true,
      documentSymbolProvider: { label: 'CMLog Lens' },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      codeLensProvider: { resolveProvider: false },
      documentLinkProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'CMLog Lens' },
  };
});

connection.onInitialized(() => {
  if (configurationSupported) void connection.client.register(DidChangeConfigurationNotification.type, { section: ['cmlog', 'files.exclude'] });
  void reloadSettings();
});

async function loadSettings(): Promise<void> {
  const scopes = folders.map((p, k) => ({ path: p, uri: folderUris[k] }));
  scoped = await fetchSettings(connection, configurationSupported, scopes, warnOnce).catch((e) => {
    warnOnce(`settings could not be read (${(e as Error)?.message}); using the defaults`);
    return fallback(scopes);
  });
}

/**
 * The newest index build's number (a settings change starts another), and whether it is still
 * running. While it runs, changes to logs are not validated file by file (see onDidChange): it
 * validates every log when done. A build that a newer one replaced holds nothing back.
 */
let indexRun = 0;
let building = false;

/** What validation looks at after a change of settings: what has diagnostics, and every log (not merged views). */
function validationTargets(): Set<string> {
  return new Set([...validator.known(), ...logs.all().map((l) => l.key)].filter((uri) => !isMerged(uri)));
}

/**
 * Reads every log under the workspace folders from disk (progress in the window), then validates
 * them (and clears what is no longer indexed). False when a newer build replaced this one.
 */
async function indexWorkspace(): Promise<boolean> {
  if (folders.length === 0) {
    validator.setReady();
    for (const uri of validationTargets()) validator.schedule(uri);
    return true;
  }
  const run = ++indexRun;
  building = true;
  try {
    const progress = await connection.window.createWorkDoneProgress().catch(() => null);
    progress?.begin('CMLog Lens: indexing logs', 0, undefined, false);
    try {
      const include = windowSettings().include.length ? globMatcher(windowSettings().include, folders) : undefined;
      // VS Code evaluates files.exclude relative to the folder: `hex` is the top folder only.
      // Each folder's own files.exclude.
      const excludes = scoped.folders.map((f) => f.scoped.filesExclude.length ? globMatcher(f.scoped.filesExclude, [f.path]) : () => false);
      const exclude = (file: string) => { const k = folderOf(scoped.folders, file); return k >= 0 && excludes[k](file); };
      await logs.indexFolders(folders, {
        include, exclude, parse: parseOptions, readLog: (file, options) => parser.read(file, options),
        progress: (done, total) => progress?.report(total ? Math.round((done / total) * 100) : 0, `${done}/${total} files`),
      });
      if (run === indexRun) {
        for (const p of logs.problems) log(`not indexed: ${p.path}: ${p.reason}`);
        connection.console.info(`indexed ${logs.indexedCount} logs; ${parser.received} whole-file parses on the worker thread so far`);
      }
    } catch (e) {
      log(`indexing failed: ${(e as Error)?.stack ?? e}`);
    } finally {
      progress?.done();
    }
  } finally {
    if (run === indexRun) building = false;
  }
  // A newer build replaced this one: it validates the whole index when done, not this partial one.
  if (run !== indexRun) return false;
  validator.setReady();
  await validator.validateAll([...validationTargets()]);
  refreshLenses();
  return true;
}

/** Asks the client to fetch code lenses again (if it supports being asked). */
function refreshLenses(): void {
  if (lensRefreshSupported) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
}

let lensRefresh: NodeJS.Timeout | undefined;
logs.onDidChange((uris) => {
  // While an index is built, all are validated once it is done: one change per file, each
  // scheduling the logs that read it, would cost the square of the file count.
  if (!building) validator.scheduleDependents(uris);
  clearTimeout(lensRefresh);
  lensRefresh = setTimeout(() => refreshLenses(), 300);
});

// vscode-languageclient announces a change right after start-up (synchronize.configurationSection)
// and again for the registration above: each one only reads the settings again.
connection.onDidChangeConfiguration(() => void reloadSettings());

let settingsLoaded = false;
let reloading: Promise<void> | null = null;
let reloadAgain = false;

/** One settings read at a time; changes announced meanwhile make one more read, not one each. */
function reloadSettings(): Promise<void> {
  if (reloading) { reloadAgain = true; return reloading; }
  reloading = (async () => {
    try {
      do { reloadAgain = false; await applySettings(); } while (reloadAgain);
    } finally { reloading = null; }
  })();
  return reloading;
}

/** Reads the settings; the first read starts the index, later ones redo what their change affects. */
async function applySettings(): Promise<void> {
  const what = () => ({
    files: JSON.stringify([windowSettings().include, scoped.folders.map((f) => f.scoped.filesExclude)]),
    times: JSON.stringify([scoped.window, ...scoped.folders.map((f) => f.scoped)].map((x) => [x.settings.defaultOffset, x.settings.offsetConvention])),
    all: JSON.stringify(scoped),
  });
  const before = settingsLoaded ? what() : null;
  await loadSettings();
  settingsLoaded = true;
  if (!before) return void indexWorkspace();
  const now = what();
  if (before.all === now.all) return; // the same settings announced again
  if (before.files !== now.files || before.times !== now.times) {
    documents.reparseAll();
    for (const [uri] of documents.all()) if (!isMerged(uri)) logs.syncTimeline(uri);
  }
  if (before.files !== now.files) {
    // Other files: index again (the build under way is cancelled). The new index validates
    // everything when built.
    void indexWorkspace();
  } else if (before.times !== now.times) {
    // Only how UTC is computed: nothing is read again (the indexed logs are re-timed in one change,
    // see onDidChange). A build under way reads its remaining files with the new options.
    logs.setParseOptions(parseOptions);
    if (!building) for (const uri of validationTargets()) validator.schedule(uri);
  } else {
    for (const uri of validationTargets()) validator.schedule(uri);
  }
  connection.languages.semanticTokens.refresh();
  refreshLenses();
}

// Live logs: the client's file watcher reports writes; only the appended bytes are read.
connection.onDidChangeWatchedFiles(async (p) => {
  for (const change of p.changes) {
    if (documents.get(change.uri) && change.type === FileChangeType.Changed) continue; // the editor sends its text
    await logs.refresh(change.uri).catch((e) => log(`refresh ${change.uri}: ${(e as Error)?.message}`));
  }
});

connection.onDidOpenTextDocument((p) => {
  documents.didOpen(p);
  if (isMerged(p.textDocument.uri)) return publishMerged(p.textDocument.uri);
  logs.syncTimeline(p.textDocument.uri);
  validator.scheduleDependents([p.textDocument.uri]);
});
connection.onDidChangeTextDocument((p) => {
  if (!documents.didChange(p) || isMerged(p.textDocument.uri)) return;
  logs.syncTimeline(p.textDocument.uri);
  validator.scheduleDependents([p.textDocument.uri]);
});
connection.onDidCloseTextDocument((p) => {
  const uri = p.textDocument.uri;
  documents.didClose(uri);
  if (isMerged(uri)) { mergedViews.delete(uri); return validator.clear(uri); }
  logs.syncTimeline(uri); // back to the indexed model, if any
  if (validator.covers(uri)) validator.scheduleDependents([uri]);
  else validator.clear(uri);
});

function publishMerged(uri: string): void {
  const answer = mergedViews.get(uri);
  if (answer) void connection.sendDiagnostics({ uri, diagnostics: mergedDiagnostics(answer, (u) => validator.findingsOf(u)) });
}

connection.languages.semanticTokens.on((p, token) => runSafe(log, 'semanticTokens', token, { data: [] }, () => {
  const open = documents.get(p.textDocument.uri);
  return open && !isMerged(p.textDocument.uri) ? semanticTokens(open.document, open.log) : { data: [] };
}));
connection.onFoldingRanges((p, token) => runSafe(log, 'foldingRanges', token, [], () => {
  const open = documents.get(p.textDocument.uri);
  return open && !isMerged(p.textDocument.uri) ? foldingRanges(open.log, foldingLimit) : [];
}));
connection.onDocumentSymbol((p, token) => runSafe(log, 'documentSymbol', token, [], () => {
  const open = documents.get(p.textDocument.uri);
  return open && !isMerged(p.textDocument.uri) ? documentSymbols(open.document, open.log) : [];
}));
connection.onHover((p, token) => runSafe(log, 'hover', token, null, () => {
  if (faults.includes('throwing-hover')) throw new Error('injected hover failure');
  const uri = p.textDocument.uri;
  const open = documents.get(uri);
  if (!open || !isInside(open.document, p.position)) return null;
  if (!isMerged(uri)) {
    const target = logs.get(uri);
    return target ? hover(target, open.document.offsetAt(p.position), { logs: logs.all() }, validator.findingsOf(uri)) : null;
  }
  // A merged line explains its source record.
  const src = mergedViews.get(uri)?.sources[p.position.line];
  const target = src && logs.get(src.uri);
  const i = target ? target.log.entryAtLine(src.line) : -1;
  if (!target || i < 0) return null;
  const offset = target.log.messageStart(i);
  return hover(target, offset, { logs: logs.all() }, validator.findingsOf(src.uri));
}));
connection.onCodeAction((p, token) => runSafe(log, 'codeAction', token, [], () => codeActions(p)));
connection.onCodeLens((p, token) => runSafe(log, 'codeLens', token, [], () => {
  const uri = p.textDocument.uri;
  const target = isMerged(uri) ? undefined : logs.get(uri);
  if (!target) return [];
  if (!logs.timeline.has(uri)) logs.syncTimeline(uri);
  return codeLenses(uri, target.log, validator.findingsOf(uri), logs.timeline, settingsFor(uri).codeLens, building);
}));
connection.onDocumentLinks((p, token) => runSafe(log, 'documentLinks', token, [], () => {
  const answer = mergedViews.get(p.textDocument.uri);
  return answer ? mergedLinks(answer) : [];
}));

connection.onRequest(Requests.fileInfo, (p: FileInfoParams, token) => runSafe(log, 'fileInfo', token, null, () => {
  const target = isMerged(p.uri) ? undefined : logs.get(p.uri);
  return target ? fileInfo(target.log, settingsFor(p.uri).defaultOffset) : null;
}));
connection.onRequest(Requests.severityRanges, (p: FileInfoParams, token) => runSafe(log, 'severityRanges', token, { errors: [], warnings: [] }, () => {
  const open = documents.get(p.uri);
  return open && !isMerged(p.uri) ? severityRanges(open.log) : { errors: [], warnings: [] };
}));
connection.onRequest(Requests.lookupErrorCode, (p: LookupParams, token) => runSafe<LookupResult>(log, 'lookupErrorCode', token, { markdown: null }, () => ({ markdown: explainErrorCode(String(p?.code ?? '')) })));
connection.onRequest(Requests.related, (p: RelatedParams, token) => runSafe<RelatedAnswer>(log, 'related', token, { locations: [], unknownOffsetLogs: [], windowSeconds: settingsFor(p.uri).codeLens.windowSeconds }, () => {
  const windowSeconds = settingsFor(p.uri).codeLens.windowSeconds;
  // An entry the log does not have answers nothing (and is no failure to log: hostile input).
  const count = logs.get(p?.uri)?.log.entryCount ?? 0;
  if (!(Number.isInteger(p.entryIndex) && p.entryIndex >= 0 && p.entryIndex < count)) return { locations: [], unknownOffsetLogs: [], windowSeconds };
  if (!logs.timeline.has(p.uri)) logs.syncTimeline(p.uri);
  const r = logs.timeline.related(p.uri, p.entryIndex, { windowMs: windowSeconds * 1000, limit: 100 });
  return {
    locations: r.related.map((e) => ({ uri: e.key, line: e.line, deltaMs: e.deltaMs, message: e.message.split('\n', 1)[0] })),
    unknownOffsetLogs: r.unknownOffsetLogs,
    windowSeconds,
  };
}));
connection.onRequest(Requests.merged, (p: MergedParams & { viewUri: string }, token) => runSafe<MergedAnswer>(log, 'merged', token, { text: '', sources: [], notes: [] }, () => {
  const answer = buildMerged(logs, logs.timeline, p);
  mergedViews.set(p.viewUri, answer);
  if (documents.get(p.viewUri)) publishMerged(p.viewUri);
  return answer;
}));

// Test-only (CMLOG_TEST_HOOKS=1): how much work was done, so tests count work instead of timing it.
if (process.env.CMLOG_TEST_HOOKS === '1') {
  connection.onRequest('cmlog/test/stats', () => ({ ...validator.stats, idle: validator.idle, parses: documents.parses }));
}

/** Test-only faults (CMLOG_FAULT_INJECTION): prove a throwing rule or request never takes the server down. */
function faultInjection(): readonly Rule[] {
  if (!faults.includes('throwing-rule')) return catalog;
  const throwing: Rule = {
    id: 'fault-injection', defaultSeverity: 'error', title: 'test fault', explanation: 'Throws, for tests.', sources: [],
    check() { throw new Error('injected rule failure'); },
  };
  return [throwing, ...catalog];
}

connection.listen();
