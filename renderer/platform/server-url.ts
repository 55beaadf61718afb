// Where the care server is: the page origin in the browser, the configured server URL in Electron.
import { getAppInfo, getBridge } from './bridge';

let cached: Promise<string> | null = null;
let override: string | null = null;

/** For tests and the benchmark entry: use this base URL instead of asking the shell (null: back to normal). */
export function setServerBaseUrl(url: string | null): void {
  override = url === null ? null : url.replace(/\/+$/, '');
  cached = null;
}

async function resolve(): Promise<string> {
  const bridge = getBridge();
  if (!bridge) return ''; // same origin: relative URLs (also works behind the Vite dev proxy)
  const info = await getAppInfo(bridge);
  if (!info.ok) throw new Error(info.error);
  return info.value.serverUrl.replace(/\/+$/, '');
}

/** Base URL to prefix API paths with ('' means same origin). A failed lookup is retried on the next call. */
export function serverBaseUrl(): Promise<string> {
  if (override !== null) return Promise.resolve(override);
  if (!cached) {
    cached = resolve();
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}
