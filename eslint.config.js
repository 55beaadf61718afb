// Lint rules, including the import arrows of ARCHITECTURE.md:
// shared imports nothing of ours; server, electron and renderer import shared only;
// only electron/adapters (and the wiring files main.ts/preload.ts) may import 'electron';
// only renderer/platform may import simple-peer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const sideImports = (sides) =>
  sides.flatMap((side) => [`**/${side}/**`, `../${side}/**`, `../../${side}/**`, `../../../${side}/**`]);

const restrict = (patterns, extraPaths = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: extraPaths,
      patterns: patterns.map((group) => ({ group: group.globs, message: group.message })),
    },
  ],
});

const noElectron = { name: 'electron', message: 'Only electron/adapters and the electron wiring files may import electron.' };
const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'url', 'util', 'events', 'stream', 'worker_threads'];

const rendererPatterns = [
  { globs: sideImports(['server', 'electron', 'tests']), message: 'renderer/ imports shared/ only.' },
  { globs: ['node:*', 'fastify', 'pg', '@electric-sql/*'], message: 'renderer/ runs in a browser sandbox.' },
];
const rendererPaths = [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in a browser sandbox.' }))];
const noSimplePeer = { name: 'simple-peer', message: 'Only renderer/platform (peer.ts) may use simple-peer.' };

export default tseslint.config(
  { ignores: ['dist/**', '.tsbuild/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict(
      [{ globs: sideImports(['server', 'electron', 'renderer', 'tests']), message: 'shared/ is pure: it imports nothing from other sides.' },
       { globs: ['node:*', 'react', 'react-dom', 'dexie', 'fastify', 'pg', '@electric-sql/*'], message: 'shared/ runs everywhere: no Node, DOM, React or database imports.' }],
      [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs everywhere: no Node built-ins.' }))],
    ),
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict(
      [{ globs: sideImports(['electron', 'renderer', 'tests']), message: 'server/ imports shared/ only.' },
       { globs: ['react', 'react-dom', 'dexie'], message: 'server/ has no UI or IndexedDB.' }],
      [noElectron],
    ),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/adapters/**', 'electron/main.ts', 'electron/preload.ts'],
    rules: restrict(
      [{ globs: sideImports(['server', 'renderer', 'tests']), message: 'electron/ imports shared/ only.' }],
      [noElectron],
    ),
  },
  {
    files: ['electron/adapters/**/*.ts', 'electron/main.ts', 'electron/preload.ts'],
    rules: restrict([{ globs: sideImports(['server', 'renderer', 'tests']), message: 'electron/ imports shared/ only.' }]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/platform/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(rendererPatterns, [...rendererPaths, noSimplePeer]),
  },
  {
    files: ['renderer/platform/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(rendererPatterns, rendererPaths),
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: restrict([], [noElectron]),
  },
);
