// `cmlog check --format sarif`: SARIF 2.1.0 that CI systems and viewers accept. The OASIS schema is
// not vendored (no JSON-schema validator among the dependencies); instead the document is walked
// here against the schema's required properties, enums and property names (additionalProperties is
// false in the schema, so an unknown name is an invalid log), and compared with `--format json`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, type CheckOptions } from '../../server/src/cli/check';
import { rules } from '../../server/src/rules';
import { version } from '../../package.json';

const ROOT = path.resolve(__dirname, '../..');

async function run(paths: string[], format: CheckOptions['format']) {
  const out: string[] = [], err: string[] = [];
  const cwd = process.cwd();
  process.chdir(ROOT); // paths are shown relative to the current folder, as the CLI does
  try {
    const code = await check(paths, { format, parse: {}, rules: {} }, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out, err, doc: JSON.parse(out.join('\n')) };
  } finally {
    process.chdir(cwd);
  }
}

// Property names the SARIF 2.1.0 schema allows on the objects cmlog writes, and those it requires.
const SHAPES: Record<string, { allowed: string[]; required: string[] }> = {
  log: { allowed: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'], required: ['version', 'runs'] },
  run: { allowed: ['tool', 'invocations', 'originalUriBaseIds', 'artifacts', 'results', 'properties', 'columnKind', 'automationDetails'], required: ['tool'] },
  tool: { allowed: ['driver', 'extensions', 'properties'], required: ['driver'] },
  driver: { allowed: ['name', 'version', 'semanticVersion', 'informationUri', 'rules', 'fullName', 'organization', 'properties'], required: ['name'] },
  rule: { allowed: ['id', 'name', 'shortDescription', 'fullDescription', 'help', 'helpUri', 'defaultConfiguration', 'properties'], required: ['id'] },
  mfms: { allowed: ['text', 'markdown', 'properties'], required: ['text'] },
  config: { allowed: ['enabled', 'level', 'rank', 'parameters', 'properties'], required: [] },
  result: { allowed: ['ruleId', 'ruleIndex', 'level', 'message', 'locations', 'relatedLocations', 'kind', 'properties'], required: ['message'] },
  message: { allowed: ['text', 'markdown', 'id', 'arguments', 'properties'], required: [] },
  location: { allowed: ['id', 'physicalLocation', 'message', 'properties'], required: [] },
  physical: { allowed: ['artifactLocation', 'region', 'properties'], required: [] },
  artifact: { allowed: ['uri', 'uriBaseId', 'index', 'description', 'properties'], required: [] },
  region: { allowed: ['startLine', 'endLine', 'startColumn', 'endColumn', 'properties'], required: [] },
  invocation: { allowed: ['executionSuccessful', 'toolExecutionNotifications', 'exitCode', 'properties'], required: ['executionSuccessful'] },
  notification: { allowed: ['message', 'level', 'properties'], required: ['message'] },
};
const LEVELS = ['none', 'note', 'warning', 'error'];

function shape(kind: keyof typeof SHAPES, o: Record<string, unknown>, where: string): void {
  assert.equal(typeof o, 'object', where);
  for (const k of Object.keys(o)) assert.ok(SHAPES[kind].allowed.includes(k), `${where}: '${k}' is not a ${kind} property`);
  for (const k of SHAPES[kind].required) assert.ok(k in o, `${where}: ${kind} needs '${k}'`);
  if (kind === 'message') assert.ok(typeof o.text === 'string' || typeof o.id === 'string', `${where}: a message needs text or id`);
  if ('level' in o) assert.ok(LEVELS.includes(o.level as string), `${where}: level ${o.level}`);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF read back as untyped JSON: these checks are what type it */
function location(l: any, where: string): void {
  shape('location', l, where);
  shape('physical', l.physicalLocation, where);
  shape('artifact', l.physicalLocation.artifactLocation, where);
  assert.doesNotThrow(() => new URL(l.physicalLocation.artifactLocation.uri, 'file:///base/'), where);
  shape('region', l.physicalLocation.region, where);
  const { startLine, endLine } = l.physicalLocation.region;
  assert.ok(Number.isInteger(startLine) && startLine >= 1 && endLine >= startLine, `${where}: lines ${startLine}-${endLine}`);
}

function validate(doc: any): void {
  shape('log', doc, 'log');
  assert.equal(doc.version, '2.1.0');
  assert.equal(doc.runs.length, 1);
  const run = doc.runs[0];
  shape('run', run, 'run');
  shape('tool', run.tool, 'tool');
  shape('driver', run.tool.driver, 'driver');
  for (const [i, r] of run.tool.driver.rules.entries()) {
    shape('rule', r, `rule ${i}`);
    for (const k of ['shortDescription', 'fullDescription', 'help']) shape('mfms', r[k], `rule ${r.id} ${k}`);
    shape('config', r.defaultConfiguration, `rule ${r.id}`);
  }
  for (const base of Object.values(run.originalUriBaseIds) as any[]) assert.match(base.uri, /^file:\/\/.*\/$/, 'a base URI is absolute and ends with /');
  for (const [i, r] of run.results.entries()) {
    shape('result', r, `result ${i}`);
    shape('message', r.message, `result ${i}`);
    if ('ruleIndex' in r) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId, `result ${i}: ruleIndex`);
    for (const l of r.locations) location(l, `result ${i}`);
    for (const l of r.relatedLocations ?? []) location(l, `result ${i} related`);
  }
  for (const inv of run.invocations) {
    shape('invocation', inv, 'invocation');
    for (const n of inv.toolExecutionNotifications) { shape('notification', n, 'notification'); shape('message', n.message, 'notification'); }
  }
}

const LEVEL_OF: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

test('check --format sarif on samples: valid SARIF 2.1.0, the catalog as rules, the same findings as --format json', async () => {
  const sarif = await run(['samples'], 'sarif');
  const json = await run(['samples'], 'json');
  assert.equal(sarif.code, json.code);
  validate(sarif.doc);
  const run0 = sarif.doc.runs[0];
  assert.equal(run0.tool.driver.name, 'cmlog');
  assert.equal(run0.tool.driver.version, version);
  assert.deepEqual(run0.tool.driver.rules.map((r: any) => r.id), rules.map((r) => r.id));
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const r of run0.tool.driver.rules) {
    const rule = byId.get(r.id)!;
    assert.equal(r.shortDescription.text, rule.title);
    // Markdown in `markdown`; `text` is plain: the explanations' code spans and bold marks are gone.
    assert.equal(r.fullDescription.markdown, rule.explanation);
    assert.ok(r.help.markdown.includes(rule.explanation));
    for (const plain of [r.fullDescription.text, r.help.text]) {
      assert.doesNotMatch(plain, /`|\*\*/, `rule ${r.id}: Markdown in a plain text`);
      assert.equal(plain.replace(/"/g, '').slice(0, 40), rule.explanation.replace(/`|"|\*\*/g, '').slice(0, 40));
    }
    assert.ok(r.help.text.startsWith(r.fullDescription.text));
    assert.equal(r.defaultConfiguration.level, LEVEL_OF[rule.defaultSeverity]);
  }
  assert.equal(run0.originalUriBaseIds.SRCROOT.uri, pathToFileURL(ROOT).href + '/');
  const diags = json.doc.diagnostics;
  assert.ok(diags.length > 5 && diags.some((d: any) => d.related.length > 0), 'samples have findings with related locations');
  assert.equal(run0.results.length, diags.length);
  run0.results.forEach((r: any, i: number) => {
    const d = diags[i];
    assert.equal(r.ruleId, d.code);
    assert.equal(r.level, LEVEL_OF[d.severity]);
    assert.equal(r.message.text, d.message);
    assert.deepEqual(r.locations[0].physicalLocation, { artifactLocation: { uri: d.path, uriBaseId: 'SRCROOT' }, region: { startLine: d.line, endLine: d.endLine } });
    assert.deepEqual((r.relatedLocations ?? []).map((l: any) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine, l.message.text]),
      d.related.map((x: any) => [x.path, x.line, x.message]));
  });
  assert.deepEqual(run0.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  // Streamed: one write per result at least, none holding two of them.
  assert.ok(sarif.out.length > run0.results.length);
  assert.ok(sarif.out.every((s) => (s.match(/"ruleId"/g) ?? []).length <= 1));
});

const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">\r\n`;

test('check --format sarif: untrusted file names become encoded URIs; paths outside the folder are file: URIs; unreadable paths are notifications', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-sarif-'));
  mkdirSync(path.join(dir, 'a b#c'));
  const file = path.join(dir, 'a b#c', 'x%y\u202e.log');
  writeFileSync(file, rec('fine') + '<![LOG[cut off\r\n' + rec('after'));
  const missing = path.join(dir, 'gone.log');
  const r = await run([dir, missing], 'sarif');
  assert.equal(r.code, 2);
  validate(r.doc);
  const [result] = r.doc.runs[0].results;
  assert.equal(result.ruleId, 'truncated-record');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, pathToFileURL(file).href);
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, undefined);
  assert.match(result.locations[0].physicalLocation.artifactLocation.uri, /a%20b%23c\/x%25y%E2%80%AE\.log$/);
  // No raw bidi override reaches the terminal: it is a \u escape in the JSON text.
  assert.ok(!r.out.join('\n').includes('\u202e'));
  const [inv] = r.doc.runs[0].invocations;
  assert.equal(inv.executionSuccessful, false);
  assert.equal(inv.toolExecutionNotifications.length, 1);
  assert.ok(inv.toolExecutionNotifications[0].message.text.includes('gone.log'));
});
