// Builds the renderer (the web workstation) into dist/renderer; served by the care server at /
// and by the Electron shell from app://. A second entry, renderer/join/, is the patient join page (/join/<token>).
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Writes shell-assets.json: every built file of the workstation (entry, lazy workspace chunks, worker, styles,
 * map data), so the service worker (renderer/public/sw.js) can keep all of them and an offline reload opens any
 * workspace, not only those already visited. The patient join page's own entry is left out.
 */
function shellAssetsManifest(): Plugin {
  return {
    name: 'housecall-shell-assets',
    apply: 'build',
    generateBundle(_options, bundle) {
      const joinOnly = new Set(Object.values(bundle).filter((f) => f.type === 'chunk' && f.isEntry && f.name === 'join').map((f) => f.fileName));
      const assets = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/') && !name.endsWith('.map') && !joinOnly.has(name))
        .sort();
      this.emitFile({ type: 'asset', fileName: 'shell-assets.json', source: `${JSON.stringify({ assets })}\n` });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), shellAssetsManifest()],
  // simple-peer (renderer/platform/peer.ts only) expects Node's global, Buffer, process and events: the browser
  // shims are resolved here and installed by renderer/platform/node-shims.ts before simple-peer loads.
  define: { global: 'globalThis' },
  resolve: { alias: { buffer: here('node_modules/buffer/index.js'), events: here('node_modules/events/events.js'), process: here('node_modules/process/browser.js') } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rollupOptions: { input: { main: here('renderer/index.html'), join: here('renderer/join/index.html') } },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:8787', '/ws': { target: 'ws://localhost:8787', ws: true } },
  },
});
