// Lint rules, including the import boundaries that keep each process honest (shared/style.md rule 1).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'worker_threads',
];

// No barrels (shared/style.md): an index.ts that only re-exports hides where a symbol lives. These folders had one;
// the patterns match the folder or its index only, never a module inside it (`../domain/sla/sla-policy` is fine).
// A flat config's later block replaces an earlier block's no-restricted-imports, so every block that sets the
// rule spreads these in.
const barrelMessage =
  'No barrels: import the module that defines the symbol (e.g. core/domain/sla/sla-policy).';
const barrelFolders = '(scoring|sla|distribution|normalize|history)';
const noBarrels = [{ regex: `(^|/)(domain/${barrelFolders}|core/import)(/index)?$`, message: barrelMessage }];
// Inside core, `../import` is core/import; inside core/domain, `./sla` or `../sla` is core/domain/sla.
const noCoreBarrels = [...noBarrels, { regex: '^(\\.\\./)+import(/index)?$', message: barrelMessage }];
const noDomainBarrels = [
  ...noCoreBarrels,
  { regex: `^\\.\\.?/${barrelFolders}(/index)?$`, message: barrelMessage },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.scratch*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-restricted-imports': ['error', { patterns: noBarrels }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='ipcMain'][callee.property.name='handle']",
          message: 'IPC handlers are generated from the contract (core/api/transport/ipc-binding.ts).',
        },
      ],
    },
  },
  {
    // The one place IPC handlers are registered: generated from the contract's list of calls.
    files: ['core/api/transport/ipc-binding.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noCoreBarrels }] },
  },
  {
    files: ['core/domain/**/*.ts'],
    ignores: ['core/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'core/domain is pure: no Node.' },
            {
              group: ['electron', 'better-sqlite3', 'kysely', 'react', 'react-dom', '@mantine/*'],
              message: 'core/domain is pure.',
            },
            {
              group: ['../store/*', '../api/*', '../import/*', '../lan/*', '../../*'],
              message: 'core/domain depends on nothing.',
            },
            ...noDomainBarrels,
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass a clock in.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass a clock in.' },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Pass an Rng in.',
        },
        { selector: "MemberExpression[object.name='crypto']", message: 'core/domain is pure.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer never touches Node.' },
            {
              group: [
                'electron',
                'better-sqlite3',
                'kysely',
                '**/core/store/*',
                '**/core/import/*',
                '**/core/lan/*',
                '**/core/host',
              ],
              message: 'The renderer talks to the API only.',
            },
            ...noBarrels,
          ],
        },
      ],
    },
  },
);
