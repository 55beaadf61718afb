// Reads a built renderer (dist/renderer) and measures what a first page load costs: the entry script of index.html
// plus every chunk it loads statically (modulepreload links and static `import … from "./x.js"`), gzipped, and the
// lazily loaded chunks. Used by bundle-size.bench.ts (and its unit test); not a benchmark itself.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  initial: ChunkSize[];
  lazy: ChunkSize[];
  initialGzipBytes: number;
}

/** The JS files the page's HTML loads before anything runs: module scripts and modulepreload links. */
export function htmlScripts(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+\.js)"/g)) found.push(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) found.push(m[1]!);
  return found.map((u) => u.replace(/^\.\//, ''));
}

/** Relative chunks a chunk imports statically (`import{a}from"./x.js"`, `import"./x.js"`, `export … from`), not `import()`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.\/[^"']+\.js)["']/g)) found.add(m[1]!.slice(2));
  return [...found];
}

const sizeOf = (dir: string, file: string): ChunkSize => {
  const body = readFileSync(path.join(dir, file));
  return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
};

/** The initial and lazy JS of the workstation page (index.html) of a built renderer directory. */
export function analyseBundle(rendererDir: string, page = 'index.html'): BundleReport {
  const html = readFileSync(path.join(rendererDir, page), 'utf8');
  const assetsDir = path.join(rendererDir, 'assets');
  const initial = new Set<string>();
  const queue = htmlScripts(html);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (initial.has(file) || !existsSync(path.join(rendererDir, file))) continue;
    initial.add(file);
    const code = readFileSync(path.join(rendererDir, file), 'utf8');
    for (const dep of staticImports(code)) queue.push(path.posix.join(path.posix.dirname(file), dep));
  }
  const all = readdirSync(assetsDir).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const joinHtml = path.join(rendererDir, 'join/index.html');
  const joinEntry = existsSync(joinHtml) ? [...readFileSync(joinHtml, 'utf8').matchAll(/<script[^>]*src="([^"]+\.js)"/g)].map((m) => path.posix.normalize(`join/${m[1]!}`)) : [];
  const joinOnly = new Set(joinEntry); // the patient join page's own entry is not workstation code
  const initialSizes = [...initial].map((f) => sizeOf(rendererDir, f));
  const lazy = all.filter((f) => !initial.has(f) && !joinOnly.has(f)).map((f) => sizeOf(rendererDir, f)).sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { initial: initialSizes, lazy, initialGzipBytes: initialSizes.reduce((sum, c) => sum + c.gzipBytes, 0) };
}
