// Lint is part of `npm test`. Type-aware rules are left to `tsc --noEmit`; this catches the rest.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/web/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // A command file only registers its command; what it runs is imported inside the action,
    // so `gongkai --help` and light commands do not load the server (docs/benchmarks.md).
    files: ['src/cli/commands/*.ts', 'src/cli/main.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../../modules/*',
                '../../server/*',
                '../../web/*',
                '../../db/*',
                '../../config/*',
                '../runtime.ts',
                '../build-tool.ts',
                'kysely',
                'fastify',
              ],
              allowTypeImports: true,
              message:
                'Import it inside the command action (await import(...)): command files are loaded for every command.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only repositories (and the db layer) talk SQL: STYLE.md rule 7.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['kysely', 'better-sqlite3', 'pg', 'fastify', 'node:fs', 'fs'] }],
    },
  },
);
