// The language server's features through the VS Code API, on the demo logs of samples/ (copied into the fixture
// workspace): diagnostics, hover, outline, folding, commands, and the cmlog.rules setting.
// Expected values: samples/README.md and `node dist/cli.js check --format json samples`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  currentDocument, expectDiagnosticCount, expectLanguage, hoverText, openFixture, pollUntil, positionOf,
} from './helpers';

const opened: vscode.Uri[] = [];
async function open(rel: string): Promise<vscode.Uri> {
  const uri = await openFixture(rel);
  await expectLanguage(uri, 'cmlog');
  opened.push(uri);
  return uri;
}

suite('CMLog Lens: language server features', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('diagnostics of CloudUserSync.lo_: user-not-found, scott resolved (information), megan overdue (error)', async () => {
    const uri = await open('SiteServer/CloudUserSync.lo_');
    const [scott, megan] = await expectDiagnosticCount(uri, 'user-not-found', 2);
    assert.equal(scott.range.start.line, 23, 'scott: line 24');
    assert.equal(scott.severity, vscode.DiagnosticSeverity.Information);
    assert.match(scott.message, /scott@contoso\.com/);
    assert.equal(megan.range.start.line, 364, 'megan: line 365');
    assert.equal(megan.severity, vscode.DiagnosticSeverity.Error);
    assert.match(megan.message, /megan@contoso\.com/);
    // The LSP diagnostic's `data` travels with the vscode.Diagnostic the language client creates.
    const data = (d: vscode.Diagnostic) => (d as vscode.Diagnostic & { data?: Record<string, unknown> }).data;
    assert.ok(data(scott), 'the diagnostic carries no data');
    assert.equal(data(scott)?.user, 'scott@contoso.com');
    assert.equal(data(scott)?.status, 'resolved');
    assert.equal(data(scott)?.dueAt, '2014-09-15T17:23:54.442Z');
    assert.equal(data(megan)?.user, 'megan@contoso.com');
    assert.equal(data(megan)?.status, 'overdue');
    assert.equal(data(megan)?.dueAt, '2014-09-15T22:03:57.870Z');
  });

  test('hover on scott\'s UserNotFound line explains the 24-hour rule with the due time in log time and UTC', async () => {
    const uri = await open('SiteServer/CloudUserSync.lo_');
    const at = await positionOf(uri, 'Failed to add user scott@contoso.com; reason UserNotFound');
    assert.equal(at.line, 23);
    const pos = at.translate(0, 'Failed to add user '.length + 2);
    const { ok, value } = await pollUntil(
      async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)),
      (t) => t.includes('24-hour'), 20_000, 250);
    assert.ok(ok, `hover: ${JSON.stringify(value)}`);
    assert.match(value, /24-hour timer/);
    assert.match(value, /24 h/);
    assert.ok(value.includes('2014-09-15 10:23:54'), `due time in log time missing: ${value}`);
    assert.ok(value.includes('2014-09-15 17:23:54'), `due time in UTC missing: ${value}`);
    assert.match(value, /UTC/);
  });

  test('outline: ccmsetup.log\'s errors grouped under their component', async () => {
    const uri = await open('Client/ccmsetup.log');
    const value = await outline(uri);
    // The log's problems follow the record groups in their own "Problems" group (once validated).
    const names = value.map((g) => g.name);
    assert.deepEqual(names.filter((n) => n !== 'Problems'), ['ccmsetup'], `groups: ${names}`);
    assert.ok(!names.includes('Problems') || names.at(-1) === 'Problems', `groups: ${names}`);
    const children = value[0].children ?? [];
    assert.deepEqual(children.map((c) => c.selectionRange.start.line), [3, 4, 5], 'the three type="3" records, lines 4-6');
    assert.match(children[0].name, /^WAM token request failed/);
    assert.match(children[2].name, /^Failed to get AAD token for 'S-1-5-18' from WAM API/);
    for (const c of children) assert.match(c.detail, /^error/);
  });

  test('outline: CloudUserSync.lo_ lists scott\'s failure under SMS_CLOUD_USERSYNC', async () => {
    const uri = await open('SiteServer/CloudUserSync.lo_');
    const value = await outline(uri);
    const group = value.find((g) => g.name === 'SMS_CLOUD_USERSYNC');
    assert.ok(group, `groups: ${value.map((g) => g.name)}`);
    const scott = group.children.find((c) => c.selectionRange.start.line === 23);
    assert.ok(scott, 'no symbol for line 24');
    assert.match(scott.name, /Failed to add user scott@contoso\.com; reason UserNotFound/);
  });

  test('folding: a 16-line CMTrace record folds (multiline/HealthScripts.log, lines 2-17)', async () => {
    const uri = await open('multiline/HealthScripts.log');
    const { ok, value } = await pollUntil(
      async () => (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri)) ?? [],
      (r) => r.some((x) => x.start === 1), 20_000, 250);
    assert.ok(ok, `folding ranges: ${JSON.stringify(value)}`);
    const record = value.find((x) => x.start === 1)!;
    assert.equal(record.end, 16, `the record ends on line 17: ${JSON.stringify(value)}`);
  });

  test('command cmlog.lookupErrorCode exists and explains 0x800703F0 (Win32 1008, ERROR_NO_TOKEN)', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['cmlog.lookupErrorCode', 'cmlog.showOutput']) assert.ok(commands.includes(c), `command ${c} is not registered`);
    const before = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    await vscode.commands.executeCommand('cmlog.lookupErrorCode', '0x800703F0');
    const { ok, value } = await pollUntil(
      () => vscode.workspace.textDocuments.find((d) => !before.has(d.uri.toString()) && d.languageId === 'markdown'),
      (d) => !!d, 15_000, 200);
    assert.ok(ok, 'no Markdown explanation was opened');
    const text = value!.getText();
    assert.match(text, /1008/, text);
    assert.match(text, /ERROR_NO_TOKEN/, text);
    // Close the (unsaved) explanation without a save prompt.
    await vscode.window.showTextDocument(value!);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('setting cmlog.rules {"aad-token-failure": "off"} removes those diagnostics; removing it brings them back', async function () {
    const uri = await open('Client/ccmsetup.log');
    const lines = (await expectDiagnosticCount(uri, 'aad-token-failure', 2)).map((d) => d.range.start.line);
    assert.deepEqual(lines, [3, 5], 'aad-token-failure on lines 4 and 6');
    const config = vscode.workspace.getConfiguration('cmlog', uri);
    const previous = config.inspect('rules')?.workspaceValue;
    await config.update('rules', { 'aad-token-failure': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await expectDiagnosticCount(uri, 'aad-token-failure', 0);
    } finally {
      await vscode.workspace.getConfiguration('cmlog', uri).update('rules', previous, vscode.ConfigurationTarget.Workspace);
    }
    await expectDiagnosticCount(uri, 'aad-token-failure', 2);
  });

  test('reading never edits: every log opened by these tests is unmodified in the editor', () => {
    for (const uri of opened) {
      const doc = currentDocument(uri);
      if (doc) assert.equal(doc.isDirty, false, `${vscode.workspace.asRelativePath(uri)} became dirty`);
    }
  });
});

/** The document symbols of `uri`, once the server has sent some (bounded wait). */
async function outline(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const { ok, value } = await pollUntil(
    async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [],
    (s) => s.length > 0, 20_000, 250);
  assert.ok(ok, `no document symbols for ${uri.path}`);
  return value;
}
