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
