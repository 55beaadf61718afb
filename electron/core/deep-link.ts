// Strict parsing of housecall:// deep links (from macOS open-url or a second instance's argv): only housecall://visit/<uuid>.
import { ipcOk } from '../../shared/ipc';
import { DEEP_LINK_PROTOCOL } from './app-identity';
import type { IpcHandlers } from './ipc-dispatch';

export type DeepLink = { kind: 'visit'; visitId: string };

/** Longer than any valid link: 'housecall://visit/' + 36 + '/'. */
const MAX_LINK_LENGTH = 64;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
// Windows may append one trailing slash when it hands a URL to an app.
const VISIT_LINK = new RegExp(`^${DEEP_LINK_PROTOCOL}://visit/(${UUID})/?$`, 'i');

/** The link, or null for anything else: other hosts, extra path, query, fragment, credentials, port, encoding, spaces. */
export function parseDeepLink(raw: unknown): DeepLink | null {
  if (typeof raw !== 'string' || raw.length > MAX_LINK_LENGTH) return null;
  const match = VISIT_LINK.exec(raw);
  if (match === null || match[1] === undefined) return null;
  return { kind: 'visit', visitId: match[1].toLowerCase() };
}

/** A second instance's command line: the last argument that is one of our links (switches are never links). */
export function deepLinkFromArgv(argv: readonly string[]): DeepLink | null {
  const prefix = `${DEEP_LINK_PROTOCOL}:`;
  for (let index = argv.length - 1; index >= 0; index -= 1) {
    const argument = argv[index];
    if (argument !== undefined && argument.toLowerCase().startsWith(prefix)) return parseDeepLink(argument);
  }
  return null;
}

/** Routes links to the page: held until the page asks (deep-link:take-pending), then sent as events. */
export interface DeepLinkRouter {
  receive(link: DeepLink): void;
  /** The page started (re)loading: hold links until it asks again. */
  pageLoading(): void;
  handlers(): Pick<IpcHandlers, 'deep-link:take-pending'>;
}

/** deliver sends the event to the window and says whether it could. */
export function createDeepLinkRouter(deliver: (link: DeepLink) => boolean): DeepLinkRouter {
  let pending: DeepLink | null = null;
  let pageListening = false;
  return {
    receive(link) {
      if (pageListening && deliver(link)) return;
      pending = link;
    },
    pageLoading() {
      pageListening = false;
    },
    handlers: () => ({
      'deep-link:take-pending': () => {
        pageListening = true;
        const link = pending;
        pending = null;
        return ipcOk({ visitId: link?.visitId ?? null });
      },
    }),
  };
}
