// The language server as the LSP tests that need hooks run it (via tsx, from TestClient with
// `hooks`) and the bench runs it (bundled in out/): the shipped server on a runtime that adds
// them. dist/server.js has none of this.
//   --faults=throwing-rule,throwing-hover  prove a throwing rule or request never takes it down
//   cmlog/test/stats request               how much work was done, so tests count work instead of timing it
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { rules as catalog, type Rule } from '../../server/src/rules';
import { startServer } from '../../server/src/startServer';
import { WORKER_BUNDLE } from '../../server/src/workspace/parseWorker';

const faults = (process.argv.find((a) => a.startsWith('--faults='))?.slice('--faults='.length) ?? '').split(',');

const throwingRule: Rule = {
  id: 'fault-injection', defaultSeverity: 'error', title: 'test fault', explanation: 'Throws, for tests.', sources: [],
  check() { throw new Error('injected rule failure'); },
};

startServer(createConnection(ProposedFeatures.all), {
  // Run from source (the LSP tests), the worker is the built one; bundled (the bench), it is beside this file.
  parseWorker: existsSync(path.join(__dirname, WORKER_BUNDLE)) ? {} : { script: path.resolve(__dirname, '../../dist', WORKER_BUNDLE) },
  rules: faults.includes('throwing-rule') ? [throwingRule, ...catalog] : catalog,
  beforeHover: faults.includes('throwing-hover') ? () => { throw new Error('injected hover failure'); } : undefined,
  extend: ({ connection, validator, documents }) => {
    connection.onRequest('cmlog/test/stats', () => ({ ...validator.stats, idle: validator.idle, parses: documents.parses }));
  },
});
