// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layer boundaries (shared/architecture.md): core is pure TypeScript and imports nothing of the UI,
 * storage, shell or Node; the Electron shell never reaches into the renderer's UI or database.
 * tests/lint/boundaries.test.ts proves these rules fail on a violating file.
 */
const coreForbidden = {
  paths: [
    { name: 'react', message: 'src/core is pure: no React.' },
    { name: 'react-dom', message: 'src/core is pure: no React.' },
    { name: 'dexie', message: 'src/core is pure: no storage (Dexie belongs in src/db).' },
    { name: 'dexie-react-hooks', message: 'src/core is pure: no storage.' },
    { name: 'electron', message: 'src/core is pure: no Electron.' },
  ],
  patterns: [
    { group: ['node:*'], message: 'src/core is pure: no node: modules (use them in src/cli).' },
    { group: ['react/*', 'react-dom/*', 'dexie/*', 'electron/*'], message: 'src/core is pure.' },
    { group: ['**/ui', '**/ui/**', '**/db', '**/db/**', '**/bridge', '**/bridge/**', '**/cli', '**/cli/**', '**/electron', '**/electron/**'], message: 'src/core imports nothing of ours outside core.' },
  ],
};

/**
 * Screens read and write only through src/db's named queries and commands (issue 17): no Dexie, no
 * database class or schema, no table or transaction in src/ui. A screen may name the handle's type to
 * pass it to a command, never construct, open or declare the database.
 */
const UI_DB_MESSAGE = 'src/ui reads and writes only through named queries and commands in src/db (e.g. saveImportedRecords): add one there and call it.';
const uiForbiddenImports = {
  paths: [
    { name: 'dexie', message: UI_DB_MESSAGE },
  ],
  patterns: [
    { group: ['dexie/*'], message: UI_DB_MESSAGE },
    { group: ['**/db/database', '**/db/versions', '**/db/schema'], message: UI_DB_MESSAGE },
    { group: ['**/db', '**/db/index'], importNames: ['OutageDeskDB', 'versions', 'declareVersions'], allowTypeImports: true, message: UI_DB_MESSAGE },
  ],
};
const uiForbiddenSyntax = [
  { selector: "CallExpression[callee.property.name='transaction']", message: `No transaction in a screen. ${UI_DB_MESSAGE}` },
  { selector: "MemberExpression[object.name=/^(db|desk|database)$/][property.name=/^(claims|records|evidence|settings|imports|screenshots|packs|table|tables)$/]", message: `No table access in a screen. ${UI_DB_MESSAGE}` },
  { selector: "MemberExpression[object.callee.name=/^use(Db|Desk)$/][property.name!='db'][property.name!='persistence']", message: `No table access in a screen. ${UI_DB_MESSAGE}` },
  { selector: "CallExpression[callee.property.name=/^(where|bulkAdd|bulkPut|bulkDelete|bulkGet|toCollection|primaryKeys|sortBy)$/]", message: `No Dexie query in a screen. ${UI_DB_MESSAGE}` },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'dist-cli/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'tests/lint/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', uiForbiddenImports],
      'no-restricted-syntax': ['error', ...uiForbiddenSyntax],
    },
  },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', coreForbidden],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'src/core is pure: no DOM.' },
        { name: 'document', message: 'src/core is pure: no DOM.' },
        { name: 'localStorage', message: 'src/core is pure: no DOM.' },
        { name: 'indexedDB', message: 'src/core is pure: no storage.' },
        { name: 'process', message: 'src/core is pure: no Node globals.' },
        { name: 'Buffer', message: 'src/core is pure: use Uint8Array.' },
        { name: 'require', message: 'src/core is pure.' },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/ui', '**/ui/**', '**/db', '**/db/**', 'react', 'react-dom', 'dexie'], message: 'The Electron shell is thin: it imports only the bridge contract, never the UI or the database.' },
        ],
      }],
    },
  },
);
