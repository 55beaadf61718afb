// The idle-lock state machine with an injected clock: table-driven scripts of inputs and the effects they must produce.
import { describe, expect, it } from 'vitest';
import {
  createIdleLockMachine,
  idleLockConfigFromMinutes,
  idleLockStep,
  initialIdleLockState,
  type IdleLockEffect,
  type IdleLockInput,
} from '../../../shared/policy';

const MIN = 60_000;
const config = idleLockConfigFromMinutes(15, 60); // lock after 15 min, sign out after 60 min

type Step = [atMinutes: number, input: string, expectStatus: 'unlocked' | 'locked' | 'signed-out', effects?: string[]];

/** 'tick', 'tick:idle=5' (system idle minutes), 'activity', 'os-lock', 'suspend', 'resume', 'lock', 'unlock-ok', 'unlock-bad', 'start', 'end' */
function inputAt(atMinutes: number, text: string): IdleLockInput {
  const at = atMinutes * MIN;
  const [name, argument] = text.split(':');
  switch (name) {
    case 'tick':
      return argument === undefined ? { type: 'tick', at } : { type: 'tick', at, systemIdleMs: Number(argument.replace('idle=', '')) * MIN };
    case 'activity':
      return { type: 'activity', at };
    case 'os-lock':
      return { type: 'os-lock', at };
    case 'suspend':
      return { type: 'suspend', at };
    case 'resume':
      return { type: 'resume', at };
    case 'lock':
      return { type: 'lock-now', at };
    case 'unlock-ok':
      return { type: 'unlock-succeeded', at };
    case 'unlock-bad':
      return { type: 'unlock-failed', at };
    case 'start':
      return { type: 'session-started', at };
    case 'end':
      return { type: 'session-ended', at };
    default:
      throw new Error(`unknown input ${text}`);
  }
}

const describeEffect = (effect: IdleLockEffect): string => (effect.type === 'unlock' ? 'unlock' : `${effect.type}:${effect.reason}`);

const scripts: ReadonlyArray<[string, Step[]]> = [
  ['stays unlocked while ticks come before the limit', [[5, 'tick', 'unlocked'], [14.9, 'tick', 'unlocked']]],
  ['locks at exactly AutoLockMinutes without activity', [[15, 'tick', 'locked', ['lock:idle']]]],
  ['activity pushes the lock back', [[10, 'activity', 'unlocked'], [20, 'tick', 'unlocked'], [25, 'tick', 'locked', ['lock:idle']]]],
  ['input elsewhere on the computer (system idle) counts as presence', [[20, 'tick:idle=2', 'unlocked'], [32, 'tick:idle=14', 'unlocked'], [34, 'tick:idle=16', 'locked', ['lock:idle']]]],
  ['system idle longer than page idle does not lock early', [[10, 'activity', 'unlocked'], [14, 'tick:idle=30', 'unlocked']]],
  ['the OS lock screen locks at once', [[1, 'os-lock', 'locked', ['lock:os-lock']]]],
  ['suspending the laptop locks at once', [[1, 'suspend', 'locked', ['lock:suspend']]]],
  ['the Lock button locks at once', [[1, 'lock', 'locked', ['lock:manual']]]],
  ['activity on a locked screen does not unlock', [[15, 'tick', 'locked', ['lock:idle']], [16, 'activity', 'locked'], [17, 'tick', 'locked']]],
  ['a correct password unlocks and restarts the idle clock', [[15, 'tick', 'locked', ['lock:idle']], [20, 'unlock-ok', 'unlocked', ['unlock']], [34, 'tick', 'unlocked'], [35, 'tick', 'locked', ['lock:idle']]]],
  ['signs out SignOutAfterMinutes after the last activity, even while locked', [[15, 'tick', 'locked', ['lock:idle']], [59, 'tick', 'locked'], [60, 'tick', 'signed-out', ['sign-out:idle-timeout']]]],
  ['a long sleep signs out on resume (lock then sign-out in one step when it was unlocked)', [[70, 'resume', 'signed-out', ['lock:idle', 'sign-out:idle-timeout']]]],
  ['a tick after a long gap goes straight to signed out', [[61, 'tick', 'signed-out', ['lock:idle', 'sign-out:idle-timeout']]]],
  ['a correct password after the sign-out deadline still signs out', [[1, 'os-lock', 'locked', ['lock:os-lock']], [61, 'unlock-ok', 'signed-out', ['sign-out:idle-timeout']]]],
  ['five wrong passwords sign out', [[1, 'lock', 'locked', ['lock:manual']], [2, 'unlock-bad', 'locked'], [2, 'unlock-bad', 'locked'], [3, 'unlock-bad', 'locked'], [3, 'unlock-bad', 'locked'], [4, 'unlock-bad', 'signed-out', ['sign-out:unlock-failures']]]],
  ['wrong passwords are forgotten after a successful unlock', [[1, 'lock', 'locked', ['lock:manual']], [2, 'unlock-bad', 'locked'], [2, 'unlock-bad', 'locked'], [3, 'unlock-ok', 'unlocked', ['unlock']], [4, 'lock', 'locked', ['lock:manual']], [5, 'unlock-bad', 'locked'], [5, 'unlock-bad', 'locked'], [5, 'unlock-bad', 'locked'], [5, 'unlock-bad', 'locked']]],
  ['unlock reports while unlocked change nothing', [[1, 'unlock-ok', 'unlocked'], [2, 'unlock-bad', 'unlocked']]],
  ['signed out is final until a new session starts', [[61, 'tick', 'signed-out', ['lock:idle', 'sign-out:idle-timeout']], [62, 'activity', 'signed-out'], [63, 'unlock-ok', 'signed-out'], [64, 'start', 'unlocked'], [78, 'tick', 'unlocked'], [79, 'tick', 'locked', ['lock:idle']]]],
  ['a session ending elsewhere stops enforcement without effects', [[5, 'end', 'signed-out'], [200, 'tick', 'signed-out']]],
  ['a new session while locked unlocks', [[1, 'lock', 'locked', ['lock:manual']], [2, 'start', 'unlocked', ['unlock']]]],
  ['a clock that goes backwards never locks by itself', [[10, 'activity', 'unlocked'], [5, 'tick', 'unlocked']]],
  ['OS lock events while locked keep the first reason', [[1, 'os-lock', 'locked', ['lock:os-lock']], [2, 'suspend', 'locked'], [3, 'lock', 'locked']]],
];

describe('idleLockStep', () => {
  it.each(scripts)('%s', (_label, steps) => {
    let state = initialIdleLockState(0);
    for (const [at, input, expectStatus, effects = []] of steps) {
      const step = idleLockStep(state, inputAt(at, input), config);
      expect({ at, input, status: step.state.status, effects: step.effects.map(describeEffect) }).toEqual({ at, input, status: expectStatus, effects });
      state = step.state;
    }
  });

  it('ignores a nonsense system idle value (negative, NaN) and uses its own activity', () => {
    let state = initialIdleLockState(0);
    state = idleLockStep(state, { type: 'tick', at: 16 * MIN, systemIdleMs: -5 }, config).state;
    expect(state.status).toBe('locked');
    state = initialIdleLockState(0);
    state = idleLockStep(state, { type: 'tick', at: 5 * MIN, systemIdleMs: Number.NaN }, config).state;
    expect(state.status).toBe('unlocked');
  });

  it('keeps the last activity time of a restored lock, so sign-out still comes on time', () => {
    const locked = idleLockStep({ status: 'unlocked', lastActivityAt: 0 }, { type: 'lock-now', at: 30 * MIN, reason: 'restored' }, config);
    expect(locked.effects).toEqual([{ type: 'lock', reason: 'restored' }]);
    expect(idleLockStep(locked.state, { type: 'tick', at: 60 * MIN }, config).effects).toEqual([{ type: 'sign-out', reason: 'idle-timeout' }]);
  });
});

describe('createIdleLockMachine', () => {
  it('reads time from the injected clock and reports effects in order', () => {
    let now = 0;
    const seen: string[] = [];
    const machine = createIdleLockMachine({ now: () => now, config, onEffect: (effect) => seen.push(describeEffect(effect)) });
    now = 14 * MIN;
    machine.send({ type: 'tick' });
    expect(machine.state.status).toBe('unlocked');
    now = 15 * MIN;
    machine.send({ type: 'tick' });
    now = 20 * MIN;
    machine.send({ type: 'unlock-succeeded' });
    now = 80 * MIN;
    machine.send({ type: 'tick' });
    expect(seen).toEqual(['lock:idle', 'unlock', 'lock:idle', 'sign-out:idle-timeout']);
  });

  it('applies a new policy at the next tick', () => {
    let now = 0;
    const machine = createIdleLockMachine({ now: () => now, config });
    now = 6 * MIN;
    machine.send({ type: 'tick' });
    expect(machine.state.status).toBe('unlocked');
    machine.setConfig(idleLockConfigFromMinutes(5, 60));
    machine.send({ type: 'tick' });
    expect(machine.state.status).toBe('locked');
  });

  it('turns policy minutes into milliseconds', () => {
    expect(idleLockConfigFromMinutes(15, 480)).toEqual({ autoLockMs: 15 * MIN, signOutAfterMs: 480 * MIN, maxUnlockFailures: 5 });
  });
});
