// Fixed identity of the desktop app: app id, the app:// origin the renderer is served from, and the deep-link scheme.

/** Name shown by the OS and used for the profile folder (userData). */
export const PRODUCT_NAME = 'Housecall';
/** Windows AppUserModelID and macOS bundle id. */
export const APP_ID = 'care.housecall.workstation';
/** The privileged scheme that serves the renderer bundle. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'housecall';
/** The renderer's origin; the only origin that may use the bridge. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** OS-registered scheme for deep links such as housecall://visit/... (handled later). */
export const DEEP_LINK_PROTOCOL = 'housecall';
