// Fixed names the policy templates and the policy readers agree on: registry keys, plist domain, Linux folders.

/** HKLM (machine) and HKCU (user) both use this key for mandatory policies. */
export const WINDOWS_POLICY_KEY = 'Software\\Policies\\Housecall';
/** Recommended policies: the user may change these in the app (Chromium's convention). */
export const WINDOWS_RECOMMENDED_POLICY_KEY = `${WINDOWS_POLICY_KEY}\\Recommended`;
/** The ADMX namespace and file base name. */
export const ADMX_NAMESPACE = 'Housecall.Policies.Housecall';
export const ADMX_FILE_BASE = 'housecall';
/** The managed-preferences domain on macOS: the app's bundle id (electron/core/app-identity APP_ID). */
export const MACOS_POLICY_DOMAIN = 'care.housecall.workstation';
export const LINUX_POLICY_ROOT = '/etc/housecall/policies';
export const LINUX_MANAGED_DIR = `${LINUX_POLICY_ROOT}/managed`;
export const LINUX_RECOMMENDED_DIR = `${LINUX_POLICY_ROOT}/recommended`;
