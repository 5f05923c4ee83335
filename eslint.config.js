// Lint: type-aware promise rules everywhere, and the determinism rules of workflow code.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'generated/', '.data/', 'coverage/', 'web/dist/', 'test-results/'] },
  {
    files: ['**/*.ts', 'web/**/*.tsx'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Update validators must be synchronous: an async validator's throw is lost.
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*'], message: 'Workflow code is deterministic: no Node built-ins.' },
          { group: ['@prisma/*', '**/generated/**', '**/prisma/*'], message: 'Workflow code never touches the database: use an activity.' },
          { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'], message: 'Workflow code imports only @temporalio/workflow and @temporalio/common.' },
          { group: ['**/api/**', 'fastify', 'pg', 'pino', 'jose'], message: 'Workflow code imports only workflow-safe modules.' },
          { group: ['**/activities/**'], message: 'Workflows import activities as types only.', allowTypeImports: true },
        ],
        paths: ['fs', 'path', 'crypto', 'os', 'http', 'https', 'net', 'child_process', 'process', 'timers'].map((name) => ({ name, message: 'Workflow code is deterministic: no Node built-ins.' })),
      }],
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'Workflow code does no I/O: use an activity.' },
        { name: 'setTimeout', message: 'Use sleep() or condition() with a timeout from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() in a loop from @temporalio/workflow.' },
        { name: 'process', message: 'Workflow code does not read the environment.' },
      ],
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\.\\.?/)', message: 'The domain is pure: it imports nothing but itself (no packages, no Node built-ins).' }, { group: ['**/workflows/**', '**/activities/**', '**/documents/**', '**/api/**', '**/prisma/**', '**/bin/**', '**/web/**'], message: 'The domain imports nothing outside domain/.' }] }],
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'The domain does no I/O.' },
        { name: 'setTimeout', message: 'The domain gets time as an argument.' },
        { name: 'process', message: 'The domain does not read the environment.' },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'The domain gets time as an argument (decide(state, command, now)).' }, { object: 'Math', property: 'random', message: 'The domain is deterministic.' }],
    },
  },
  // Imports flow one way: api and activities share workflows/messages, rules and documents, never each other.
  {
    files: ['api/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/activities/**'], message: 'The API does not import activities: shared code lives in documents/ or workflows/.' }] }] },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/domain/**', '**/workflows/**', '**/activities/**', '**/documents/**', '**/prisma/**', '**/bin/**', '**/generated/**', '../../api/**', '../../../api/**', 'fastify', '@temporalio/*', '@prisma/*'], message: 'The web application talks to the API over HTTP only: it imports nothing of the server\'s.' }] }] },
  },
  {
    files: ['activities/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/api/**'], message: 'Activities do not import the API.' }] }] },
  },
  {
    files: ['documents/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/activities/**', '**/api/**', '**/prisma/**', '@prisma/*', '**/generated/**'], message: 'Documents are pure: built from data, no storage, no I/O.' }] }] },
  },
);
