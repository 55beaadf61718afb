// The per-instance session memory's own rules: what it forgets, when, and that a read racing a revocation is
// not remembered.
import { describe, expect, it } from 'vitest';
import { SessionCache, SESSION_CACHE_TTL_MS, announceLocalRevocation } from '../../server/auth/session-cache';
import type { Bus } from '../../server/realtime/bus';

const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';
const U1 = '00000000-0000-4000-8000-0000000000a1';
const live = (userId = U1) => ({ userId, role: 'clinician' });

/** A bus whose notices and outages the test delivers by hand. */
function handBus() {
  let listener: (payload: unknown) => void = () => undefined;
  let resumed: () => void = () => undefined;
  const bus: Bus = {
    async subscribe(_channel, onPayload, onResumed) {
      listener = onPayload;
      resumed = onResumed ?? (() => undefined);
      return async () => undefined;
    },
  };
  return { bus, send: (payload: unknown) => listener(payload), resume: () => resumed() };
}

describe('SessionCache', () => {
  it('remembers a live session until its time is up', () => {
    let now = 1_000;
    const cache = new SessionCache(() => now);
    cache.remember(S1, live(), cache.mark());
    expect(cache.get(S1)).toEqual(live());
    now += SESSION_CACHE_TTL_MS - 1;
    expect(cache.get(S1)).toEqual(live());
    now += 1;
    expect(cache.get(S1)).toBeUndefined();
  });

  it('does not remember a read that began before something was forgotten', () => {
    const cache = new SessionCache();
    const mark = cache.mark();
    cache.forgetSession(S2); // a revocation arrived while the session was being read
    cache.remember(S1, live(), mark);
    expect(cache.get(S1)).toBeUndefined();
    cache.remember(S1, live(), cache.mark());
    expect(cache.get(S1)).toEqual(live());
  });

  it('forgets on notices (a session, or every session of a user), ignores malformed ones, and forgets all after an outage', async () => {
    const cache = new SessionCache();
    const { bus, send, resume } = handBus();
    const stop = await cache.listen(bus);
    cache.remember(S1, live(), cache.mark());
    cache.remember(S2, live(), cache.mark());
    send({ sessionId: 'not-a-uuid' });
    send({ userId: U1, extra: 1 });
    send('garbage');
    expect(cache.get(S1)).toBeDefined();
    send({ sessionId: S1 });
    expect(cache.get(S1)).toBeUndefined();
    expect(cache.get(S2)).toBeDefined();
    send({ userId: U1 });
    expect(cache.get(S2)).toBeUndefined();
    cache.remember(S1, live(), cache.mark());
    resume();
    expect(cache.get(S1)).toBeUndefined();
    await stop();
  });

  it('hears a revocation made in this process at once', async () => {
    const cache = new SessionCache();
    const { bus } = handBus();
    const stop = await cache.listen(bus);
    cache.remember(S1, live(), cache.mark());
    announceLocalRevocation(S1);
    expect(cache.get(S1)).toBeUndefined();
    await stop();
  });
});
