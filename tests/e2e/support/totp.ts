// TOTP codes for the demo admin. The server refuses a time step it has already accepted (replay protection)
// and accepts one step of drift, so each sign-in uses a step after the last one used, waiting if needed.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { DEMO_ADMIN_TOTP_SECRET } from '../../../server/seed/demo-accounts';

const PERIOD_MS = 30_000;
const totp = new TOTP({ secret: Secret.fromBase32(DEMO_ADMIN_TOTP_SECRET), period: 30, digits: 6, algorithm: 'SHA1' });
// Kept in a file beside the test database so it survives a worker restart after a failed test.
const stateFile = path.join(process.env.HOUSECALL_E2E_ROOT ?? os.tmpdir(), 'admin-totp-last-step');

function lastUsedStep(): number {
  try {
    return Number(readFileSync(stateFile, 'utf8')) || -1;
  } catch {
    return -1;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A code for a time step the server has not seen yet (waits up to one period when both usable steps are spent). */
export async function nextAdminTotpCode(): Promise<string> {
  const target = lastUsedStep() + 1;
  let current = Math.floor(Date.now() / PERIOD_MS);
  if (target > current + 1) {
    await sleep((target - 1) * PERIOD_MS - Date.now() + 500);
    current = Math.floor(Date.now() / PERIOD_MS);
  }
  // Prefer the current step; the next one is still inside the server's drift window.
  const step = Math.max(current, target);
  writeFileSync(stateFile, String(step));
  return totp.generate({ timestamp: step * PERIOD_MS });
}

/** A 6-digit code that is wrong for every step the server would accept right now. */
export function wrongAdminTotpCode(): string {
  const step = Math.floor(Date.now() / PERIOD_MS);
  const valid = new Set([-2, -1, 0, 1, 2].map((d) => totp.generate({ timestamp: (step + d) * PERIOD_MS })));
  const candidate = ['000000', '111111', '222222'].find((c) => !valid.has(c));
  if (!candidate) throw new Error('no wrong code found');
  return candidate;
}
