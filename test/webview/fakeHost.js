// A fake extension host for harness.html: acquireVsCodeApi answering the table's requests from a
// generated model of ROWS rows (row i is computed, never stored; a filter keeps an Int32Array of
// the rows it lets through). It records what the webview sent, for browser.test.mjs to assert.
// Where the server decides (the rows an answer carries, the rows that keep the reader's place, the
// Live place), it asks the server's own modules: bundled for the page by browser.test.mjs (esbuild.mjs fakeHostBuild).
import { TABLE_MAX_ROWS } from '../../server/src/protocol';
import { changeTarget, firstPage } from '../../server/src/table/firstPage';
import { placeIn, rangeNear, rowNear } from '../../server/src/table/keptRows';
import { lastTimedRow } from '../../server/src/table/timedEnd';

(() => {
  let ROWS = Number(new URLSearchParams(location.search).get('rows') || 5_000_000);
  const BASE = Date.UTC(2024, 0, 15, 8, 0, 0);
  // ?components=sms: the long component names of a site server's logs; ?components=blank: records with none.
  const COMPONENTS_ASKED = new URLSearchParams(location.search).get('components');
  const COMPONENTS = COMPONENTS_ASKED === 'sms' ? ['SMS_CLOUD_USERSYNC', 'SMS_AZUREAD_DISCOVERY_AGENT', 'SMS_EXECUTIVE']
    : COMPONENTS_ASKED === 'blank' ? ['CcmExec', '', 'ContentAccess'] : ['CcmExec', 'DataTransferService', 'ContentAccess'];
  const EVIL = 57; // an error row whose message is markup
  const severity = (i) => (i % 50 === 7 ? 'error' : i % 10 === 3 ? 'warning' : i % 97 === 0 ? 'success' : 'information');
  // ?hostile=1: every text of row 0 and every name carries a bidi override and an ANSI escape (the page must show them as escapes).
  const HOSTILE = new URLSearchParams(location.search).get('hostile') === '1';
  const EVIL_TEXT = 'text \u202Eevil\u202C error \x1b[31mRED\x1b[0m';
  const message = (i) => (HOSTILE && i === 0 ? EVIL_TEXT : i === EVIL ? 'Download failed <img src=x onerror="window.__pwned=1"> 0x80070005' : `Row ${i + 1} of the model: ${severity(i)} record`);
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  // ?wall=-300: the log's wall clock is 300 minutes behind UTC (its rows show that clock).
  const WALL_MS = Number(new URLSearchParams(location.search).get('wall') || 0) * 60_000;
  const time = (i) => {
    const d = new Date(BASE + i * 100 + WALL_MS);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  };
  // ?sources=2: a merge of two logs from two machines (row i comes from log i % 2).
  // The server labels a log with its machine only when the table spans several (explain/logLabel.ts).
  const SOURCES = [{ uri: 'file:///logs/CAS.log', name: 'CAS.log', machine: 'SITE01', color: 0 }, { uri: 'file:///client/CcmExec.log', name: 'CcmExec.log', machine: 'PC042', color: 1 }]
    .slice(0, Number(new URLSearchParams(location.search).get('sources') || 1))
    .map((s) => (HOSTILE ? { ...s, name: `\u202E${s.name}`, uri: `${s.uri}\u202E`, machine: `PC\u202E1`, note: `offset \u202Eunknown` } : s));
  for (const s of SOURCES) s.label = SOURCES.length > 1 ? `${s.machine} › ${s.name}` : s.name;
  // ?offer=1: a merge's banner offers its last log's folder offset (the text names the log: markup in it must stay text).
  const OFFERS = new URLSearchParams(location.search).get('offer') === '1'
    ? [{ text: `${SOURCES.at(-1).label} <b onmouseover="window.__pwned=4">writes</b> UTC+05:30`, uri: SOURCES.at(-1).uri }] : [];
  // ?reading=1: the table opens while its log is still being read (rows come with __grow(n, false, true)).
  const READING = new URLSearchParams(location.search).get('reading') === '1';
  // ?nothread=1: a format without threads (CBS): rows before this one have the empty thread (window.__threadsFromNow: appended rows have one).
  let NO_THREAD_BELOW = new URLSearchParams(location.search).get('nothread') === '1' ? Infinity : 0;
  const thread = (i) => (i < NO_THREAD_BELOW ? '' : String(1000 + (i % 7)));
  // ?untimed=N: the last N model rows have no time (a merge sorts them after every timed row).
  const UNTIMED = Number(new URLSearchParams(location.search).get('untimed') || 0);
  const timed = (i) => i < ROWS - UNTIMED;
  let version = 1;
  /** Where the page said it shows the table (a `place` request), as the server keeps it. */
  let place;
  /** Rows appended or (reset) a truncated log while the page is paused: the server holds the change back until following resumes. */
  let withheld = null;
  /** The change a `follow` request resumed with, said just before its answer. */
  let resumed = null;
  let view = null; // null: every row; else an Int32Array of model rows
  const rows = () => (view ? view.length : ROWS);
  const at = (r) => (view ? view[r] : r);
  // The model row is the entry and its position in the order; the filtered rows are positions, as the server's view keeps them.
  const shownRows = () => (view ? { a: view, n: view.length } : null);
  const placeOf = (entry) => (entry >= 0 && entry < ROWS ? placeIn(shownRows(), entry) : null);
  const rowOf = (i, r, highlights) => ({
    row: r, source: i % SOURCES.length, entry: i, line: i, severity: severity(i), time: timed(i) ? time(i) : '', utc: timed(i) ? BASE + i * 100 : null,
    component: HOSTILE && i === 0 ? 'Comp\u202Eonent' : COMPONENTS[i % 3], thread: thread(i), message: message(i), more: false, problems: i === EVIL ? 1 : 0,
    highlight: (highlights || []).findIndex((h) => (h.text && message(i).includes(h.text)) || (h.regex && highlightRegex(h) instanceof RegExp && highlightRegex(h).test(message(i)))),
  });
  // As the server runs a regex rule: a bad one, or one too slow (the fake's runaway is `(a+)+$`, as its filter's), highlights nothing and says why.
  const highlightRegex = (h) => {
    if (h.regex === '(a+)+$') return 'The regular expression cannot run in time: (a+)+$';
    try { return new RegExp(h.regex, h.caseSensitive ? '' : 'i'); } catch (e) { return `invalid regular expression: ${e.message}`; }
  };
  // As the server says a merge's Live place with its rows (TableView.timedEnd): its last timed row
  // when untimed rows follow (a merge sorts them last); one log's end is its place.
  const timedEnd = () => {
    const row = SOURCES.length > 1 ? lastTimedRow(rows(), (r) => timed(at(r))) : null;
    return row === null ? {} : { timedEnd: row };
  };
  /** The model row the view's row `r` shows now (the filter's view is made when it is asked for). */
  window.__at = (r) => at(r);
  window.__requests = [];
  window.__holdRows = false;
  window.__heldRows = [];
  /** Sends the held rows answer `i` (in the order asked); resolves once the page has handled it. */
  // Messages arrive in order: once a marker posted after a message comes back, that message is
  // handled; two frames later, drawn.
  const handled = (name) => new Promise((done) => {
    const marker = `${name}-${Math.random()}`;
    const seen = (e) => {
      if (e.data !== marker) return;
      window.removeEventListener('message', seen);
      requestAnimationFrame(() => requestAnimationFrame(done));
    };
    window.addEventListener('message', seen);
    window.postMessage(marker, '*');
  });
  window.__releaseRows = (i) => {
    window.__heldRows.splice(i, 1)[0].send();
    return handled('released');
  };
  // The same for facets answers (a big merge counts them slowly): held while __holdFacets is set.
  window.__holdFacets = false;
  window.__heldFacets = [];
  window.__releaseFacets = () => {
    for (const h of window.__heldFacets.splice(0)) h.send();
    return handled('released facets');
  };
  window.__failFacets = false;
  window.__posted = [];
  const answer = (id, result, error) => window.postMessage(error ? { kind: 'response', id, error } : { kind: 'response', id, result }, '*');
  /** Rows [start, start + count) of the view, as a rows answer carries them. */
  const pageOf = (start, count, highlights) => {
    const items = [];
    for (let r = start; r < Math.min(start + count, rows()); r++) items.push(rowOf(at(r), r, highlights));
    // As server/src/table/view.ts page(): every rule that cannot run, by its index; an invalid
    // pattern always (and marked so), a too slow one only when it had rows left to run on.
    const failed = [];
    (highlights || []).forEach((h, k) => {
      const re = h.regex ? highlightRegex(h) : null;
      if (typeof re !== 'string') return;
      const invalid = re.startsWith('invalid');
      if (invalid || items.some((it) => it.highlight < 0 || it.highlight > k)) failed.push({ rule: k, error: re, ...(invalid ? { invalid: true } : {}) });
    });
    return { items, ...(failed.length ? { highlightErrors: failed } : {}) };
  };
  // As TableView.pageAround: the whole cache pages around `target` (firstPage), as a rows answer has them.
  const pageAround = (target, shape, highlights) => {
    const around = firstPage(target, shape.reach, shape.size, rows(), TABLE_MAX_ROWS);
    return around ? { start: around.start, ...pageOf(around.start, around.count, highlights) } : null;
  };
  const handlers = {
    rows: ({ start, count, highlights }) => ({ version, rows: rows(), ...pageOf(start, count, highlights) }),
    facets: ({ sources: picked }) => {
      const severities = { error: 0, warning: 0, information: 0, success: 0 };
      const sources = SOURCES.map((_, k) => Math.ceil((ROWS - k) / SOURCES.length));
      // The logs a merge's pickers keep: row i is log i % SOURCES.length's, counted row by row.
      if (picked) {
        const kept = new Set(SOURCES.flatMap((s, k) => (picked.includes(s.uri) ? [k] : [])));
        const components = new Map(), threads = new Map();
        for (let i = 0; i < ROWS; i++) {
          if (!kept.has(i % SOURCES.length)) continue;
          const r = rowOf(i, i);
          severities[r.severity]++;
          components.set(r.component, (components.get(r.component) ?? 0) + 1);
          threads.set(r.thread, (threads.get(r.thread) ?? 0) + 1);
        }
        const list = (m) => [...m].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count);
        return { components: list(components), threads: list(threads), severities, sources, firstUtc: BASE, lastUtc: BASE + (ROWS - 1) * 100 };
      }
      for (let i = 0; i < ROWS; i++) severities[severity(i)]++;
      if (HOSTILE) return { components: [{ name: 'Comp\u202Eonent', count: 1 }], threads: [{ name: '1\u202E2', count: 1 }], severities, sources, firstUtc: BASE, lastUtc: BASE + (ROWS - 1) * 100 };
      const unthreaded = Math.min(ROWS, NO_THREAD_BELOW);
      const threads = [...(unthreaded > 0 ? [{ name: '', count: unthreaded }] : []), ...(unthreaded < ROWS ? [0, 1, 2, 3, 4, 5, 6].map((t) => ({ name: String(1000 + t), count: Math.round((ROWS - unthreaded) / 7) })) : [])];
      return { components: COMPONENTS.map((name) => ({ name, count: Math.round(ROWS / 3) })), threads, severities, sources, firstUtc: BASE, lastUtc: BASE + (ROWS - 1) * 100 };
    },
    filter: ({ filter, keep, keepFrom, page, highlights }) => {
      version++;
      // As the server's filter answer (handlers/table.ts): the row of the kept entry (model row
      // `keep.entry`) or the shown row nearest to it; a range's rows; the rows the page shows first,
      // around the range's focus end, else the kept row, else the top.
      const reply = (extra) => {
        const at = keep ? placeOf(keep.entry) : undefined;
        const k = at !== undefined ? { kept: rowNear(shownRows(), at) } : {};
        const range = at !== undefined && keepFrom ? { keptRange: rangeNear(shownRows(), placeOf(keepFrom.entry), at) } : {};
        const around = page && pageAround(range.keptRange?.to ?? k.kept ?? 0, page, highlights);
        return { version, rows: rows(), ...k, ...range, ...timedEnd(), ...extra, ...(around ? { page: around } : {}) };
      };
      if (filter.text && filter.text.regex === '(a+)+$') return reply({ error: 'The regular expression cannot run in time: (a+)+$' });
      const sev = filter.severities && new Set(filter.severities);
      if (!sev) view = null;
      else {
        const out = new Int32Array(ROWS);
        let n = 0;
        for (let i = 0; i < ROWS; i++) if (sev.has(severity(i))) out[n++] = i;
        view = out.slice(0, n);
      }
      return reply({});
    },
    find: ({ from, direction, severity: s, text }) => {
      const step = direction === 'next' ? 1 : -1;
      for (let r = from + step, k = 0; r >= 0 && r < rows() && k < 1_000_000; r += step, k++) {
        const i = at(r);
        if (s ? severity(i) === s : message(i).includes(text)) return { row: r };
      }
      return { row: null };
    },
    gotoTime: ({ utc, wall, timeOfDay, row }) => {
      // Every row's day is BASE's (the model spans less than a day); the reference row must be one.
      if (utc === undefined && wall === undefined && !(row >= 0 && row < rows())) return { row: null };
      const t = utc ?? wall ?? Date.UTC(2024, 0, 15) + timeOfDay;
      const i = Math.max(0, Math.ceil((t - BASE) / 100));
      if (i >= ROWS) return { row: null };
      // Model row k is at BASE + k * 100 ms: how far after the time asked the row found is.
      if (!view) return { row: i, laterMs: BASE + i * 100 - t };
      let lo = 0, hi = view.length;
      while (lo < hi) { const m = (lo + hi) >> 1; if (view[m] < i) lo = m + 1; else hi = m; }
      return lo < view.length ? { row: lo, laterMs: BASE + view[lo] * 100 - t } : { row: null };
    },
    detail: ({ row }) => {
      const i = at(row);
      return {
        uri: 'file:///logs/CAS.log', line: i, message: `${message(i)}\nsecond line of the record`, cut: false,
        attributes: [{ name: 'component', value: COMPONENTS[i % 3] }, { name: 'thread', value: String(1000 + (i % 7)) }, { name: 'time', value: time(i) }],
        problems: HOSTILE && i === 0 ? [{ severity: 'error', message: EVIL_TEXT, markdown: EVIL_TEXT }] : i === EVIL ? [{ severity: 'error', message: 'Content download failed', markdown: `The log says \\<img src=x onerror=window.__pwned=2\\> **access denied**\n\n- check the account\n\n[Look up 0x80070005](command:cmlog.lookupErrorCode?${encodeURIComponent(JSON.stringify(['0x80070005']))} "CMLog: Look Up Error Code")` }] : [],
        sameMoment: [{ uri: 'file:///logs/MP.log', name: HOSTILE ? 'MP_\u202ELocation.log' : 'MP_Location.log', line: 12, deltaMs: 1234, message: HOSTILE ? EVIL_TEXT : 'Location request', row: null }],
      };
    },
    copy: ({ ranges, as }) => {
      const lines = [];
      for (const { start, end } of ranges) for (let r = start; r < end && lines.length < 10000; r++) {
        const i = at(r);
        lines.push(as === 'raw' ? `<![LOG[${message(i)}]LOG]!>` : [time(i), COMPONENTS[i % 3], String(1000 + (i % 7)), message(i)].join('\t'));
      }
      return { text: lines.join('\n'), cut: false };
    },
    // As the server's setFollow (table/tables.ts): a change held back while paused is said when following resumes, before the answer.
    follow: ({ follow }) => {
      if (!follow || !withheld) return undefined;
      const reset = withheld === 'reset';
      withheld = null;
      resumed = { kind: 'changed', change: { tableId: 't1', version, rows: ROWS, total: ROWS, reading: false, reset, ...timedEnd(), ...firstRows(reset, false) } };
      return undefined;
    },
    // As the server keeps it (table/pagePlace.ts): what a reset's rows are made for.
    place: (p) => { place = p; },
  };
  window.acquireVsCodeApi = () => {
    // What VS Code gives back to a page restored after a window reload (set by the test before the page loads).
    let state = window.__keptState;
    return {
      getState: () => state,
      setState: (s) => { state = s; window.__savedState = s; },
      postMessage: (m) => {
        window.__posted.push(m);
        if (m.kind === 'ready') {
          window.postMessage({ kind: 'init', table: { tableId: 't1', version, rows: rows(), total: ROWS, reading: READING, sources: SOURCES, notes: HOSTILE ? ['\u202Eevil.log: offset unknown'] : [], offers: OFFERS, ...timedEnd(), ...(HOSTILE ? { error: 'gone\u202E.log: no such file' } : {}) }, options: { utcColumn: new URLSearchParams(location.search).get('utc') === '1', follow: new URLSearchParams(location.search).get('follow') === '1' } }, '*');
        } else if (m.kind === 'request') {
          window.__requests.push({ method: m.method, params: m.params });
          const h = handlers[m.method];
          // Answered now (as asked), sent later: held while __holdRows is set, until __releaseRows.
          // A facets request fails while __failFacets is set (a server gone mid-request).
          const fails = m.method === 'facets' && window.__failFacets;
          const send = h && !fails ? ((result) => () => answer(m.id, result))(h(m.params)) : () => answer(m.id, undefined, fails ? 'facets failed' : `no ${m.method}`);
          // The server's answer to `follow` takes a round trip, frames long in VS Code (a change it says comes first).
          if (m.method === 'follow') {
            const change = resumed;
            resumed = null;
            requestAnimationFrame(() => requestAnimationFrame(() => { if (change) window.postMessage(change, '*'); send(); }));
          }
          else if (m.method === 'rows' && window.__holdRows) window.__heldRows.push({ params: m.params, send });
          else if (m.method === 'facets' && window.__holdFacets) window.__heldFacets.push({ params: m.params, send });
          else setTimeout(send, 1);
        } else if (m.kind === 'clipboard') window.__clipboard = m.text;
      },
    };
  };
  // As the server's change (tables.ts firstRows): the rows the page shows next, at the place it said
  // (a reset's always, an append's when Live).
  const firstRows = (reset, reading) => {
    const target = place ? changeTarget(place, reset, rows(), reading, timedEnd().timedEnd ?? null) : null;
    const around = target === null ? null : pageAround(target, place.page, place.highlights);
    return around ? { page: { ...around, token: place.token } } : {};
  };
  // A growing log (appended rows) or a truncated one (reset), as the host forwards `tableChanged`.
  window.__grow = (n, reset = false, reading = false) => {
    ROWS = reset ? n : ROWS + n;
    view = null;
    version++;
    window.postMessage({ kind: 'changed', change: { tableId: 't1', version, rows: ROWS, total: ROWS, reading, reset, ...timedEnd(), ...firstRows(reset, reading) } }, '*');
  };
  /** Rows appended, or (reset) a truncated log, while the page is paused: said when following resumes (`follow`). */
  window.__growPaused = (n, reset = false) => {
    ROWS = reset ? n : ROWS + n;
    view = null;
    version++;
    withheld = reset || withheld === 'reset' ? 'reset' : 'append';
  };
  window.__send = (m) => window.postMessage(m, '*');
  window.__threadsFromNow = () => { NO_THREAD_BELOW = ROWS; };
  /** The server restarted: its new table is unfiltered (the page is sent a second init). */
  window.__unfilter = () => { view = null; };
  /** Rows appended (and a read error, if given) with no `changed` reaching the page (lost while its tab was hidden). */
  let readError;
  window.__growUnsaid = (n, error) => {
    ROWS += n;
    version++;
    readError = error;
  };
  /** The panel shown again: the host posts the table as it is now, as a reset (session.shown); resolves once handled. */
  window.__shown = () => {
    window.postMessage({ kind: 'changed', change: { tableId: 't1', version, rows: rows(), total: ROWS, reading: false, reset: true, ...timedEnd(), ...(readError ? { error: readError } : {}) } }, '*');
    return handled('shown');
  };
})();
