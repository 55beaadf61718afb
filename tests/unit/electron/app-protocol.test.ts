// app://housecall serves only files inside the renderer bundle, falls back to index.html for app routes, with correct types and CSP.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponseHeaders, contentTypeFor, resolveAppAsset } from '../../../electron/core/app-protocol';

const rendererRoot = path.resolve('/opt/housecall/dist/renderer');
const inRoot = (...segments: string[]): string => path.join(rendererRoot, ...segments);

function resolve(requestUrl: string, method = 'GET') {
  return resolveAppAsset({ requestUrl, method, rendererRoot });
}

describe('resolveAppAsset: files and SPA fallback', () => {
  it.each([
    ['app://housecall/', inRoot('index.html'), true],
    ['app://housecall', inRoot('index.html'), true],
    ['app://housecall/index.html', inRoot('index.html'), false],
    ['app://housecall/schedule', inRoot('index.html'), true],
    ['app://housecall/patients/42/chart?tab=notes#top', inRoot('index.html'), true],
    ['app://housecall/assets/index-3f9a.js', inRoot('assets', 'index-3f9a.js'), false],
    ['app://housecall/assets/index-3f9a.js?v=1', inRoot('assets', 'index-3f9a.js'), false],
    ['app://housecall/assets/my%20font.woff2', inRoot('assets', 'my font.woff2'), false],
    ['app://housecall//assets//logo.svg', inRoot('assets', 'logo.svg'), false],
  ])('%s -> %s', (url, filePath, isSpaFallback) => {
    expect(resolve(url)).toMatchObject({ kind: 'file', filePath, isSpaFallback });
  });

  it('serves HEAD like GET', () => {
    expect(resolve('app://housecall/index.html', 'HEAD')).toMatchObject({ kind: 'file', filePath: inRoot('index.html') });
  });
});

describe('resolveAppAsset: refusals', () => {
  it.each([
    ['encoded dot-dot', 'app://housecall/..%2f..%2fetc%2fpasswd', 403],
    ['encoded slash inside a segment', 'app://housecall/assets%2f..%2f..%2fsecret.txt', 403],
    ['encoded backslash', 'app://housecall/..%5c..%5cwindows%5cwin.ini', 403],
    ['double-encoded dots decoded once stay a name', 'app://housecall/%252e%252e/x.js', 'file'],
    ['hidden file', 'app://housecall/.env', 403],
    ['NUL byte', 'app://housecall/index.html%00.png', 403],
    ['Windows drive', 'app://housecall/C:%5cWindows%5cwin.ini', 403],
    ['malformed encoding', 'app://housecall/%E0%A4%A.js', 400],
    ['other host', 'app://evil/index.html', 404],
    ['other scheme', 'file:///opt/housecall/dist/renderer/index.html', 404],
    ['unparsable', 'not a url', 400],
  ] as const)('%s: %s -> %s', (_label, url, expected) => {
    const resolution = resolve(url);
    if (expected === 'file') {
      expect(resolution.kind).toBe('file');
      if (resolution.kind === 'file') expect(resolution.filePath.startsWith(rendererRoot + path.sep)).toBe(true);
    } else {
      expect(resolution).toMatchObject({ kind: 'refused', status: expected });
    }
  });

  it('cannot climb above the root with literal dot-dot (the URL parser clamps it at the root)', () => {
    expect(resolve('app://housecall/assets/../../../etc/secret.txt')).toMatchObject({ kind: 'file', filePath: inRoot('etc', 'secret.txt') });
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('refuses method %s', (method) => {
    expect(resolve('app://housecall/index.html', method)).toMatchObject({ kind: 'refused', status: 405 });
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.mjs', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/app.js.map', 'application/json; charset=utf-8'],
    ['manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['logo.SVG', 'image/svg+xml'],
    ['photo.png', 'image/png'],
    ['photo.jpeg', 'image/jpeg'],
    ['favicon.ico', 'image/x-icon'],
    ['font.woff2', 'font/woff2'],
    ['ring.mp3', 'audio/mpeg'],
    ['module.wasm', 'application/wasm'],
    ['blob.bin', 'application/octet-stream'],
    ['LICENSE', 'application/octet-stream'],
  ])('%s -> %s', (file, contentType) => {
    expect(contentTypeFor(file)).toBe(contentType);
  });
});

describe('appResponseHeaders', () => {
  const csp = "default-src 'self'";

  it('sends the CSP, content type and nosniff on every response', () => {
    expect(appResponseHeaders('text/css; charset=utf-8', csp)).toMatchObject({
      'Content-Type': 'text/css; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });

  it('never caches the HTML entry point, so an update takes effect on the next launch', () => {
    expect(appResponseHeaders('text/html; charset=utf-8', csp)['Cache-Control']).toBe('no-store');
  });
});
