// `npm run lint`: ESLint with typescript-eslint, plus @stylistic rules as the formatter check (the
// house style as it is: two-space indents, single quotes, semicolons). An `eslint-disable` comment
// must say why (`-- reason`).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `eslint-disable` comments must give their reason after ` -- `. */
const local = {
  rules: {
    'disable-needs-reason': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        return {
          Program() {
            for (const c of context.sourceCode.getAllComments()) {
              if (/^\s*eslint-disable/.test(c.value) && !/\s--\s+\S/.test(c.value)) context.report({ loc: c.loc, message: 'Say why after ` -- `.' });
            }
          },
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', 'test-artifacts/**', 'bench/.data/**', 'test/fixtures/**', 'test/e2e/workspace/**', 'server/src/parse/kernelWasm.ts'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // TypeScript resolves names itself (and knows the DOM types where a file uses them).
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Tests build hostile text on purpose: control characters in their patterns are the point.
  { files: ['test/**'], rules: { 'no-control-regex': 'off' } },
  // The end-to-end harness drives a browser: its page functions run there.
  { files: ['test/e2e/**', 'test/webview/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['**/*.{ts,mjs,cjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { '@stylistic': stylistic, local },
    rules: {
      'local/disable-needs-reason': 'error',
      '@stylistic/indent': ['error', 2, { SwitchCase: 1, ignoredNodes: ['TemplateLiteral *', 'ConditionalExpression'] }],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/eol-last': 'error',
      '@stylistic/no-multiple-empty-lines': ['error', { max: 2, maxEOF: 0, maxBOF: 0 }],
      '@stylistic/comma-spacing': 'error',
      '@stylistic/keyword-spacing': 'error',
      '@stylistic/space-before-blocks': 'error',
      '@stylistic/object-curly-spacing': ['error', 'always'],
      '@stylistic/arrow-spacing': 'error',
      '@stylistic/no-tabs': 'error',
    },
  },
);
