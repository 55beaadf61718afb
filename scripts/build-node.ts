// Bundles the Node-side programs with esbuild, without ever loading the Electron runtime:
//   server   -> dist/server/main.js (ESM, dependencies external) + SQL migrations beside it
//   electron -> dist/electron/main.js and dist/electron/preload.cjs (one CommonJS preload bundle), 'electron' external
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const target = process.argv[2];

async function buildServer(): Promise<void> {
  await build({
    entryPoints: [path.join(root, 'server/main.ts')],
    outfile: path.join(root, 'dist/server/main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  mkdirSync(path.join(root, 'dist/server/migrations'), { recursive: true });
  cpSync(path.join(root, 'server/db/migrations'), path.join(root, 'dist/server/migrations'), { recursive: true });
  // The ICD-10-CM code set the FHIR import and export check codes against.
  cpSync(path.join(root, 'server/icd10/data'), path.join(root, 'dist/server/icd10/data'), { recursive: true });
}

async function buildElectron(): Promise<void> {
  const common = { bundle: true, platform: 'node' as const, target: 'node20', external: ['electron'], sourcemap: true, logLevel: 'warning' as const };
  if (existsSync(path.join(root, 'electron/main.ts'))) {
    await build({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(root, 'dist/electron/main.cjs'), format: 'cjs' });
  }
  if (existsSync(path.join(root, 'electron/preload.ts'))) {
    // Sandboxed preloads must be a single CommonJS file: no imports at run time except 'electron'.
    await build({ ...common, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(root, 'dist/electron/preload.cjs'), format: 'cjs' });
  }
}

if (target === 'server') await buildServer();
else if (target === 'electron') await buildElectron();
else {
  console.error('usage: tsx scripts/build-node.ts server|electron');
  process.exit(2);
}
