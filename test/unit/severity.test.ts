// The one severity map: every front end reads it, so it must agree with the protocols it stands for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import {
  diagnosticSeverity, findingSeverities, isRuleLevel, ruleLevels, Severity, severityLetter, severityName, severityOfName, severityOfWord,
} from '../../server/src/severity';
import { Severity as ModelSeverity } from '../../server/src/model';

test('record severities: name, letter and number round-trip', () => {
  assert.equal(ModelSeverity, Severity, 'model.ts re-exports the one Severity');
  for (const s of Object.values(Severity)) {
    assert.equal(severityOfName(severityName[s]), s);
    assert.equal(severityOfWord(severityLetter[s].toLowerCase()), s);
    assert.equal(severityOfWord(severityName[s].toUpperCase()), s);
  }
  assert.equal(severityOfWord('warn'), Severity.Warning);
  assert.equal(severityOfWord('info'), Severity.Information);
  for (const bad of ['', 'hint', 'x', 'errors', '__proto__', 'toString']) {
    assert.equal(severityOfWord(bad), undefined, bad);
    assert.equal(severityOfName(bad), undefined, bad);
  }
});

test('finding severities map onto the LSP DiagnosticSeverity values', () => {
  assert.deepEqual(diagnosticSeverity, {
    error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
  });
  assert.deepEqual(Object.keys(diagnosticSeverity).sort(), [...findingSeverities].sort());
});

test('rule levels: off or a finding severity, nothing else', () => {
  assert.deepEqual(ruleLevels, ['off', ...findingSeverities]);
  for (const l of ruleLevels) assert.ok(isRuleLevel(l));
  for (const bad of ['', 'Error', 'success', 'constructor', 1, null, undefined]) assert.ok(!isRuleLevel(bad), String(bad));
});
