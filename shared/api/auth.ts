// Sign-in, second factor, refresh and sign-out: request and response shapes of /api/auth/*.
import { z } from 'zod';
import { UserSchema } from '../domain/user';

/** A device id the workstation generates once per install/profile; recorded in sessions and the audit log. */
export const DeviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'device id must be 8-64 letters, digits, - or _');
export const DEVICE_HEADER = 'x-housecall-device';

export const TotpCodeSchema = z.string().regex(/^\d{6}$/, 'a 6-digit code');

export const LoginRequestSchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const TokensSchema = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
  refreshToken: z.string(),
  user: UserSchema,
});
export type Tokens = z.infer<typeof TokensSchema>;

export const LoginResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in') }).extend(TokensSchema.shape),
  /** Password was right; a TOTP code is needed to finish. */
  z.object({ status: z.literal('totp_required'), challengeToken: z.string() }),
  /** Password was right; this account must enrol a second factor first (admins). */
  z.object({
    status: z.literal('totp_enrollment_required'),
    challengeToken: z.string(),
    secret: z.string(),
    otpauthUri: z.string(),
  }),
]);
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const TotpVerifyRequestSchema = z.strictObject({
  challengeToken: z.string().min(1).max(2048),
  code: TotpCodeSchema,
});
export type TotpVerifyRequest = z.infer<typeof TotpVerifyRequestSchema>;

export const RefreshRequestSchema = z.strictObject({ refreshToken: z.string().min(1).max(512) });
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;

export const TotpEnrollResponseSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TotpEnrollResponse = z.infer<typeof TotpEnrollResponseSchema>;
export const TotpConfirmRequestSchema = z.strictObject({ code: TotpCodeSchema });
export type TotpConfirmRequest = z.infer<typeof TotpConfirmRequestSchema>;

/** Access and refresh token lifetimes. Access tokens are short so a revoked session ends quickly everywhere. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 12 * 60 * 60;
/** Lockout: this many wrong passwords or codes in a row locks the account for LOCKOUT_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

/** Unlocking a locked workstation: the signed-in user's password, or a current TOTP code. */
export const UnlockRequestSchema = z.union([
  z.strictObject({ password: z.string().min(1).max(1024) }),
  z.strictObject({ code: TotpCodeSchema }),
]);
export type UnlockRequest = z.infer<typeof UnlockRequestSchema>;
