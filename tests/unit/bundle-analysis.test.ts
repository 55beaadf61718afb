// The bundle-size bench's reading of a built renderer: initial JS = entry + modulepreload + their static imports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseBundle, htmlScripts, staticImports } from '../../scripts/bench/bundle-analysis';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('bundle analysis', () => {
  it('reads module scripts and modulepreload links from the HTML', () => {
    const html = '<script type="module" crossorigin src="./assets/main-a.js"></script><link rel="modulepreload" crossorigin href="./assets/vendor-b.js"><link rel="stylesheet" href="./assets/x.css">';
    expect(htmlScripts(html)).toEqual(['assets/main-a.js', 'assets/vendor-b.js']);
  });

  it('finds static imports but not dynamic ones', () => {
    const code = 'import{a as b}from"./vendor-b.js";import"./side-c.js";const x=()=>import("./lazy-d.js");export{q}from"./re-e.js";';
    expect(staticImports(code).sort()).toEqual(['re-e.js', 'side-c.js', 'vendor-b.js']);
  });

  it('counts the entry and its static graph as initial, the rest as lazy', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<script type="module" src="./assets/main.js"></script>');
    writeFileSync(path.join(dir, 'assets/main.js'), `import{a}from"./shared.js";const l=()=>import("./lazy.js");${'x'.repeat(500)}`);
    writeFileSync(path.join(dir, 'assets/shared.js'), 'export const a=1;');
    writeFileSync(path.join(dir, 'assets/lazy.js'), `export const big="${'y'.repeat(2000)}";`);
    const report = analyseBundle(dir);
    expect(report.initial.map((c) => c.file).sort()).toEqual(['assets/main.js', 'assets/shared.js']);
    expect(report.lazy.map((c) => c.file)).toEqual(['assets/lazy.js']);
    expect(report.initialGzipBytes).toBe(report.initial[0]!.gzipBytes + report.initial[1]!.gzipBytes);
  });
});
