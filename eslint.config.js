// Lint is part of `npm test`. Type-aware rules are left to `tsc --noEmit`; this catches the rest.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The layers (docs/architecture.md). A layer imports only the layers listed for it; tests,
 * benchmarks and tools may import anything. `import type` counts too: a type is a dependency.
 */
const LAYERS = [
  { type: 'domain', pattern: 'src/domain/**', allow: ['domain'] },
  { type: 'config', pattern: 'src/config/**', allow: ['domain', 'config'] },
  { type: 'db', pattern: 'src/db/**', allow: ['domain', 'config', 'db'] },
  { type: 'policies', pattern: 'src/policies/**', allow: ['domain', 'policies'] },
  // The API's request and response schemas (TypeBox): the console imports their types
  // (`Static<typeof CaseSchema>`) instead of copying the shapes, so they import only domain.
  {
    type: 'schemas',
    pattern: ['src/modules/**/*.schemas.ts', 'src/http/schemas.ts'],
    allow: ['domain', 'schemas'],
  },
  { type: 'http', pattern: 'src/http/**', allow: ['domain', 'config', 'policies', 'schemas', 'http'] },
  // Pure code of a feature that the console bundles as well (the document model, report tables).
  {
    type: 'shared',
    pattern: [
      'src/modules/documents/document.ts',
      'src/modules/documents/table-grid.ts',
      'src/modules/reports/export/tables.ts',
    ],
    allow: ['domain', 'shared'],
  },
  {
    type: 'modules',
    pattern: 'src/modules/**',
    allow: ['domain', 'config', 'db', 'policies', 'http', 'schemas', 'shared', 'modules'],
  },
  { type: 'console', pattern: 'src/web/admin/src/**', allow: ['console', 'domain', 'schemas', 'shared'] },
  {
    type: 'web',
    pattern: 'src/web/**',
    allow: ['domain', 'config', 'db', 'policies', 'http', 'schemas', 'shared', 'modules', 'web'],
  },
  {
    type: 'server',
    pattern: 'src/server/**',
    allow: ['domain', 'config', 'db', 'policies', 'http', 'schemas', 'shared', 'modules', 'web', 'server'],
  },
  {
    type: 'cli',
    pattern: 'src/cli/**',
    allow: ['domain', 'config', 'db', 'policies', 'http', 'schemas', 'shared', 'modules', 'web', 'server', 'cli'],
  },
];

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
    // Layers: a wrong-way import fails `npm test` (eslint-plugin-boundaries).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS.map(({ type, pattern }) => ({ type, pattern, mode: 'full' })),
      'boundaries/include': ['src/**/*'],
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    },
    rules: {
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} must not import ${dependency.type} (layers: docs/architecture.md)',
          rules: LAYERS.map(({ type, allow }) => ({ from: type, allow })),
        },
      ],
      'boundaries/no-unknown-files': 'error',
    },
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
  {
    // Browser tests find elements as a user does (role, label, text), through the page objects of
    // test/support/pages: never by the component library's CSS classes, which change with a
    // library upgrade and say nothing about what the user sees.
    files: ['**/*.browser.test.ts', 'test/support/pages/**/*.ts', 'test/support/console.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Literal[value=/\\.ant-/]', 'TemplateElement[value.raw=/\\.ant-/]'].map((selector) => ({
          selector,
          message:
            'No Ant Design CSS classes (.ant-…) in browser tests: locate by role, label or text in a page object ' +
            '(test/support/pages), adding an accessible name to the console where it has none.',
        })),
      ],
    },
  },
);
