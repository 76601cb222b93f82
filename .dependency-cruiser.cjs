// `npm run deps`: the import graph has no circles and no arrow back up the layers (docs/architecture.md).
// Layers, bottom up: model, knowledge -> parse -> logFile -> workspace, rules -> explain -> table, features ->
// handlers -> server; the command line beside the features; the client sees only the shared protocol
// and the formats' recognisers (with the decoding of a file's start they read).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Files that import each other in a loop.', from: {}, to: { circular: true } },
    { name: 'core-has-no-lsp', severity: 'error', comment: 'The core (parse, model, logFile, rules, knowledge, workspace, explain) knows no LSP.',
      from: { path: '^server/src/(parse|model|logFile|rules|knowledge|workspace|explain)' }, to: { path: 'node_modules/vscode-languageserver' } },
    { name: 'parse-stays-down', severity: 'error', comment: 'The parser knows no model above it, no rules, no features.',
      from: { path: '^server/src/parse/' }, to: { path: '^server/src/(logFile|rules|explain|features|handlers|workspace|cli|server)' } },
    { name: 'rules-know-no-features', severity: 'error', comment: 'Rules are pure: logs in, findings out.',
      from: { path: '^server/src/rules/' }, to: { path: '^server/src/(features|handlers|cli|server|workspace)' } },
    { name: 'explain-knows-no-features', severity: 'error', from: { path: '^server/src/explain/' }, to: { path: '^server/src/(features|handlers|cli|server)' } },
    { name: 'workspace-knows-no-features', severity: 'error', from: { path: '^server/src/workspace/' }, to: { path: '^server/src/(features|handlers|cli|server|rules|explain)' } },
    { name: 'table-is-core', severity: 'error', comment: 'The table (views, filters, detail) is pure: logs in, rows out; wired by handlers/table.ts.',
      from: { path: '^server/src/table/' }, to: { path: '^server/src/(features|handlers|cli|server)|node_modules/vscode-languageserver' } },
    { name: 'features-know-no-wiring', severity: 'error', from: { path: '^server/src/features/' }, to: { path: '^server/src/(handlers|cli|server)' } },
    { name: 'cli-knows-no-lsp', severity: 'error', comment: 'The command line runs the core without an editor.',
      from: { path: '^server/src/cli' }, to: { path: '^server/src/(features|handlers|server)|node_modules/vscode-languageserver' } },
    { name: 'client-sees-the-protocol-only', severity: 'error', comment: 'The extension bundle must not carry the server, the scanner or its WebAssembly.',
      from: { path: '^client/src/' }, to: { path: '^server/src/', pathNot: '^server/src/((protocol|severity)\\.ts|parse/decode\\.ts|parse/formats/|explain/(controlChars|plainText|markdown|gap|logLabel|folderOffsetKey)\\.ts)' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(test|bench|scripts|dist|out)/' },
  },
};
