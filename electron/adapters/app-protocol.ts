// Serves the built renderer on app://housecall from dist/renderer, with the CSP and hardening headers from core.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from '../core/app-identity';
import { appResponseHeaders, resolveAppAsset } from '../core/app-protocol';

/** Must run before the app is ready: a standard, secure scheme gets an origin, 'self', IndexedDB and WebCrypto. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true, allowServiceWorkers: false, bypassCSP: false },
    },
  ]);
}

export interface AppProtocolOptions {
  rendererRoot: string;
  contentSecurityPolicy: string;
  /** Called when a bundle file exists but cannot be read (for the shell log; the error is reduced to name and code there). */
  onReadError?: (error: unknown) => void;
}

function plainResponse(status: number, contentSecurityPolicy: string): Response {
  return new Response(null, { status, headers: appResponseHeaders('text/plain; charset=utf-8', contentSecurityPolicy) });
}

function isMissingFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/** After ready: answer every app:// request from the renderer folder. */
export function serveAppProtocol({ rendererRoot, contentSecurityPolicy, onReadError }: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolution = resolveAppAsset({ requestUrl: request.url, method: request.method, rendererRoot });
    if (resolution.kind === 'refused') return plainResponse(resolution.status, contentSecurityPolicy);
    try {
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(resolution.filePath));
      return new Response(body, { status: 200, headers: appResponseHeaders(resolution.contentType, contentSecurityPolicy) });
    } catch (error) {
      if (isMissingFile(error)) return plainResponse(404, contentSecurityPolicy);
      onReadError?.(error);
      return plainResponse(500, contentSecurityPolicy);
    }
  });
}
