// The TextMate grammar (syntaxes/cmlog.tmLanguage.json): snapshot tests in the style of VS Code's
// extensions/*/test/colorize-fixtures -> colorize-results, a few direct assertions, and a check that
// no regex of the grammar goes quadratic on hostile 100 KB lines.
//
// Snapshots: test/fixtures/grammar/<name>.log -> test/fixtures/grammar/results/<name>_log.json.
// A missing or different snapshot fails; `UPDATE_SNAPSHOTS=1` rewrites them (review the diff).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const ROOT = typeof __dirname === 'string' ? path.resolve(__dirname, '..', '..') : process.cwd();
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'cmlog.tmLanguage.json');
const WASM_PATH = path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'grammar');
const RESULTS = path.join(FIXTURES, 'results');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const SCOPE = 'source.cmlog';

interface Token {
  c: string;
  t: string;
}

let onigReady: Promise<void> | undefined;
function loadOnig(): Promise<void> {
  if (!onigReady) {
    const bytes = fs.readFileSync(WASM_PATH);
    onigReady = oniguruma.loadWASM(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }
  return onigReady;
}

let grammarReady: Promise<vsctm.IGrammar> | undefined;
function loadGrammar(): Promise<vsctm.IGrammar> {
  if (!grammarReady) {
    const registry = new vsctm.Registry({
      onigLib: loadOnig().then(() => ({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      })),
      loadGrammar: async (scopeName: string) =>
        scopeName === SCOPE ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    grammarReady = registry.loadGrammar(SCOPE).then((g) => {
      if (!g) throw new Error(`grammar ${SCOPE} did not load`);
      return g;
    });
  }
  return grammarReady;
}

/** Lines as VS Code splits them (CRLF, LF or CR). */
function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Tokenize line by line, carrying the rule stack; one token array per line (empty tokens dropped). */
function tokenizeLines(grammar: vsctm.IGrammar, lines: string[], state: vsctm.StateStack = vsctm.INITIAL): Token[][] {
  const out: Token[][] = [];
  let stack = state;
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, stack);
    assert.equal(r.stoppedEarly, false);
    out.push(
      r.tokens
        .map((tk) => ({ c: line.substring(tk.startIndex, tk.endIndex), t: tk.scopes.join(' ') }))
        .filter((tk) => tk.c !== ''),
    );
    stack = r.ruleStack;
  }
  return out;
}

async function tokenize(text: string): Promise<Token[][]> {
  return tokenizeLines(await loadGrammar(), splitLines(text));
}

/** Scopes of the n-th token (0-based) whose text is exactly `c`, anywhere in the lines. */
function scopesOf(lines: Token[][], c: string, nth = 0): string[] {
  const hits = lines.flat().filter((tk) => tk.c === c);
  assert.ok(hits.length > nth, `no token ${JSON.stringify(c)} (#${nth}) in ${JSON.stringify(lines)}`);
  return hits[nth].t.split(' ');
}

const hasScope = (scopes: string[], prefix: string) => scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));
const isErrorish = (scopes: string[]) => hasScope(scopes, 'token.error-token');

// The line formats' own fixtures, snapshotted where the parser's tests read them (no copies):
// test/fixtures/formats/*.log as formats-<file>, and the corpus samples of each format.
const FORMAT_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'formats');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
const CORPUS_SAMPLES = ['cbs/clean/CBS.log', 'dism/clean/dism.log', 'psadt/clean/Deploy-Application.log', 'intune_device_inventory/clean/InventoryAdaptor.log_', 'intune-portal-windows-logs-v12-0-0-encoding-utf8-bom/Log_1.log'];

/** Snapshot name -> fixture file. */
function fixtureFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.log')).sort()) out.set(f, path.join(FIXTURES, f));
  for (const f of fs.readdirSync(FORMAT_FIXTURES).filter((f) => f.endsWith('.log')).sort()) out.set(`formats-${f}`, path.join(FORMAT_FIXTURES, f));
  for (const f of CORPUS_SAMPLES) out.set(`corpus-${f.split('/')[0]}-${path.basename(f)}`, path.join(CORPUS, f));
  return out;
}
const fixtureNames = (): string[] => [...fixtureFiles().keys()];
const resultName = (fixture: string) => fixture.replace(/\./g, '_') + '.json';

// ---------------------------------------------------------------------------------------------
// Snapshots

for (const [fixture, file] of fixtureFiles()) {
  test(`snapshot: ${fixture}`, async () => {
    const tokens = (await tokenize(editorText(fs.readFileSync(file)))).flat();
    const resultPath = path.join(RESULTS, resultName(fixture));
    if (UPDATE) {
      fs.mkdirSync(RESULTS, { recursive: true });
      fs.writeFileSync(resultPath, JSON.stringify(tokens, null, '\t') + '\n');
      return;
    }
    assert.ok(
      fs.existsSync(resultPath),
      `missing snapshot ${path.relative(ROOT, resultPath)}: run with UPDATE_SNAPSHOTS=1 and review it`,
    );
    const expected = JSON.parse(fs.readFileSync(resultPath, 'utf8')) as Token[];
    assert.deepStrictEqual(tokens, expected);
  });
}

test('every snapshot belongs to a fixture', () => {
  const wanted = new Set(fixtureNames().map(resultName));
  const stale = fs.existsSync(RESULTS) ? fs.readdirSync(RESULTS).filter((f) => !wanted.has(f)) : [];
  assert.deepStrictEqual(stale, [], 'snapshots without a fixture: delete them');
});

// ---------------------------------------------------------------------------------------------
// Direct assertions

const record = (msg: string, type = '1', component = 'CloudUserSync') =>
  `<![LOG[${msg}]LOG]!><time="10:23:54.123+420" date="09-14-2014" component="${component}" context="" type="${type}" thread="4321" file="usersync.cpp:120">`;

test('CMTrace attribute values get their own scopes, names and punctuation are dimmed', async () => {
  const lines = await tokenize(record('Failed to add user scott@contoso.com; reason UserNotFound'));
  assert.ok(hasScope(scopesOf(lines, 'CloudUserSync'), 'entity.name.type.component.cmlog'));
  assert.ok(hasScope(scopesOf(lines, '10:23:54.123+420'), 'constant.numeric.time.cmlog'));
  assert.ok(hasScope(scopesOf(lines, '09-14-2014'), 'constant.numeric.date.cmlog'));
  assert.ok(hasScope(scopesOf(lines, '4321'), 'variable.other.thread.cmlog'));
  assert.ok(hasScope(scopesOf(lines, 'usersync.cpp'), 'string.unquoted.file.cmlog'));
  assert.ok(hasScope(scopesOf(lines, '120'), 'constant.numeric.line.cmlog'));
  assert.ok(hasScope(scopesOf(lines, '<![LOG['), 'punctuation.definition.tag'));
  assert.ok(hasScope(scopesOf(lines, ']LOG]!>'), 'punctuation.definition.tag'));
  assert.ok(hasScope(scopesOf(lines, 'component'), 'punctuation.definition.tag'));
  assert.ok(hasScope(scopesOf(lines, '"'), 'punctuation.definition.tag'));
  assert.ok(hasScope(scopesOf(lines, 'Failed'), 'meta.message.cmlog'));
  assert.ok(isErrorish(scopesOf(lines, 'Failed')));
  assert.ok(hasScope(scopesOf(lines, 'scott@contoso.com'), 'variable.other.upn.cmlog'));
});

test('type="3" / type="2" / type="0" attributes carry error / warning / success scopes', async () => {
  assert.ok(isErrorish(scopesOf(await tokenize(record('x', '3')), 'type="3"')));
  assert.ok(hasScope(scopesOf(await tokenize(record('x', '2')), 'type="2"'), 'token.warn-token'));
  assert.ok(hasScope(scopesOf(await tokenize(record('x', '0')), 'type="0"'), 'markup.inserted'));
  const info = await tokenize(record('x', '1'));
  assert.ok(hasScope(scopesOf(info, '1'), 'constant.numeric.type.cmlog'));
  assert.ok(!info.flat().some((tk) => isErrorish(tk.t.split(' '))));
});

test('"failover", "failure" and words containing error are not error-ish; the whole words are', async () => {
  const lines = await tokenize(record('failover Failover ErrorCode nonfatal FAILURE error Failed fatal critical exception'));
  for (const w of ['failover', 'Failover', 'ErrorCode', 'nonfatal', 'FAILURE']) {
    for (const tk of lines.flat().filter((t) => t.c.includes(w))) assert.ok(!isErrorish(tk.t.split(' ')), `${w}: ${tk.t}`);
  }
  for (const w of ['error', 'Failed', 'fatal', 'critical', 'exception']) assert.ok(isErrorish(scopesOf(lines, w)), w);
  const warn = await tokenize(record('Warning: disk low, warn again'));
  assert.ok(hasScope(scopesOf(warn, 'Warning'), 'token.warn-token'));
  assert.ok(hasScope(scopesOf(warn, 'warn'), 'token.warn-token'));
});

test('a multi-line message stays in the message scope until ]LOG]!>', async () => {
  const lines = await tokenize(
    '<![LOG[first line\nsecond line with 0x80070005\n\nfourth]LOG]!><time="11:16:42.3322734" date="3-12-2026" component="HealthScripts" context="" type="3" thread="50" file="">\nafter',
  );
  for (const c of ['second line with ', 'fourth']) {
    const s = scopesOf(lines, c);
    assert.ok(hasScope(s, 'meta.message.cmlog') && hasScope(s, 'meta.record.cmtrace.cmlog'), `${c}: ${s.join(' ')}`);
  }
  assert.ok(hasScope(scopesOf(lines, '0x80070005'), 'constant.numeric.error-code'));
  assert.ok(hasScope(scopesOf(lines, 'HealthScripts'), 'entity.name.type.component.cmlog'));
  assert.deepStrictEqual(scopesOf(lines, 'after'), [SCOPE]);
});

test('a record cut short ends where the next line starts a record', async () => {
  const lines = await tokenize(`<![LOG[cut short\n${record('next')}`);
  assert.deepStrictEqual(scopesOf(lines, '<![LOG[', 1), [SCOPE, 'meta.record.cmtrace.cmlog', 'punctuation.definition.tag.begin.cmlog']);
  assert.ok(hasScope(scopesOf(lines, 'CloudUserSync'), 'entity.name.type.component.cmlog'));
});

test('URLs and quoted strings never swallow the record end or the legacy tail', async () => {
  const a = await tokenize(record('Making Graph request https://graph.microsoft.com/v1.0/groups?$top=1'));
  assert.ok(hasScope(scopesOf(a, 'https://graph.microsoft.com/v1.0/groups?$top=1'), 'markup.underline.link.cmlog'));
  assert.ok(hasScope(scopesOf(a, ']LOG]!>'), 'punctuation.definition.tag.end.cmlog'));
  const b = await tokenize(record('unbalanced "quote'));
  assert.ok(hasScope(scopesOf(b, ']LOG]!>'), 'punctuation.definition.tag.end.cmlog'));
  const c = await tokenize('see http://mp01/x$$<SMS_MP><01-01-2024 10:00:00.000+000><thread=1 (0x1)>');
  assert.ok(hasScope(scopesOf(c, 'SMS_MP'), 'entity.name.type.component.cmlog'));
});

test('legacy SMS tail: component, date, time and thread are scoped; spaces before $$ optional; thread part optional', async () => {
  for (const sep of ['  ', ' ', '']) {
    const lines = await tokenize(
      `Failed to add user scott@contoso.com; reason UserNotFound${sep}$$<SMS_CLOUD_USERSYNC><09-14-2014 10:23:54.123+420><thread=4321 (0x10E1)>`,
    );
    assert.ok(hasScope(scopesOf(lines, 'SMS_CLOUD_USERSYNC'), 'entity.name.type.component.cmlog'));
    assert.ok(hasScope(scopesOf(lines, '09-14-2014'), 'constant.numeric.date.cmlog'));
    assert.ok(hasScope(scopesOf(lines, '10:23:54.123+420'), 'constant.numeric.time.cmlog'));
    assert.ok(hasScope(scopesOf(lines, '4321'), 'variable.other.thread.cmlog'));
    assert.ok(hasScope(scopesOf(lines, '0x10E1'), 'variable.other.thread'));
    assert.ok(hasScope(scopesOf(lines, '$$<'), 'punctuation.definition.tag'));
    assert.ok(hasScope(scopesOf(lines, 'Failed'), 'meta.message.cmlog') && isErrorish(scopesOf(lines, 'Failed')));
    assert.ok(hasScope(scopesOf(lines, 'scott@contoso.com'), 'variable.other.upn.cmlog'));
  }
  const noThread = await tokenize('Tail without a thread part $$<SMS_AZUREAD_DISCOVERY_AGENT><3-5-2026 08:00:00.000-60>');
  assert.ok(hasScope(scopesOf(noThread, '08:00:00.000-60'), 'constant.numeric.time.cmlog'));
  assert.ok(hasScope(scopesOf(noThread, '>'), 'punctuation.definition.tag.end.cmlog'));
});

test('GUIDs, error codes, numbers and strings inside messages', async () => {
  const lines = await tokenize(
    record(
      "id {9F1C2A33-4B5D-4E6F-8A9B-0C1D2E3F4A5B} and 72f988bf-86f1-41af-91ab-2d7cd011db47; error -2147024891, hr=-2147024891, offset -5, 0x80070005 0x87D00324 0x10E1 42 'S-1-5-18'",
    ),
  );
  assert.ok(hasScope(scopesOf(lines, '{9F1C2A33-4B5D-4E6F-8A9B-0C1D2E3F4A5B}'), 'constant.language.guid.cmlog'));
  assert.ok(hasScope(scopesOf(lines, '72f988bf-86f1-41af-91ab-2d7cd011db47'), 'constant.language.guid.cmlog'));
  assert.ok(hasScope(scopesOf(lines, '-2147024891', 0), 'constant.numeric.error-code.decimal.cmlog'));
  assert.ok(hasScope(scopesOf(lines, '-2147024891', 1), 'constant.numeric.error-code.decimal.cmlog'));
  assert.ok(!lines.flat().some((tk) => tk.c.includes('-5') && hasScope(tk.t.split(' '), 'constant.numeric.error-code')));
  assert.ok(hasScope(scopesOf(lines, '0x80070005'), 'constant.numeric.error-code.hex.cmlog'));
  assert.ok(hasScope(scopesOf(lines, '0x87D00324'), 'constant.numeric.error-code.hex.cmlog'));
  assert.ok(hasScope(scopesOf(lines, '0x10E1'), 'constant.numeric.hex.cmlog'));
  assert.ok(hasScope(scopesOf(lines, '42'), 'constant.numeric.cmlog'));
  assert.ok(hasScope(scopesOf(lines, 'S-1-5-18'), 'string.quoted.single.cmlog'));
});

test('the line formats: time, component, thread and level scoped; level words coloured as CMTrace\'s type attribute', async () => {
  const notRed = (scopes: string[]) => !scopes.some((x) => /^(token\.error-token|invalid|markup\.deleted)/.test(x));
  const warning = (scopes: string[]) => hasScope(scopes, 'entity.name.function') && hasScope(scopes, 'token.warn-token') && notRed(scopes);
  const cases: { line: string; time: string; component?: string; thread?: string; level: string; sev: 'error' | 'warning' | 'success' | 'other' }[] = [
    { line: '2024-01-15 08:00:05, Warning               DISM   DISM Package Manager: Retry required', time: '08:00:05', component: 'DISM', level: 'Warning', sev: 'warning' },
    { line: '2024-01-15 08:00:05, Error                 CSI    [SR] Cannot repair file', time: '08:00:05', component: 'CSI', level: 'Error', sev: 'error' },
    { line: '2019-06-20 10:22:15, Info                  MOUPG  SetupHost::Initialize', time: '10:22:15', component: 'MOUPG', level: 'Info', sev: 'other' },
    { line: '[2026-07-29 09:00:00.100] [Initialization] [Open-ADTSession] [Warning] :: Reboot pending', time: '09:00:00.100', component: 'Open-ADTSession', level: 'Warning', sev: 'warning' },
    { line: '[2026-07-29 09:00:01.200] [Install] [Start-ADTMsiProcess] [Success] :: Installation complete', time: '09:00:01.200', component: 'Start-ADTMsiProcess', level: 'Success', sev: 'success' },
    { line: '2026-05-04T15:00:00.1000000Z  ERROR     Event       None        0    x', time: '15:00:00.1000000Z', level: 'ERROR', sev: 'error' },
    { line: '2025-08-11 16:27:58:001 | IntuneMDM-Daemon | W | 89007856 | AppPolicy | Policy retry scheduled', time: '16:27:58:001', component: 'AppPolicy', thread: '89007856', level: 'W', sev: 'warning' },
    { line: '2025-08-11 16:27:59:999 | IntuneMDM-Daemon | E | 89007999 | Install | Install failed: code 2', time: '16:27:59:999', component: 'Install', thread: '89007999', level: 'E', sev: 'error' },
  ];
  for (const c of cases) {
    const lines = await tokenize(c.line);
    assert.ok(hasScope(scopesOf(lines, c.time), 'constant.numeric.time.cmlog'), c.line);
    if (c.component) assert.ok(hasScope(scopesOf(lines, c.component), 'entity.name.type.component.cmlog'), c.line);
    if (c.thread) assert.ok(hasScope(scopesOf(lines, c.thread), 'variable.other.thread.cmlog'), c.line);
    const level = scopesOf(lines, c.level);
    if (c.sev === 'error') assert.ok(isErrorish(level), `${c.line}: ${level.join(' ')}`);
    else if (c.sev === 'warning') assert.ok(warning(level), `${c.line}: ${level.join(' ')}`);
    else if (c.sev === 'success') assert.ok(hasScope(level, 'markup.inserted'), c.line);
    else assert.ok(hasScope(level, 'constant.language.level.cmlog') && notRed(level), c.line);
  }
  const wu = await tokenize('2021/07/13 10:22:59.1234567 3696  8172  ComApi          * END * Search failed 0x80240438');
  assert.ok(hasScope(scopesOf(wu, '10:22:59.1234567'), 'constant.numeric.time.cmlog'));
  assert.ok(hasScope(scopesOf(wu, '8172'), 'variable.other.thread.cmlog'));
  assert.ok(hasScope(scopesOf(wu, 'ComApi'), 'entity.name.type.component.cmlog'));
  assert.ok(isErrorish(scopesOf(wu, 'failed')) && hasScope(scopesOf(wu, 'failed'), 'meta.message.cmlog'));
  const setup = await tokenize('<Fri Dec  9 11:25:01 2022> ERROR: Failed to connect to SQL Server');
  assert.ok(hasScope(scopesOf(setup, '11:25:01'), 'constant.numeric.time.cmlog'));
  assert.ok(hasScope(scopesOf(setup, 'Fri Dec  9'), 'constant.numeric.date.cmlog'));
  assert.ok(isErrorish(scopesOf(setup, 'ERROR')));
  const inventory = await tokenize('[Thu Jul 30 13:05:03 2026][8604] - Completed action with HRESULT 0x0');
  assert.ok(hasScope(scopesOf(inventory, '13:05:03'), 'constant.numeric.time.cmlog'));
  assert.ok(hasScope(scopesOf(inventory, '8604'), 'variable.other.thread.cmlog'));
  // "Errors" in a message of an Info line is a word, not the level: the level is only the column.
  const info = await tokenize('2024-01-15 08:00:00, Info                  CBS    Checking for Errors');
  assert.ok(hasScope(scopesOf(info, 'Info'), 'constant.language.level.cmlog'));
  assert.ok(!hasScope(scopesOf(info, 'Errors'), 'token.error-token.level'));
});

test('every scope name ends in .cmlog', () => {
  const bad: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'name' || k === 'contentName') && typeof v === 'string') {
        for (const s of v.split(/\s+/)) if (!s.endsWith('.cmlog')) bad.push(s);
      } else walk(v);
    }
  };
  const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string; repository: unknown; patterns: unknown };
  assert.equal(raw.scopeName, SCOPE);
  walk(raw.patterns);
  walk(raw.repository);
  assert.deepStrictEqual(bad, []);
});

// ---------------------------------------------------------------------------------------------
// Linear time: every regex alone, then the whole grammar, on hostile 100 KB lines. A regex that
// backtracks quadratically does not fail here, it hangs the test run: there is no clock check.

function grammarRegexes(): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof v === 'string') out.push(v);
      else walk(v);
    }
  };
  walk(JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')));
  return out;
}

const SIZE = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const HOSTILE: Record<string, string> = {
  'record start': fill('<![LOG['),
  'record end': fill(']LOG]!>'),
  'end then <': fill(']LOG]!><'),
  'double quotes': fill('"'),
  'quote a': fill('"a'),
  'single quotes': fill("'"),
  'quote then word': fill("'a'b"),
  'a@': fill('a@'),
  'a.': fill('a.'),
  'a-': fill('a-'),
  'word run': fill('a'),
  'capital run': fill('A'),
  'Exception run': fill('aException'),
  digits: fill('1234567890'),
  'digits and dots': fill('1.'),
  'hex run': fill('f'),
  'guid-ish': fill('aaaaaaaa-aaaa-'),
  '0x': fill('0x8'),
  'error -': fill('error -'),
  'hr=-': fill('hr=-1'),
  'url start': fill('http://'),
  'url with ]': fill('http://a]LOG'),
  'legacy tail start': fill('$$<'),
  'legacy tail parts': fill('$$<a><'),
  'attribute start': fill('time="'),
  'file attribute': fill('file="a:1'),
  'attribute names': fill('a-a='),
  spaces: fill(' '),
  'pipe fields': '2025-08-11 16:27:57:288 ' + fill(' | a'),
  'pipe then spaces': '2025-08-11 16:27:57:288 | ' + fill(' '),
  'brackets': '[2026-07-29 09:00:00.100] ' + fill('[a] '),
  'cbs head then blanks': '2024-01-15 08:00:00, Info' + fill(' \t'),
  'whole records': fill(record('Failed error 0x80070005 scott@contoso.com {9F1C2A33-4B5D-4E6F-8A9B-0C1D2E3F4A5B} "q"')),
};

test('every regex of the grammar compiles and scans hostile 100 KB lines', async () => {
  await loadOnig();
  const regexes = grammarRegexes();
  assert.ok(regexes.length > 20);
  for (const re of regexes) {
    const scanner = new oniguruma.OnigScanner([re]);
    for (const [label, line] of Object.entries(HOSTILE)) {
      const str = new oniguruma.OnigString(line);
      let pos = 0;
      let matches = 0;
      for (;;) {
        const m = scanner.findNextMatchSync(str, pos);
        if (!m) break;
        matches++;
        const { start, end } = m.captureIndices[0];
        pos = end > start ? end : start + 1;
        if (pos > line.length) break;
      }
      str.dispose();
      assert.ok(matches >= 0 && matches <= line.length + 1, `${re} on ${label}`);
    }
    scanner.dispose();
  }
});

test('the grammar tokenizes hostile 100 KB lines in every state', async () => {
  const grammar = await loadGrammar();
  for (const [label, line] of Object.entries(HOSTILE)) {
    const variants: [string, string[]][] = [
      ['top level', [line]],
      ['inside a message', ['<![LOG[a message that goes on', line]],
      ['inside attributes', [`<![LOG[m]LOG]!><${line}`]],
      ['inside a legacy message', [`${line}$$<SMS_EXECUTIVE><03-15-2026 08:00:00.000+000><thread=100 (0x64)>`]],
    ];
    for (const [state, lines] of variants) {
      let stack = vsctm.INITIAL;
      let tokens: vsctm.IToken[] = [];
      for (const l of lines) {
        const r = grammar.tokenizeLine(l, stack);
        assert.equal(r.stoppedEarly, false);
        tokens = r.tokens;
        stack = r.ruleStack;
      }
      const where = `${label} (${state})`;
      assert.ok(tokens.length > 0, `${where}: no tokens`);
      assert.equal(tokens[0].startIndex, 0, where);
      assert.ok(tokens[tokens.length - 1].endIndex >= lines[lines.length - 1].length, `${where}: tokens stop early`);
      for (let i = 1; i < tokens.length; i++) assert.equal(tokens[i].startIndex, tokens[i - 1].endIndex, `${where}: gap`);
    }
  }
});

/** The text VS Code shows for a file's bytes: a UTF-16 BOM decodes as UTF-16 (MSI logs), else UTF-8; the BOM is not text. */
function editorText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
