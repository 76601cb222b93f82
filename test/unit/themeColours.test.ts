// Which colour the default themes give a log's tokens: warnings must not look like errors (Light+
// colours `markup.deleted` and `invalid` red), errors are red, and the markup, which no scope makes
// grey in Light+ (tag punctuation is maroon there), is dimmed by the contributed colour
// `cmlog.markupForeground` (client/src/markupDim.ts).
//
// THEMES holds the token colours of VS Code 1.99's theme-defaults (light_vs.json + light_plus.json,
// dark_vs.json + dark_plus.json, hc_black.json, hc_light.json) for every selector that matches a
// scope this extension emits. Where the end-to-end harness installed code-server, the table is
// checked against those files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { manifestSettings } from '../support/manifestSettings';

const ROOT = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const DARK: Record<string, string> = {
  'constant.language': '#569cd6', 'constant.numeric': '#b5cea8', invalid: '#f44747', 'markup.inserted': '#b5cea8', 'markup.deleted': '#ce9178',
  'punctuation.definition.tag': '#808080', string: '#ce9178', 'entity.name.function': '#DCDCAA', 'entity.name.type': '#4EC9B0', variable: '#9CDCFE',
};

const THEMES: Record<string, Record<string, string>> = {
  'Dark+': DARK,
  'Light+': {
    'constant.language': '#0000ff', 'constant.numeric': '#098658', invalid: '#cd3131', 'markup.inserted': '#098658', 'markup.deleted': '#a31515',
    'punctuation.definition.tag': '#800000', string: '#a31515', 'entity.name.function': '#795E26', 'entity.name.type': '#267f99', variable: '#001080',
  },
  // These scopes have the same colours in Dark High Contrast as in Dark+.
  'Dark High Contrast': DARK,
  'Light High Contrast': {
    'constant.language': '#0F4A85', 'constant.numeric': '#096d48', invalid: '#B5200D', 'markup.inserted': '#096d48', 'markup.deleted': '#5A5A5A',
    'punctuation.definition.tag': '#0F4A85', string: '#0F4A85', 'entity.name.function': '#5e2cbc', 'entity.name.type': '#185E73', variable: '#001080',
    'token.warn-token': '#CD9731', 'token.error-token': '#CD3131',
  },
};

/** The rule for one scope: the longest selector that is the scope or a dot-prefix of it. */
function ruleFor(theme: Record<string, string>, scope: string): string | null {
  let best: string | null = null;
  for (const sel of Object.keys(theme)) if ((scope === sel || scope.startsWith(sel + '.')) && (!best || sel.length > best.length)) best = sel;
  return best && theme[best];
}
/** A TextMate token's colour: its deepest scope that has a rule (a scope without one inherits). */
const tokenColour = (theme: Record<string, string>, scopes: string[]) => {
  for (let k = scopes.length - 1; k >= 0; k--) { const c = ruleFor(theme, scopes[k]); if (c) return c; }
  return null;
};
/** A semantic token's colour: the first of its semanticTokenScopes that has a rule (VS Code's resolveScopes). */
const semanticColour = (theme: Record<string, string>, type: string) => {
  const scopes: string[] = manifest.contributes.semanticTokenScopes[0].scopes[type];
  for (const s of scopes) { const c = tokenColour(theme, s.split(' ')); if (c) return c; }
  return null;
};
const rgb = (hex: string) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
/** Red as errors are red: red well above green and blue. */
const isRed = (hex: string | null) => { if (!hex) return false; const [r, g, b] = rgb(hex); return r > 120 && r > 1.8 * g && r > 1.8 * b; };
const isGrey = (hex: string) => { const [r, g, b] = rgb(hex); return Math.max(r, g, b) - Math.min(r, g, b) <= 8; };

async function tokenize(text: string): Promise<{ c: string; scopes: string[] }[]> {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).catch(() => undefined); // loaded once
  const grammarPath = path.join(ROOT, 'syntaxes', 'cmlog.tmLanguage.json');
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  const grammar = (await registry.loadGrammar('source.cmlog'))!;
  const r = grammar.tokenizeLine(text, vsctm.INITIAL);
  return r.tokens.map((t) => ({ c: text.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

const WARN_RECORD = '<![LOG[Warning: disk space low]LOG]!><time="10:23:54.123+420" date="09-14-2014" component="C" context="" type="2" thread="1" file="">';

test('records: errors red, warnings never red, in Dark+, Light+ and both High Contrast themes', () => {
  for (const [name, theme] of Object.entries(THEMES)) {
    assert.ok(isRed(semanticColour(theme, 'cmlogError')), `${name}: error records ${semanticColour(theme, 'cmlogError')}`);
    const warn = semanticColour(theme, 'cmlogWarning');
    assert.ok(warn && !isRed(warn), `${name}: warning records ${warn}`);
    assert.ok(!isRed(semanticColour(theme, 'cmlogSuccess')), name);
  }
});

test('grammar: type="2" and warning words are not red in any default theme', async () => {
  const tokens = await tokenize(WARN_RECORD);
  for (const c of ['type="2"', 'Warning']) {
    const tk = tokens.find((t) => t.c === c)!;
    for (const [name, theme] of Object.entries(THEMES)) {
      const colour = tokenColour(theme, tk.scopes);
      assert.ok(colour && !isRed(colour), `${name}: ${c} (${tk.scopes.join(' ')}) is ${colour}`);
    }
  }
});

test('Light+: the colour each part of a warning record gets', async () => {
  const tokens = await tokenize(WARN_RECORD);
  const light = (c: string) => tokenColour(THEMES['Light+'], tokens.find((t) => t.c === c)!.scopes);
  assert.deepEqual({
    '<![LOG[ (grammar; dimmed over it by cmlog.markupForeground)': light('<![LOG['),
    'Warning (word)': light('Warning'),
    'type="2"': light('type="2"'),
    '10:23:54.123+420': light('10:23:54.123+420'),
    'C (component)': light('C'),
    'warning record (semantic)': semanticColour(THEMES['Light+'], 'cmlogWarning'),
    'error record (semantic)': semanticColour(THEMES['Light+'], 'cmlogError'),
  }, {
    '<![LOG[ (grammar; dimmed over it by cmlog.markupForeground)': '#800000',
    'Warning (word)': '#795E26',
    'type="2"': '#795E26',
    '10:23:54.123+420': '#098658',
    'C (component)': '#267f99',
    'warning record (semantic)': '#795E26',
    'error record (semantic)': '#cd3131',
  });
});

test('the markup colour is contributed, grey in every theme kind', () => {
  const colour = manifest.contributes.colors.find((c: { id: string }) => c.id === 'cmlog.markupForeground');
  assert.ok(colour, 'cmlog.markupForeground is contributed');
  for (const kind of ['dark', 'light', 'highContrast', 'highContrastLight']) assert.ok(isGrey(colour.defaults[kind]), `${kind}: ${colour.defaults[kind]}`);
  assert.equal(manifestSettings(manifest)['cmlog.dimMarkup'].default, true);
});

const THEME_DIR = path.join(ROOT, '.cache', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'theme-defaults', 'themes');
// Skipped in the unit run before the harness has installed code-server; `npm run test:e2e` runs it
// again after, where the files must be there.
const THEMES_REQUIRED = process.env.CMLOG_EDITOR_FILES_REQUIRED === '1';
test('the table above is what VS Code\'s theme files say (where the e2e harness installed them)', { skip: !THEMES_REQUIRED && !fs.existsSync(THEME_DIR) && 'no code-server in .cache' }, () => {
  const load = (file: string): { scope?: string | string[]; settings?: { foreground?: string } }[] => {
    const t = JSON.parse(fs.readFileSync(path.join(THEME_DIR, file), 'utf8'));
    return [...(t.include ? load(path.basename(t.include)) : []), ...(t.tokenColors ?? [])];
  };
  const files: Record<string, string> = { 'Dark+': 'dark_plus.json', 'Light+': 'light_plus.json', 'Dark High Contrast': 'hc_black.json', 'Light High Contrast': 'hc_light.json' };
  for (const [name, file] of Object.entries(files)) {
    const actual: Record<string, string> = {};
    for (const r of load(file)) {
      if (!r.settings?.foreground) continue;
      for (const sel of Array.isArray(r.scope) ? r.scope : String(r.scope ?? '').split(',').map((x) => x.trim())) if (sel in THEMES[name]) actual[sel] = r.settings.foreground;
    }
    assert.deepEqual(actual, THEMES[name], name);
  }
});
