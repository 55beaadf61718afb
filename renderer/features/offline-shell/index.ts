// Offline shell feature: lets the web workstation load without a network (service worker registration).
export { registerOfflineShell, SERVICE_WORKER_PATH } from './register-offline-shell';
