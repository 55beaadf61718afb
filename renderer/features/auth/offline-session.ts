// The signed-in user kept for this tab (sessionStorage, like the refresh token), so a reload while the care
// server cannot be reached opens the workstation on the local data instead of the sign-in screen. Staff details
// only, no patient data; forgotten on sign-out and when the session ends.
import type { User } from '../../../shared/domain/user';
import { UserSchema } from '../../../shared/domain/user';

const KEY = 'housecall.sessionUser';

export function rememberUser(user: User): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(user));
  } catch {
    // storage blocked: an offline reload will ask to sign in again
  }
}

export function rememberedUser(): User | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = UserSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function forgetUser(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
