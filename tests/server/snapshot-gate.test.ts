// The first-sync gate: at most `slots` snapshot pages at once, the rest in arrival order; a failing page frees its slot.
import { expect, it } from 'vitest';
import { SnapshotGate } from '../../server/sync/snapshot-gate';

const tick = () => new Promise((r) => setTimeout(r, 5));

it('runs at most two pages at once, the waiting ones in arrival order', async () => {
  const gate = new SnapshotGate(2);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const pages = Array.from({ length: 6 }, (_, i) => gate.run(async () => {
    started.push(i);
    running += 1;
    most = Math.max(most, running);
    await tick();
    running -= 1;
    return i * 10;
  }));
  expect(await Promise.all(pages)).toEqual([0, 10, 20, 30, 40, 50]);
  expect(most).toBe(2);
  expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  expect(gate.load).toEqual({ busy: 0, waiting: 0 });
});

it('a page that fails frees its slot for the next one', async () => {
  const gate = new SnapshotGate(1);
  const failing = gate.run(async () => {
    await tick();
    throw new Error('database went away');
  });
  const next = gate.run(async () => 'served');
  await expect(failing).rejects.toThrow('database went away');
  expect(await next).toBe('served');
  expect(gate.load).toEqual({ busy: 0, waiting: 0 });
});
