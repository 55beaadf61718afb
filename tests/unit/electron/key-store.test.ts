// The offline cache's data key is wrapped by the OS key store, round-trips, and is refused when the key store is weak or absent.
import { describe, expect, it } from 'vitest';
import { createKeyStoreHandlers, isOsKeyStoreUsable, type KeyStoreBackend } from '../../../electron/core/key-store';

/** A stand-in OS key store: XOR with a per-machine byte and a marker, so a foreign blob fails to decrypt. */
function fakeBackend(usable = true, machineByte = 0x5a): KeyStoreBackend {
  return {
    isUsable: () => usable,
    encryptText: (plainText) => Uint8Array.from([machineByte, ...Buffer.from(plainText, 'utf8').map((byte) => byte ^ machineByte)]),
    decryptText: (encrypted) => {
      if (encrypted[0] !== machineByte) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(encrypted.subarray(1).map((byte) => byte ^ machineByte)).toString('utf8');
    },
  };
}

const dataKeyBase64 = Buffer.from(Array.from({ length: 32 }, (_, index) => index)).toString('base64');

describe('key-store handlers', () => {
  it('wraps a key into something else and unwraps it back', async () => {
    const handlers = createKeyStoreHandlers(fakeBackend());
    const wrapped = await handlers['key-store:wrap']({ dataKeyBase64 });
    expect(wrapped.ok).toBe(true);
    if (!wrapped.ok) return;
    expect(wrapped.value.wrappedKeyBase64).not.toBe(dataKeyBase64);
    expect(await handlers['key-store:unwrap']({ wrappedKeyBase64: wrapped.value.wrappedKeyBase64 })).toEqual({ ok: true, value: { dataKeyBase64 } });
  });

  it('answers unavailable (not an exception) when the OS key store cannot protect keys', async () => {
    const handlers = createKeyStoreHandlers(fakeBackend(false));
    expect(await handlers['key-store:wrap']({ dataKeyBase64 })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await handlers['key-store:unwrap']({ wrappedKeyBase64: dataKeyBase64 })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('answers decrypt_failed for a key wrapped on another machine', async () => {
    const wrapped = await createKeyStoreHandlers(fakeBackend(true, 0x11))['key-store:wrap']({ dataKeyBase64 });
    if (!wrapped.ok) throw new Error('wrap failed');
    const unwrapped = await createKeyStoreHandlers(fakeBackend(true, 0x22))['key-store:unwrap']({ wrappedKeyBase64: wrapped.value.wrappedKeyBase64 });
    expect(unwrapped).toMatchObject({ ok: false, error: { code: 'decrypt_failed' } });
  });
});

describe('isOsKeyStoreUsable', () => {
  it.each([
    [{ encryptionAvailable: true, platform: 'darwin' }, true],
    [{ encryptionAvailable: true, platform: 'win32' }, true],
    [{ encryptionAvailable: false, platform: 'darwin' }, false],
    [{ encryptionAvailable: true, platform: 'linux', linuxBackend: 'gnome_libsecret' }, true],
    [{ encryptionAvailable: true, platform: 'linux', linuxBackend: 'kwallet6' }, true],
    [{ encryptionAvailable: true, platform: 'linux', linuxBackend: 'basic_text' }, false],
    [{ encryptionAvailable: true, platform: 'linux', linuxBackend: 'unknown' }, false],
    [{ encryptionAvailable: true, platform: 'linux' }, false],
    [{ encryptionAvailable: false, platform: 'linux', linuxBackend: 'gnome_libsecret' }, false],
  ])('%o -> %s', (status, expected) => {
    expect(isOsKeyStoreUsable(status)).toBe(expected);
  });
});
