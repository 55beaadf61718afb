/* global self, caches */
// Housecall web workstation service worker, served as /sw.js: keeps the app shell
// (index.html and the built assets) so the workstation opens and reloads without a network.
// It never stores /api or /ws answers: patient data lives only in the encrypted local database.
const CACHE = 'housecall-shell-v1';
const SHELL_URL = new URL('./', self.location.href).href;

/** The built assets a page of the shell refers to (scripts, styles), as absolute URLs. */
const assetsOf = (html) => [...html.matchAll(/(?:src|href)="([^"]*assets\/[^"]+)"/g)].map((m) => new URL(m[1], SHELL_URL).href);

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL_URL, { cache: 'no-store' });
  if (!response.ok) throw new Error('The app shell could not be fetched.');
  await cache.addAll(assetsOf(await response.clone().text()));
  await cache.put(SHELL_URL, response);
}

/** After a new version of the shell was stored: fetch its assets now and drop those of older versions. */
async function refreshAssets(html) {
  const cache = await caches.open(CACHE);
  const wanted = new Set(assetsOf(html));
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
