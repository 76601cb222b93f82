// One table as the extension host sees it: the server's table (opened, reopened after a server
// restart, closed with the panel) and its webview. The webview never talks to the server: its
// requests get the table's id added here. Messages from the webview are checked before use (the
// page renders log text; a bug there must not open arbitrary files). No vscode import: the editor
// side is the `TableHost` the provider passes, so tests drive a session with fakes.
import type { RequestType } from 'vscode-languageserver-protocol';
import { TableRequests, type TableChangedParams, type TableOpenResult } from '../../../server/src/protocol';
import type { FromWebview, ToWebview, WebviewMethod, WebviewOptions } from './messages';

/** The part of the LanguageClient a session uses. */
export interface TableServer {
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
}

/** What a session asks of the editor. */
export interface TableHost {
  post(message: ToWebview): void;
  options(): WebviewOptions;
  openInEditor(uri: string, line: number): void;
  /** Open one of the table's logs in the text editor, at its top (in a merge, the user picks which). */
  openLog(uris: readonly string[]): void;
  clipboard(text: string): void;
  openAsText(text: string, cut: boolean): void;
  lookup(code: string): void;
  /** Run "use the folder's offset" for one of the table's logs (the banner's offer). */
  useFolderOffset(uri: string): void;
  notify(level: 'info' | 'warning' | 'error', message: string): void;
}

export type TableCommand = Extract<ToWebview, { kind: 'command' }>['command'];

const WEBVIEW_METHODS = new Set<string>(Object.keys(TableRequests).filter((m) => m !== 'open' && m !== 'close'));
const LEVELS = new Set(['info', 'warning', 'error']);
/** Messages for the page before it has its `init` (commands, a reveal): a few, the latest kept. */
const MAX_QUEUED = 16;

export class TableSession {
  private table: TableOpenResult | undefined;
  private opening: Promise<TableOpenResult | undefined> | undefined;
  private pageReady = false;
  private initSent = false;
  private queued: ToWebview[] = [];
  private disposed = false;
  private generation = 0;
  private toldError: string | undefined;
  /** The rows the last change carried (TableChangedParams.page: a reset's, a Live append's) and its view's version: shown() says them again with that view. */
  private resetRows: { version: number; page: NonNullable<TableChangedParams['page']> } | undefined;

  constructor(readonly uris: readonly string[], private readonly server: () => Promise<TableServer>, private readonly host: TableHost) {}

  get tableId(): string | undefined { return this.table?.tableId; }

  /** A log's name as the table shows it (`DEVICE1 › CcmExec.log` in a merge of machines); undefined before the server's answer. Untrusted. */
  labelOf(uri: string): string | undefined {
    return this.table?.sources.find((s) => s.uri === uri)?.label;
  }

  /** Open (or, after a server restart, reopen) the server's table and give the page its `init`. */
  open(): Promise<TableOpenResult | undefined> {
    const opening = this.openOnce(++this.generation);
    this.opening = opening;
    return opening;
  }

  private async openOnce(generation: number): Promise<TableOpenResult | undefined> {
    try {
      const server = await this.server();
      const table = await server.sendRequest(TableRequests.open, { uris: [...this.uris] });
      if (this.disposed || generation !== this.generation) {
        // Closed meanwhile, or a newer open (a restart during this one) owns the session: no stray table on the server.
        void server.sendRequest(TableRequests.close, { tableId: table.tableId }).catch(() => undefined);
        return this.disposed ? undefined : this.opening;
      }
      this.table = table;
      this.initSent = false;
      this.sendInit();
      this.tellReadError(table.error);
      return table;
    } catch (e) {
      if (!this.disposed && generation === this.generation) this.host.notify('error', `CMLog Lens could not open the table: ${errorText(e)}`);
      return undefined;
    }
  }

  /** The server restarted: its tables are gone. Open ours again (the page gets a new `init`). */
  reopen(): Promise<TableOpenResult | undefined> | undefined {
    if (this.disposed) return undefined;
    this.table = undefined;
    this.resetRows = undefined;
    this.initSent = false;
    return this.open();
  }

  /** A `tableChanged` notification (for any table: sessions ignore the others). */
  changed(change: TableChangedParams): void {
    if (!this.table || change.tableId !== this.table.tableId) return;
    // Kept current so a page that loads again gets the table as it is now.
    Object.assign(this.table, { version: change.version, rows: change.rows, total: change.total, reading: change.reading, error: change.error }, change.banner ?? {});
    tookTimedEnd(this.table, change.timedEnd);
    if (change.page) this.resetRows = { version: change.version, page: change.page };
    this.post({ kind: 'changed', change });
    this.tellReadError(change.error);
  }

  /**
   * The panel is shown again: a change posted while it was hidden may not have reached the page
   * (the tour saw a merge come back with its rows of before an append, and a lost read error stays
   * lost). The page gets the table as it is now, as a reset; one that has it already ignores it.
   */
  shown(): void {
    const t = this.table;
    if (!t || !this.initSent) return;
    // A lost change's rows come again with its view (the page draws them only if made for the place it says now).
    const rows = this.resetRows?.version === t.version ? { page: this.resetRows.page } : {};
    this.post({ kind: 'changed', change: { tableId: t.tableId, version: t.version, rows: t.rows, total: t.total, reading: t.reading, error: t.error, reset: true, ...(t.timedEnd !== undefined ? { timedEnd: t.timedEnd } : {}), ...rows } });
  }

  /** A filter (or rows) answer carries a newer view than the last change: keep it, for shown() and a page loaded again. */
  private tookView(table: TableOpenResult, result: unknown): void {
    const r = result as { version?: unknown; rows?: unknown; timedEnd?: unknown } | null;
    if (typeof r !== 'object' || r === null || typeof r.version !== 'number' || typeof r.rows !== 'number' || r.version <= table.version) return;
    table.version = r.version;
    table.rows = r.rows;
    // An answer that does not say it: the end is Live's place.
    tookTimedEnd(table, typeof r.timedEnd === 'number' ? r.timedEnd : undefined);
  }

  /** A host command or keybinding for this table. */
  command(command: TableCommand): void {
    this.post({ kind: 'command', command });
  }

  /** Select the row of a log line (the text editor's "Show in table"). */
  async revealLine(uri: string, line: number): Promise<void> {
    const table = this.table ?? (await this.opening);
    if (!table || this.disposed) return;
    const { row } = await (await this.server()).sendRequest(TableRequests.rowOfLine, { tableId: table.tableId, uri, line });
    if (row === null) this.host.notify('info', `CMLog Lens: line ${line + 1} is not among the table's rows (its filter hides it).`);
    else this.post({ kind: 'reveal', row });
  }

  /** "Open as text": the current rows, exported by the server. */
  async openAsText(): Promise<void> {
    const table = this.table ?? (await this.opening);
    if (!table || this.disposed) return;
    const { text, cut } = await (await this.server()).sendRequest(TableRequests.exportText, { tableId: table.tableId });
    this.host.openAsText(text, cut);
  }

  /** A message from the page. Anything malformed is dropped. */
  async receive(raw: unknown): Promise<void> {
    if (this.disposed || typeof raw !== 'object' || raw === null) return;
    const msg = raw as FromWebview;
    switch (msg.kind) {
      case 'ready':
        // Also after the page was loaded again: it gets the table as it is now.
        this.pageReady = true;
        this.initSent = false;
        this.sendInit();
        return;
      case 'request':
        return this.forward(msg);
      case 'openInEditor':
        if (typeof msg.uri === 'string' && this.uris.includes(msg.uri) && Number.isSafeInteger(msg.line) && msg.line >= 0) this.host.openInEditor(msg.uri, msg.line);
        return;
      case 'openLogInEditor':
        return this.host.openLog(this.uris);
      case 'clipboard':
        if (typeof msg.text === 'string') this.host.clipboard(msg.text);
        return;
      case 'openAsText':
        return this.openAsText().catch((e) => this.host.notify('error', `CMLog Lens could not export the rows: ${errorText(e)}`));
      case 'lookup':
        if (typeof msg.code === 'string' && msg.code.length <= 64) this.host.lookup(msg.code);
        return;
      case 'useFolderOffset':
        if (typeof msg.uri === 'string' && this.uris.includes(msg.uri)) this.host.useFolderOffset(msg.uri);
        return;
      case 'notify':
        if (LEVELS.has(msg.level) && typeof msg.message === 'string') this.host.notify(msg.level, msg.message);
        return;
    }
  }

  private async forward(msg: Extract<FromWebview, { kind: 'request' }>): Promise<void> {
    if (!Number.isSafeInteger(msg.id)) return;
    const answer = (result: Omit<Extract<ToWebview, { kind: 'response' }>, 'kind' | 'id'>) => this.post({ kind: 'response', id: msg.id, ...result });
    if (typeof msg.method !== 'string' || !WEBVIEW_METHODS.has(msg.method)) return answer({ error: `unknown table request '${String(msg.method).slice(0, 40)}'` });
    if (typeof msg.params !== 'object' || msg.params === null || Array.isArray(msg.params)) return answer({ error: 'the request has no parameters' });
    try {
      const table = this.table ?? (await this.opening);
      if (!table) return answer({ error: 'the table is not open' });
      const type = TableRequests[msg.method as WebviewMethod] as RequestType<unknown, unknown, void>;
      // The id is the host's: whatever the page sent under that name is replaced.
      const result = await (await this.server()).sendRequest(type, { ...msg.params, tableId: table.tableId });
      this.tookView(table, result);
      answer({ result });
    } catch (e) {
      answer({ error: errorText(e) });
    }
  }

  /** A read error is also a notification (the panel may be in the background), once per error. */
  private tellReadError(error: string | undefined): void {
    // No error now: the next one is news again, even if it reads the same (deleted, back, deleted).
    if (!error || error === this.toldError) { this.toldError = error; return; }
    this.toldError = error;
    this.host.notify('error', `CMLog Lens could not read ${error}`);
  }

  private sendInit(): void {
    if (!this.pageReady || !this.table || this.initSent || this.disposed) return;
    this.initSent = true;
    this.host.post({ kind: 'init', table: this.table, options: this.host.options() });
    const queued = this.queued;
    this.queued = [];
    for (const m of queued) this.host.post(m);
  }

  /**
   * Answers go to a listening page at once (also while the table reopens: the page's request must
   * not hang); changes only to a page that has its table (a later init carries them); commands and
   * reveals wait for the init (bounded: the oldest go).
   */
  private post(message: ToWebview): void {
    if (this.disposed) return;
    if (this.initSent || (message.kind === 'response' && this.pageReady)) {
      this.host.post(message);
      return;
    }
    if (message.kind === 'response' || message.kind === 'changed') return;
    this.queued.push(message);
    if (this.queued.length > MAX_QUEUED) this.queued.shift();
  }

  /** The panel is closed: close the server's table. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const tableId = this.table?.tableId;
    this.table = undefined;
    this.queued = [];
    if (tableId) void this.server().then((s) => s.sendRequest(TableRequests.close, { tableId })).catch(() => undefined);
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The view's Live place (TableOpenResult.timedEnd) as the answer of its version says it: absent is the end. */
function tookTimedEnd(table: TableOpenResult, timedEnd: number | undefined): void {
  if (timedEnd === undefined) delete table.timedEnd;
  else table.timedEnd = timedEnd;
}
