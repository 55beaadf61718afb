/* global self, caches */
// Housecall web workstation service worker, served as /sw.js: keeps the app shell
// (index.html and all the built assets, lazy workspace chunks included) so the workstation opens and reloads without a network.
// It never stores /api or /ws answers: patient data lives only in the encrypted local database.
const CACHE = 'housecall-shell-v1';
const SHELL_URL = new URL('./', self.location.href).href;

const MANIFEST_URL = new URL('./shell-assets.json', SHELL_URL).href;

/** The built assets a page of the shell refers to (scripts, styles), as absolute URLs. */
const assetsOf = (html) => [...html.matchAll(/(?:src|href)="([^"]*assets\/[^"]+)"/g)].map((m) => new URL(m[1], SHELL_URL).href);

/**
 * Every asset of the shell: those the page refers to plus the lazily loaded workspace chunks listed in
 * shell-assets.json (written by the build, see vite.config.ts), so an offline reload can open every workspace.
 */
async function shellAssets(html) {
  const urls = new Set(assetsOf(html));
  try {
    const response = await fetch(MANIFEST_URL, { cache: 'no-store' });
    const manifest = response.ok ? await response.json() : null;
    if (manifest && Array.isArray(manifest.assets)) {
      for (const name of manifest.assets) if (typeof name === 'string' && name.startsWith('assets/')) urls.add(new URL(name, SHELL_URL).href);
    }
  } catch {
    // no manifest (a development server): the page's own assets, and lazy chunks as they are used
  }
  return [...urls];
}

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL_URL, { cache: 'no-store' });
  if (!response.ok) throw new Error('The app shell could not be fetched.');
  await cache.addAll(await shellAssets(await response.clone().text()));
  await cache.put(SHELL_URL, response);
}

/** After a new version of the shell was stored: fetch its assets now and drop those of older versions. */
async function refreshAssets(html) {
  const cache = await caches.open(CACHE);
  const wanted = new Set(await shellAssets(html));
  for (const url of wanted) if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
  for (const request of await cache.keys()) {
    if (request.url !== SHELL_URL && !wanted.has(request.url) && new URL(request.url).pathname.includes('/assets/')) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

/** Pages: the network first (so a new version is picked up), the cached shell when there is no network. */
async function page(event) {
  try {
    const response = await fetch(event.request);
    if (response.ok && response.headers.get('content-type')?.includes('text/html')) {
      const cache = await caches.open(CACHE);
      await cache.put(SHELL_URL, response.clone());
      const html = await response.clone().text();
      event.waitUntil(refreshAssets(html).catch(() => undefined));
    }
    return response;
  } catch {
    return (await caches.match(SHELL_URL)) ?? Response.error();
  }
}

/** Built assets have hashed names and never change: the cache first, then the network (and keep it). */
async function asset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/ws')) return;
  if (url.pathname.startsWith('/join/')) return; // the patient join page is not the workstation shell
  if (request.mode === 'navigate') event.respondWith(page(event));
  else if (url.pathname.includes('/assets/')) event.respondWith(asset(request));
});
