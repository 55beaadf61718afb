// Bundle-size budget of the web workstation: builds the renderer (unless BUNDLE_NO_BUILD=1 and dist/renderer exists)
// and reports the initial JavaScript a first load of index.html costs, gzipped (target < 300 KB), and the largest
// lazily loaded chunks. One JSON line per figure, as the bench runner (scripts/bench.ts) collects them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { analyseBundle } from './bundle-analysis';

const root = path.resolve(import.meta.dirname, '../..');
const rendererDir = path.join(root, 'dist/renderer');

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const figure = (name: string, value: number, target: string) =>
  console.log(JSON.stringify({ name, value, unit: 'KB gzip', target, better: 'lower' }));

function main(): void {
  if (process.env.BUNDLE_NO_BUILD !== '1' || !existsSync(path.join(rendererDir, 'index.html'))) {
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status ?? build.signal})`);
  }
  const report = analyseBundle(rendererDir);
  for (const chunk of report.initial) process.stderr.write(`initial ${chunk.file}: ${kb(chunk.gzipBytes)} KB gzip (${kb(chunk.bytes)} KB)\n`);
  figure('renderer initial JS (gzip)', kb(report.initialGzipBytes), '< 300');
  for (const chunk of report.lazy.slice(0, 5)) {
    const name = path.basename(chunk.file).replace(/-[\w-]{8}\.js$/, '');
    figure(`renderer lazy chunk ${name} (gzip)`, kb(chunk.gzipBytes), 'loaded on use');
  }
}

main();
