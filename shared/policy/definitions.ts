// Every managed-policy key of the workstation: type, secure default, bounds, description, and whether strictest wins.

export type PolicyCategory = 'connection' | 'security' | 'offline' | 'updates' | 'diagnostics';

/** How a string policy is checked (see parsePolicyValue). */
export type PolicyStringFormat = 'server-url' | 'https-url' | 'http-url' | 'proxy-rules' | 'bypass-list';

interface PolicyBase {
  /** Short name for administrators and the settings page. */
  title: string;
  /** One sentence for administrators (ADML explain text, mobileconfig comment, Managed settings page). */
  description: string;
  category: PolicyCategory;
}

export interface BooleanPolicyDefinition extends PolicyBase {
  type: 'boolean';
  default: boolean;
  /** Security key: across mandatory sources the value named here wins (e.g. false for AllowCamera). */
  strictest?: boolean;
  example: boolean;
}

export interface IntegerPolicyDefinition extends PolicyBase {
  type: 'integer';
  default: number;
  min: number;
  max: number;
  unit: 'minutes' | 'hours';
  /** Security key: across mandatory sources the lowest (or highest) value wins. */
  strictest?: 'lowest' | 'highest';
  example: number;
}

export interface StringPolicyDefinition extends PolicyBase {
  type: 'string';
  /** '' means "not set": the key then falls through to the next source. */
  default: '';
  format: PolicyStringFormat;
  maxLength: number;
  example: string;
}

export interface EnumPolicyDefinition extends PolicyBase {
  type: 'enum';
  values: readonly [string, ...string[]];
  default: string;
  /** Human words for each value (ADML dropdown, settings page). */
  labels: Readonly<Record<string, string>>;
  example: string;
}

export type PolicyDefinition = BooleanPolicyDefinition | IntegerPolicyDefinition | StringPolicyDefinition | EnumPolicyDefinition;

/**
 * The declarations, in the order templates and the settings page list them. Defaults are what an unmanaged
 * workstation does; camera and microphone are allowed by default because video visits are the product.
 */
export const POLICY_DEFINITIONS = {
  ServerUrl: {
    title: 'Care server URL',
    type: 'string',
    format: 'server-url',
    default: '',
    maxLength: 2048,
    category: 'connection',
    description:
      'The care server this workstation uses (https, optionally with a path prefix). Overrides the --server-url argument and the HOUSECALL_SERVER_URL variable.',
    example: 'https://care.example.org',
  },
  ProxyMode: {
    title: 'Proxy mode',
    type: 'enum',
    values: ['system', 'direct', 'fixed_servers', 'pac_script'],
    default: 'system',
    labels: { system: 'Use the system proxy settings', direct: 'Never use a proxy', fixed_servers: 'Use the proxy servers in ProxyServer', pac_script: 'Use the PAC file at ProxyPacUrl' },
    category: 'connection',
    description: 'How the workstation reaches the care server and the update server: system settings, direct, fixed proxy servers or a PAC file.',
    example: 'system',
  },
  ProxyServer: {
    title: 'Proxy servers',
    type: 'string',
    format: 'proxy-rules',
    default: '',
    maxLength: 1024,
    category: 'connection',
    description: 'Proxy rules when ProxyMode is fixed_servers, in Chromium syntax, e.g. "proxy.example.org:3128" or "https=proxy.example.org:3128".',
    example: 'proxy.example.org:3128',
  },
  ProxyPacUrl: {
    title: 'Proxy auto-config (PAC) URL',
    type: 'string',
    format: 'http-url',
    default: '',
    maxLength: 2048,
    category: 'connection',
    description: 'URL of the proxy auto-config (PAC) file when ProxyMode is pac_script.',
    example: 'https://proxy.example.org/proxy.pac',
  },
  ProxyBypassList: {
    title: 'Hosts that bypass the proxy',
    type: 'string',
    format: 'bypass-list',
    default: '',
    maxLength: 1024,
    category: 'connection',
    description: 'Hosts reached without the proxy when ProxyMode is fixed_servers, separated by commas, e.g. "<local>,*.example.org".',
    example: '<local>',
  },
  AutoLockMinutes: {
    title: 'Lock after inactivity (minutes)',
    type: 'integer',
    default: 15,
    min: 1,
    max: 240,
    unit: 'minutes',
    strictest: 'lowest',
    category: 'security',
    description: 'Lock the workstation after this many minutes without keyboard or mouse activity; unlocking needs the user’s password.',
    example: 10,
  },
  SignOutAfterMinutes: {
    title: 'Sign out after inactivity (minutes)',
    type: 'integer',
    default: 480,
    min: 5,
    max: 1440,
    unit: 'minutes',
    strictest: 'lowest',
    category: 'security',
    description: 'Sign out completely after this many minutes without activity (also while locked). Work not yet sent stays encrypted on this computer until the user signs in again.',
    example: 240,
  },
  ScreenCaptureProtection: {
    title: 'Protect the window from screen capture',
    type: 'boolean',
    default: true,
    strictest: true,
    category: 'security',
    description: 'Hide the Housecall window from screenshots, screen recording and screen sharing (Windows and macOS).',
    example: true,
  },
  AllowCamera: {
    title: 'Allow the camera',
    type: 'boolean',
    default: true,
    strictest: false,
    category: 'security',
    description: 'Allow the camera for video visits. When off, video visits are audio-only or unavailable.',
    example: true,
  },
  AllowMicrophone: {
    title: 'Allow the microphone',
    type: 'boolean',
    default: true,
    strictest: false,
    category: 'security',
    description: 'Allow the microphone for video visits.',
    example: true,
  },
  OfflineCacheEnabled: {
    title: 'Keep an encrypted offline copy',
    type: 'boolean',
    default: true,
    strictest: false,
    category: 'offline',
    description: 'Keep an encrypted copy of the user’s schedule and charts on this computer so work continues offline.',
    example: true,
  },
  OfflineCacheMaxAgeHours: {
    title: 'Maximum age of the offline copy (hours)',
    type: 'integer',
    default: 72,
    min: 1,
    max: 720,
    unit: 'hours',
    strictest: 'lowest',
    category: 'offline',
    description: 'Delete the offline copy when the care server has not been reached for this many hours.',
    example: 72,
  },
  UpdateMode: {
    title: 'Update mode',
    type: 'enum',
    values: ['auto', 'notify', 'disabled'],
    default: 'auto',
    labels: { auto: 'Download updates and install them when Housecall quits', notify: 'Tell the user an update is available', disabled: 'Never check for updates' },
    category: 'updates',
    description: 'How Housecall updates itself from UpdateUrl. Installations for all users (MSI, pkg, deb, rpm) never update themselves.',
    example: 'disabled',
  },
  UpdateUrl: {
    title: 'Update server URL',
    type: 'string',
    format: 'https-url',
    default: '',
    maxLength: 2048,
    category: 'updates',
    description: 'The https folder that holds the update files (latest.yml and installers). Without it Housecall does not update itself.',
    example: 'https://updates.example.org/housecall',
  },
  LogLevel: {
    title: 'Log level',
    type: 'enum',
    values: ['error', 'warn', 'info', 'debug'],
    default: 'info',
    labels: { error: 'Errors only', warn: 'Errors and warnings', info: 'Normal', debug: 'Detailed (for support)' },
    category: 'diagnostics',
    description: 'How much the workstation writes to its log folder. Logs never contain patient information at any level.',
    example: 'warn',
  },
} as const satisfies Record<string, PolicyDefinition>;

export type PolicyDefinitions = typeof POLICY_DEFINITIONS;
export type PolicyKey = keyof PolicyDefinitions;

type ValueOf<D> = D extends { type: 'boolean' }
  ? boolean
  : D extends { type: 'integer' }
    ? number
    : D extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : string;

/** The typed value of every key. */
export type PolicyValues = { [K in PolicyKey]: ValueOf<PolicyDefinitions[K]> };

export const POLICY_KEYS = Object.keys(POLICY_DEFINITIONS) as PolicyKey[];

export function isPolicyKey(name: unknown): name is PolicyKey {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(POLICY_DEFINITIONS, name);
}

export function policyDefinition(key: PolicyKey): PolicyDefinition {
  return POLICY_DEFINITIONS[key];
}

/** True for keys where, across mandatory sources, the strictest value wins rather than the higher source. */
export function isSecurityKey(key: PolicyKey): boolean {
  const definition: PolicyDefinition = POLICY_DEFINITIONS[key];
  return 'strictest' in definition && definition.strictest !== undefined;
}

/** What an unmanaged workstation uses. */
export function defaultPolicyValues(): PolicyValues {
  return Object.fromEntries(POLICY_KEYS.map((key) => [key, POLICY_DEFINITIONS[key].default])) as PolicyValues;
}

export type ProxyMode = PolicyValues['ProxyMode'];
export type UpdateMode = PolicyValues['UpdateMode'];
export type PolicyLogLevel = PolicyValues['LogLevel'];
