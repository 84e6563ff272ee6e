// @ts-check
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import NODE_ONLY_PACKAGES from './scripts/lib/node-only-packages.json' with { type: 'json' };

/**
 * What must never reach the browser (issue 20: mocks → createApp → auth/passwords.ts → @node-rs/argon2
 * left the demo a blank page). The Vite plugin in scripts/lib/browser-graph-guard.ts checks the whole
 * graph at build time; these rules say it where the import is written. See docs/decisions/010.
 */
const nodeOnly = {
  packages: {
    group: NODE_ONLY_PACKAGES.flatMap((p) => [p, `${p}/*`]),
    message: 'A Node-only package cannot run in the browser: inject it through createApp (docs/decisions/010).',
  },
  serverFiles: {
    group: [
      '**/auth/passwords',
      '**/store/sqlite*',
      '**/store/pg*',
      '**/store/open',
      '**/store/migrate-data',
      '**/annual/node-renderers',
      '**/server/main',
      '**/server/cli*',
      '**/oidc/relying-party',
      '**/oidc/settings',
      '**/backups/scheduler',
      '**/backups/take-backup',
    ],
    message: 'This module is Node-only: createApp gets it injected by main.ts (docs/decisions/010).',
  },
};

/** Dependency direction (DESIGN.md §3): domain ← server, client, mocks, seeds; client ⟂ server. */
const boundaries = [
  {
    target: './src/domain',
    from: ['./src/server', './src/client', './mocks', './seeds', './scripts'],
    message: 'src/domain is pure: it imports no server, client, mocks or seeds.',
  },
  { target: './src/client', from: './src/server', message: 'The client never imports server code; use the API.' },
  {
    target: './src/server',
    from: ['./src/client', './mocks'],
    message: 'The server never imports client or mock code.',
  },
  {
    target: './seeds',
    from: ['./src/server', './src/client', './mocks'],
    message: 'seeds/ depends on the domain only.',
  },
  // The dashboard's features import no other feature but the shared reference data (strategy).
  ...['dashboard', 'timeline', 'ministries'].map((feature) => ({
    target: `./src/client/features/${feature}`,
    from: './src/client/features',
    except: [`./${feature}`, './strategy'],
    message: 'Features never import each other; shared code goes to src/client/components or lib.',
  })),
];

/** src/domain's folders (decision record 012): from outside a folder, only its index.ts. */
const domainFolders = [
  'plan',
  'dashboard',
  'annual',
  'report',
  'auth',
  'contract',
  'routes',
  'seeds',
  'search',
  'rounds',
];
const domainBoundaries = [
  ...domainFolders.map((folder) => ({
    target: `./src/domain/${folder}`,
    from: './src/domain',
    except: [`./${folder}`, ...domainFolders.map((f) => `./${f}/index.ts`)],
    message: 'Import another domain folder through its index.ts (@/domain/<folder>), not its files.',
  })),
  {
    target: ['./src/client', './src/server', './mocks', './tests', './scripts', './bench', './seeds'],
    from: './src/domain',
    except: domainFolders.map((f) => `./${f}/index.ts`),
    message: "Import the domain through a folder's public face: @/domain/<folder>.",
  },
];
const importPatterns = [
  { group: ['@/domain/*/*'], message: 'Import the domain folder (@/domain/<folder>), not a file inside it.' },
  // The top-level seeds/, mocks/ and tests/ have no alias: reaching them from src/ is allowed.
  {
    regex: '^\\.\\./\\.\\./(?!(\\.\\./)*(seeds|mocks|tests)(/|$))',
    message: 'No import climbs more than one level: use @/client, @/domain or @/server.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'public/mockServiceWorker.js', 'tests/e2e/artifacts', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    // Resolves the `@/…` path aliases from tsconfig.json.
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: [...boundaries, ...domainBoundaries] }],
      'no-restricted-imports': ['error', { patterns: importPatterns }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    // Pure domain code takes time as an argument: no clock, no I/O.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'The domain does no I/O.' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'The domain imports nothing from Node.' }, ...importPatterns] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass asOf or a clock instead of reading the time.',
        },
      ],
    },
  },
  {
    // The SPA and the in-browser mock: nothing from Node.
    files: ['src/client/**/*.{ts,tsx}', 'mocks/browser*.ts', 'mocks/app.ts', 'mocks/handlers.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Browser code imports nothing from Node (docs/decisions/010).' },
            nodeOnly.packages,
            nodeOnly.serverFiles,
          ],
        },
      ],
    },
  },
  {
    // What createApp reaches runs in the browser demo too: of Node's modules only node:crypto, which
    // mocks/browser-crypto.ts provides there; Node-only parts are injected by main.ts.
    files: ['src/server/**/*.ts'],
    ignores: [
      'src/server/**/*.test.ts',
      'src/server/main.ts',
      'src/server/cli*.ts',
      'src/server/synthetic.ts',
      'src/server/store/sqlite*.ts',
      'src/server/store/pg*.ts',
      'src/server/store/open.ts',
      'src/server/store/migrate-data.ts',
      'src/server/annual/node-renderers.ts',
      'src/server/annual/zip-testing.ts',
      'src/server/auth/passwords.ts',
      // Started by main.ts only, outside createApp's graph:
      'src/server/annual/upload-pool.ts',
      'src/server/annual/upload-worker.ts',
      'src/server/static.ts',
      'src/server/backups/scheduler.ts',
      'src/server/backups/take-backup.ts',
      // Built by main.ts and injected into createApp (issue 14):
      'src/server/oidc/relying-party.ts',
      'src/server/oidc/settings.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', '!node:crypto'],
              allowTypeImports: true,
              message: 'createApp runs in the browser demo too: inject what needs Node (docs/decisions/010).',
            },
            nodeOnly.packages,
            nodeOnly.serverFiles,
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call their continuation `use`, which is not a React hook.
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.{ts,tsx}', 'src/client/main.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: importPatterns.slice(0, 1) }] },
  },
  {
    files: ['tests/e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off', 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
