// Taking a browser context fully offline: context.setOffline() cuts the pages' requests but not those of
// the app-shell service worker, so its requests are refused by routing as well (needs
// PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS, set in playwright.config.ts).
import type { BrowserContext, Route } from '@playwright/test';

const offlineContexts = new WeakMap<BrowserContext, (route: Route) => Promise<void>>();

export async function goOffline(context: BrowserContext): Promise<void> {
  if (offlineContexts.has(context)) return;
  const refuseWorkerRequests = async (route: Route): Promise<void> => {
    if (route.request().serviceWorker()) await route.abort('internetdisconnected');
    else await route.fallback();
  };
  offlineContexts.set(context, refuseWorkerRequests);
  await context.setOffline(true);
  await context.route('**/*', refuseWorkerRequests);
}

export async function goOnline(context: BrowserContext): Promise<void> {
  const handler = offlineContexts.get(context);
  offlineContexts.delete(context);
  if (handler) await context.unroute('**/*', handler);
  await context.setOffline(false);
}
