// Encryption at rest (AES-GCM, WebCrypto): every PHI value is sealed with a fresh random 96-bit IV per write,
// bound to where it is stored (associated data), so a blob copied to another row or field does not open.
import type { LegacySealed, Sealed } from './schema';

const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** TextEncoder output is always backed by a plain ArrayBuffer (WebCrypto's BufferSource wants that type). */
const utf8 = (text: string) => encoder.encode(text) as Uint8Array<ArrayBuffer>;

/** Random bytes drawn ahead for IVs, each 12-byte slice used once: one getRandomValues call per 4,096 seals, not one per seal. */
const IV_POOL_BYTES = IV_BYTES * 4096;
let ivPool = new Uint8Array(0);
let ivTaken = 0;

function freshIv(): Uint8Array<ArrayBuffer> {
  if (ivTaken + IV_BYTES > ivPool.length) {
    ivPool = crypto.getRandomValues(new Uint8Array(IV_POOL_BYTES));
    ivTaken = 0;
  }
  const iv = ivPool.slice(ivTaken, ivTaken + IV_BYTES);
  ivTaken += IV_BYTES;
  return iv;
}

/** Seals a JSON value. Call before opening a Dexie transaction (this awaits WebCrypto). */
export async function seal(key: CryptoKey, value: unknown, label: string): Promise<Sealed> {
  const iv = freshIv();
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(label) }, key, utf8(JSON.stringify(value)));
  const sealed = new Uint8Array(IV_BYTES + ct.byteLength);
  sealed.set(iv, 0);
  sealed.set(new Uint8Array(ct), IV_BYTES);
  return sealed;
}

/** Opens a sealed JSON value; throws when the key or label is wrong or the blob was altered. */
export async function unseal<T = unknown>(key: CryptoKey, sealed: Sealed | LegacySealed, label: string): Promise<T> {
  const { iv, ct } = sealed instanceof Uint8Array ? { iv: sealed.subarray(0, IV_BYTES), ct: sealed.subarray(IV_BYTES) } : sealed;
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: utf8(label) }, key, ct);
  return JSON.parse(decoder.decode(plain)) as T;
}

/** A fresh random 256-bit AES-GCM data key, raw (to be wrapped by the OS key store, then imported). */
export function randomKeyBytes(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** Imports raw key bytes as a non-extractable AES-GCM key and wipes the bytes. */
export async function importDataKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  } finally {
    raw.fill(0);
  }
}

/** A new non-extractable AES-GCM key (the web workstation's per-sign-in key). */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Labels (associated data) of the sealed values, one per place a value can live. */
export const label = {
  server: (key: string) => `srv|${key}`,
  local: (key: string) => `loc|${key}`,
  args: (key: string) => `args|${key}`,
  theirs: (conflictId: string) => `theirs|${conflictId}`,
  keyCheck: 'meta|key-check',
} as const;
