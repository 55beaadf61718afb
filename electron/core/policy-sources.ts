// The pure half of the policy readers: parses `reg.exe query` output and `plutil -convert json` output, checks that
// Linux and macOS policy files are root-owned and not writable by others, and merges a folder of JSON files.
import path from 'node:path';
import { LINUX_MANAGED_DIR, LINUX_RECOMMENDED_DIR, MACOS_POLICY_DOMAIN, WINDOWS_POLICY_KEY } from '../../shared/policy/templates/naming';
import type { RawPolicyValues } from './policy-merge';

// ---- Windows registry -------------------------------------------------------------------------------------------

export type RegistryHive = 'HKLM' | 'HKCU';

/** Marks a value of a registry type no policy uses (binary, ...): it is reported as the wrong type. */
export interface UnsupportedRegistryValue {
  unsupportedRegistryType: string;
}

export interface RegistryKeyValues {
  /** As printed by reg.exe: 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Housecall'. */
  keyPath: string;
  values: Record<string, number | string | UnsupportedRegistryValue>;
}

/** reg.exe lives in System32; a full path avoids picking up a reg.exe from the working directory or PATH. */
export function regExePath(env: Readonly<Record<string, string | undefined>>): string {
  const systemRoot = env.SystemRoot ?? env.SYSTEMROOT ?? '';
  const root = /^[A-Za-z]:\\[^<>"|?*\r\n]*$/.test(systemRoot) ? systemRoot : 'C:\\Windows';
  return path.win32.join(root, 'System32', 'reg.exe');
}

export function regQueryArguments(hive: RegistryHive): string[] {
  return ['query', `${hive}\\${WINDOWS_POLICY_KEY}`, '/s'];
}

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

function registryValue(type: string, data: string): number | string | UnsupportedRegistryValue {
  if (type === 'REG_DWORD' || type === 'REG_QWORD') {
    const parsed = /^0x[0-9a-f]+$/i.test(data) ? Number.parseInt(data, 16) : Number.NaN;
    return Number.isSafeInteger(parsed) ? parsed : { unsupportedRegistryType: type };
  }
  if (type === 'REG_SZ' || type === 'REG_EXPAND_SZ') return data;
  return { unsupportedRegistryType: type };
}

/** Parses `reg.exe query <key> /s` output: key header lines, then four-space-indented `name    TYPE    data` lines. */
export function parseRegQueryOutput(stdout: string): RegistryKeyValues[] {
  const keys: RegistryKeyValues[] = [];
  let current: RegistryKeyValues | null = null;
  for (const line of stdout.split(/\r?\n/)) {
    if (/^HKEY_[A-Z_]+\\/.test(line)) {
      current = { keyPath: line.trim(), values: {} };
      keys.push(current);
      continue;
    }
    const match = VALUE_LINE.exec(line);
    if (current === null || match === null) continue;
    const [, name, type, data] = match;
    if (name === undefined || type === undefined || name === '(Default)') continue;
    current.values[name] = registryValue(type, data ?? '');
  }
  return keys;
}

export interface RegistryPolicies {
  mandatory: RawPolicyValues;
  recommended: RawPolicyValues;
}

/** Values directly under ...\\Policies\\Housecall are mandatory; under ...\\Housecall\\Recommended, recommended. */
export function registryPolicies(keys: readonly RegistryKeyValues[]): RegistryPolicies {
  const mandatoryPath = `\\${WINDOWS_POLICY_KEY}`.toLowerCase();
  const recommendedPath = `${mandatoryPath}\\recommended`;
  const mandatory: Record<string, unknown> = {};
  const recommended: Record<string, unknown> = {};
  for (const key of keys) {
    const lower = key.keyPath.toLowerCase();
    if (lower.endsWith(mandatoryPath)) Object.assign(mandatory, key.values);
    else if (lower.endsWith(recommendedPath)) Object.assign(recommended, key.values);
  }
  return { mandatory, recommended };
}

export type RegQueryOutcome = { kind: 'values'; policies: RegistryPolicies } | { kind: 'absent' } | { kind: 'failed' };

/** reg.exe exits 1 when the key does not exist (no policy configured); any other failure means "could not read". */
export function interpretRegQuery(exitCode: number | null, stdout: string): RegQueryOutcome {
  if (exitCode === 0) return { kind: 'values', policies: registryPolicies(parseRegQueryOutput(stdout)) };
  if (exitCode === 1) return { kind: 'absent' };
  return { kind: 'failed' };
}

// ---- Files (macOS managed preferences, Linux JSON) ---------------------------------------------------------------

export interface FileFacts {
  uid: number;
  /** st_mode, including the file type bits. */
  mode: number;
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
}

const GROUP_OR_WORLD_WRITABLE = 0o022;

/** A policy file counts only when root owns it, it is a plain file (not a link) and only root may write it. */
export function isTrustedPolicyFile(facts: FileFacts): boolean {
  return facts.isFile && !facts.isSymbolicLink && facts.uid === 0 && (facts.mode & GROUP_OR_WORLD_WRITABLE) === 0;
}

/** Its folder must be root's too, or another user could swap the file. */
export function isTrustedPolicyDirectory(facts: FileFacts): boolean {
  return facts.isDirectory && !facts.isSymbolicLink && facts.uid === 0 && (facts.mode & GROUP_OR_WORLD_WRITABLE) === 0;
}

/** The object in a JSON text, or null when it is not a JSON object. */
export function parsePolicyObject(text: string): RawPolicyValues | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as RawPolicyValues) : null;
}

/** *.json files of a policy folder in name order (later files override earlier ones); hidden files are skipped. */
export function policyFileNames(names: readonly string[]): string[] {
  return names.filter((name) => /^[^.].*\.json$/.test(name)).sort();
}

export function mergePolicyFiles(files: ReadonlyArray<RawPolicyValues>): RawPolicyValues {
  return Object.assign({}, ...files) as RawPolicyValues;
}

export const LINUX_POLICY_DIRS = { managed: LINUX_MANAGED_DIR, recommended: LINUX_RECOMMENDED_DIR } as const;

/** macOS managed preferences: the computer's and the user's (user names with path characters are not used). */
export function macManagedPreferenceFiles(userName: string): { machine: string; user: string | null } {
  const root = '/Library/Managed Preferences';
  const fileName = `${MACOS_POLICY_DOMAIN}.plist`;
  const safeUser = userName !== '' && userName !== '.' && userName !== '..' && !/[/\0]/.test(userName);
  return { machine: path.posix.join(root, fileName), user: safeUser ? path.posix.join(root, userName, fileName) : null };
}

export const PLUTIL_PATH = '/usr/bin/plutil';

export function plutilArguments(file: string): string[] {
  return ['-convert', 'json', '-o', '-', file];
}
