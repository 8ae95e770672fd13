// `npm run lint`: zero warnings allowed. TypeScript (type-aware), Lit templates, custom-element
// conventions and accessibility of templates, over src/, test/, scripts/, bench/, tools/ and the config files.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'coverage/', 'node_modules/', 'demo/dist/', 'docs/.screenshots-tmp/', '**/.vite/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,

  // The kit and its tests: type-aware rules (floating promises matter in an async connect flow),
  // Lit and custom-element rules, template accessibility.
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'test/**/*.tsx'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: litA11y.configs.recommended.rules,
  },

  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      // @open-wc/semantic-dom-diff types chai's `equal` as returning a Promise (for DOM diffs), so
      // every `expect(x).to.equal(y)` would be a "floating promise". Real async assertions
      // (`accessible()`, `equalSnapshot()`) are still caught.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: '@open-wc/semantic-dom-diff', name: 'Equal' }] },
      ],
      // Chai's property assertions (`expect(x).to.be.true`, `.and.not.empty`) are expressions.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },

  // Node: scripts, benchmarks and config files.
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', 'tools/**/*.{js,mjs}', '*.{js,mjs,ts}'],
    languageOptions: { globals: globals.node },
  },
);
