// The demo sign-ins printed in the README. Demo only: never used outside a seeded demo clinic.
export const DEMO_PASSWORD = 'housecall-demo';
/** Base32 TOTP secret of the demo admin (RFC 6238, SHA-1, 6 digits, 30 s), printed in the README for the demo only. */
export const DEMO_ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXPHOUSECALLDEMO234';
export const DEMO_ACCOUNTS = {
  clinician: 'clinician@demo.housecall.test',
  dispatcher: 'dispatcher@demo.housecall.test',
  /** A second coordinator in Seattle: two boards assigning the same request (compare-and-set). */
  dispatcher2: 'dispatcher2@demo.housecall.test',
  admin: 'admin@demo.housecall.test',
  courier: 'courier@demo.housecall.test',
} as const;
