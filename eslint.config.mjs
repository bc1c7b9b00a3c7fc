// @ts-check
import js from '@eslint/js';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries reads Nx's cached project graph and silently skips itself when
// there is none (a fresh clone, plain `npx eslint`): compute it first, so the rule always runs.
await createProjectGraphAsync({ exitOnError: true });

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.data/**',
      'coverage/**',
      '.nx/**',
      'apps/web/src/gql/generated.ts',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Promise safety: a forgotten await loses errors and ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Other libs only through their public index.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@skillpath/*/*', '!@skillpath/*/testing'],
              message:
                'Import a lib through its public index: @skillpath/<lib> (or its @skillpath/<lib>/testing entry in tests).',
            },
          ],
        },
      ],
    },
  },
  {
    // Layers and domains, from the tags in each project.json (see docs/architecture.md):
    // app → feature → data → util; the engine (scope:engine) depends on nothing.
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:data',
                'type:util',
                'type:testing',
                'type:demo',
              ],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:data',
                'type:util',
                'type:testing',
                'type:demo',
              ],
            },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:util', 'type:testing'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:data', 'type:util'] },
            { sourceTag: 'type:demo', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util'] },
            // The shared vocabulary (libs/vocabulary) depends on nothing; everyone may use it.
            { sourceTag: 'scope:vocabulary', onlyDependOnLibsWithTags: ['scope:vocabulary'] },
            // Domains: who may use whom. Partners build on the journey's services (not its API);
            // nothing below a domain reaches up into it.
            {
              sourceTag: 'scope:engine',
              onlyDependOnLibsWithTags: ['scope:engine', 'scope:vocabulary'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'ioredis', 'bullmq'],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', 'scope:vocabulary'] },
            {
              sourceTag: 'scope:connectors',
              onlyDependOnLibsWithTags: ['scope:connectors', 'scope:shared', 'scope:vocabulary'],
            },
            {
              sourceTag: 'scope:taxonomy',
              onlyDependOnLibsWithTags: ['scope:taxonomy', 'scope:shared', 'scope:vocabulary'],
            },
            {
              sourceTag: 'scope:auth',
              onlyDependOnLibsWithTags: ['scope:auth', 'scope:shared', 'scope:vocabulary'],
            },
            {
              sourceTag: 'scope:catalogue',
              onlyDependOnLibsWithTags: [
                'scope:catalogue',
                'scope:auth',
                'scope:taxonomy',
                'scope:shared',
                'scope:vocabulary',
              ],
            },
            {
              sourceTag: 'scope:journey',
              onlyDependOnLibsWithTags: [
                'scope:journey',
                'scope:catalogue',
                'scope:auth',
                'scope:taxonomy',
                'scope:engine',
                'scope:shared',
                'scope:demo',
                'scope:vocabulary',
              ],
            },
            {
              sourceTag: 'scope:partners',
              onlyDependOnLibsWithTags: [
                'scope:partners',
                'scope:journey',
                'scope:catalogue',
                'scope:auth',
                'scope:taxonomy',
                'scope:engine',
                'scope:shared',
                'scope:vocabulary',
              ],
            },
            {
              sourceTag: 'scope:refresh',
              onlyDependOnLibsWithTags: [
                'scope:refresh',
                'scope:connectors',
                'scope:catalogue',
                'scope:auth',
                'scope:taxonomy',
                'scope:shared',
                'scope:vocabulary',
              ],
            },
            {
              sourceTag: 'scope:demo',
              onlyDependOnLibsWithTags: ['scope:demo', 'scope:catalogue', 'scope:shared', 'scope:vocabulary'],
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure: no framework, no database, no other libs.
    files: ['libs/matching/src/**/*.ts'],
    ignores: ['libs/matching/src/**/*.spec.ts', 'libs/matching/src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'pg', 'ioredis', 'bullmq'],
              message: 'libs/matching stays free of framework and I/O code.',
            },
            {
              group: ['@skillpath/*', '!@skillpath/vocabulary'],
              message: 'libs/matching depends on no other lib (only the shared vocabulary).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The web app's browser tests drive the whole product, so they start the API through its test
    // stack (apps/api/src/testing): an app importing an app, on purpose, in tests only.
    files: ['apps/web/test/**/*.ts', 'apps/web/scripts/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
);
