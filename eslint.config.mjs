// ESLint flat config: TypeScript (type-aware for src and tests), React hooks,
// and MDX (prose files are linted for syntax and embedded code).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import * as mdx from 'eslint-plugin-mdx';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      'build-*/',
      '.docusaurus/',
      'static/mockServiceWorker.js',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      '.tmp/',
      'src/diagrams/generated/',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [...tseslint.configs.strict],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/components/**/*.ts', 'src/theme/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The engine is framework-free: no React, Docusaurus, UI code or DOM.
    // (The layer rules between its folders are in .dependency-cruiser.cjs.)
    files: ['src/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
              message: 'The simulator engine does not use React.',
            },
            {
              group: ['@docusaurus/*', '@theme/*', '@theme-original/*'],
              message: 'The simulator engine does not use Docusaurus.',
            },
            {
              group: [
                '@site/src/components/*',
                '**/components/*',
                '@site/src/verified-examples/*',
                '**/verified-examples/*',
                '**/mock-server/*',
              ],
              message: 'The simulator engine does not import its users.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'location',
          'localStorage',
          'sessionStorage',
          'history',
          'HTMLElement',
          'Element',
          'Node',
          'requestAnimationFrame',
          'matchMedia',
          'getComputedStyle',
        ].map((name) => ({
          name,
          message:
            'The simulator engine has no DOM; take what you need as a parameter.',
        })),
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    ...mdx.flat,
    files: ['**/*.{md,mdx}'],
    // Components imported at the top of an MDX page are used as JSX in the
    // prose, which this rule cannot see; the MDX build fails on unknown ones.
    rules: { ...mdx.flat.rules, 'no-unused-vars': 'off' },
  },
);
