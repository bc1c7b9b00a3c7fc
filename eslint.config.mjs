// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
              group: ['@skillpath/*/*'],
              message: 'Import a lib through its public index: @skillpath/<lib>.',
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
            { group: ['@skillpath/*'], message: 'libs/matching depends on no other lib.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
