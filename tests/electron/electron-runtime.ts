// Finds the Electron runtime binary without loading the 'electron' package, so shell tests can skip cleanly when it is absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronRuntime = { available: true; executablePath: string } | { available: false; reason: string };

/** Mirrors node_modules/electron/index.js: path.txt names the binary inside dist/ (or ELECTRON_OVERRIDE_DIST_PATH). */
export function findElectronRuntime(repoRoot: string, env: NodeJS.ProcessEnv = process.env): ElectronRuntime {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { available: false, reason: 'Electron runtime not installed (node_modules/electron/path.txt missing; its postinstall download did not run)' };
  }
  const relativeBinary = readFileSync(pathFile, 'utf8').trim();
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const executablePath = path.join(distDir, relativeBinary);
  if (relativeBinary === '' || !existsSync(executablePath)) {
    return { available: false, reason: `Electron runtime binary missing at ${executablePath}` };
  }
  return { available: true, executablePath };
}

/** The shell also needs the built bundles: dist/electron (main + preload) and dist/renderer. */
export function missingShellBuild(repoRoot: string): string | null {
  const required = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];
  const missing = required.filter((file) => !existsSync(path.join(repoRoot, file)));
  return missing.length === 0 ? null : `shell not built (missing ${missing.join(', ')}; run npm run build)`;
}
