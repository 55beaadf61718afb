// The pure half of the app:// handler: request URL -> file under the renderer bundle (no traversal, SPA fallback), and headers.
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-identity';

export type AppAssetResolution =
  | { kind: 'file'; filePath: string; contentType: string; isSpaFallback: boolean }
  | { kind: 'refused'; status: 400 | 403 | 404 | 405; reason: string };

export interface AppAssetRequest {
  requestUrl: string;
  method: string;
  /** Absolute path of the built renderer (dist/renderer). */
  rendererRoot: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

const refused = (status: 400 | 403 | 404 | 405, reason: string): AppAssetResolution => ({ kind: 'refused', status, reason });

/** Decoded path segments, or why the path is refused. Encoded slashes, dot segments, hidden files and NUL are traversal attempts. */
function safeSegments(rawPathname: string): string[] | AppAssetResolution {
  const segments: string[] = [];
  for (const rawSegment of rawPathname.split('/')) {
    if (rawSegment === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return refused(400, 'malformed percent-encoding in path');
    }
    if (segment.startsWith('.') || /[/\\:\0]/.test(segment)) return refused(403, 'path escapes the app folder');
    segments.push(segment);
  }
  return segments;
}

export function resolveAppAsset({ requestUrl, method, rendererRoot }: AppAssetRequest): AppAssetResolution {
  if (method !== 'GET' && method !== 'HEAD') return refused(405, 'only GET and HEAD are served');
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refused(400, 'unparsable URL');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return refused(404, 'not an app URL');
  const segments = safeSegments(url.pathname);
  if (!Array.isArray(segments)) return segments;

  const root = path.resolve(rendererRoot);
  const lastSegment = segments.at(-1);
  // A route without a file extension (/, /schedule, /patients/123) is the single-page app itself.
  const isSpaFallback = lastSegment === undefined || !lastSegment.includes('.');
  const filePath = isSpaFallback ? path.join(root, 'index.html') : path.join(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return refused(403, 'path escapes the app folder');
  return { kind: 'file', filePath, contentType: contentTypeFor(filePath), isSpaFallback };
}

/** Headers for every app:// response: the CSP travels as a header so frame-ancestors applies too. */
export function appResponseHeaders(contentType: string, contentSecurityPolicy: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': contentType.startsWith('text/html') ? 'no-store' : 'no-cache',
  };
}
