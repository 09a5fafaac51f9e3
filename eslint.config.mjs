// Lint rules kept light enough to run on every CI pass on two cores: the
// recommended TypeScript rules without type information, plus the project's
// own: no console in services and libraries (use the structured logger).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/**', '**/dist/**', 'coverage/**', '.local/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
      // Nest injects constructor parameters by their emitted type metadata, so those
      // imports are values, not types: tell the type-import rule so.
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // libs/audit is isomorphic (it runs in browsers too): bytes are Uint8Array, never Node's Buffer.
    // depcruise's audit-is-isomorphic rule keeps out the Node built-in modules.
    files: ['libs/audit/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.fixture.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'libs/audit is isomorphic: use Uint8Array.' },
        { name: 'process', message: 'libs/audit is isomorphic: take configuration as arguments.' },
      ],
    },
  },
  {
    // The web console runs in browsers: their globals, and React's rules of hooks.
    files: ['apps/console/**/*.{ts,tsx,mts}'],
    languageOptions: { globals: { ...globals.browser, ...globals.jest } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
