// Lint rules, including the import boundaries that keep each process honest (shared/style.md rule 1).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { layersPlugin } from './lint/layer-imports.js';

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

// Layers (shared/architecture.md "Rules that keep it simple"), checked on resolved paths by lint/layer-imports.js:
// dependencies point inward, and the renderer reaches the core only through the contract.
const outward = ['electron/**', 'renderer/**'];
const coreEntryPoints = ['core/host', 'core/scheduler'];
/** What the renderer may import from the core besides pure domain modules: the contract and its client side. */
const contractFiles = [
  'core/api/contract',
  'core/api/contract-kit',
  'core/api/errors',
  'core/api/*/{calls,schemas,errors}',
  'core/api/distribution/{lint-calls,assignment-log-calls}',
  'core/api/dashboard/drill-criteria',
  'core/api/transport/{client,bridge,http-client,app-client,desktop-print}',
];
/** Pure helpers the contract files use; they are loaded into the renderer with them. */
const contractHelpers = ['core/api/assemble-namespaces', 'core/api/leads/phone-check', 'core/import/types'];
const layerRule = (options) => ({ 'layers/imports': ['error', options] });
// What would bring Node (or native code) into the renderer through a contract file.
const nodeOnlyPackages = ['better-sqlite3', 'kysely', 'exceljs', 'iconv-lite', 'chardet', 'ws', 'electron'];

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
    plugins: { layers: layersPlugin },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The core runs without Electron (utility process, hub).',
            },
            ...noCoreBarrels,
          ],
        },
      ],
      ...layerRule({ deny: outward, message: 'the core never imports the desktop shell or the renderer.' }),
    },
  },
  {
    files: ['core/store/**/*.ts'],
    rules: layerRule({
      deny: [...outward, 'core/api/**', 'core/import/**', 'core/lan/**', ...coreEntryPoints],
      message: 'the store is below the API, the import readers and the LAN (it holds SQL, nothing else).',
    }),
  },
  {
    files: ['core/import/**/*.ts'],
    rules: layerRule({
      deny: [...outward, 'core/api/**', 'core/store/**', 'core/lan/**', ...coreEntryPoints],
      message: 'the import readers only read files; the API stores what they read.',
    }),
  },
  {
    files: ['core/api/**/*.ts'],
    rules: layerRule({
      deny: [...outward, 'core/lan/**', ...coreEntryPoints],
      message:
        'the API is below the LAN hub, the Electron shell and the renderer (they call it, not the reverse).',
    }),
  },
  {
    // The contract is loaded into the renderer too (renderer/tsconfig.json has no Node types): it stays pure.
    files: contractFiles.map((file) => `${file}.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, ...nodeOnlyPackages],
              message: 'Contract files run in the renderer too.',
            },
            ...noCoreBarrels,
          ],
        },
      ],
      ...layerRule({
        allow: [...contractFiles, ...contractHelpers, 'core/domain/**'],
        message:
          'contract files import only contract files, pure helpers and core/domain (the renderer loads them).',
      }),
    },
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
      ...layerRule({ allow: ['core/domain/**'], message: 'core/domain depends on nothing.' }),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, layers: layersPlugin },
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
              group: ['electron', 'better-sqlite3', 'kysely'],
              message: 'The renderer talks to the API only.',
            },
            ...noBarrels,
          ],
        },
      ],
      ...layerRule({
        allow: ['renderer/**', 'core/domain/**', ...contractFiles],
        message:
          'the renderer imports only the contract (calls, schemas, errors, client) and pure domain modules.',
      }),
    },
  },
);
