// The device id: generated once per browser profile / install, sent with every request, shown in the audit log.
import { DeviceIdSchema } from '../../shared/api/auth';

const STORAGE_KEY = 'housecall.deviceId';
let memoryId: string | null = null;

function generate(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function getDeviceId(): string {
  if (memoryId) return memoryId;
  let id: string | null;
  try {
    id = localStorage.getItem(STORAGE_KEY);
  } catch {
    id = null; // storage blocked: keep an id for this page only
  }
  if (!id || !DeviceIdSchema.safeParse(id).success) {
    id = generate();
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // storage blocked: the in-memory id still works for this page
    }
  }
  memoryId = id;
  return id;
}
