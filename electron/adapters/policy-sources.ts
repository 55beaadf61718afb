// Reads the managed-policy sources of this OS (thin I/O; parsing and trust checks are in core): the Windows registry
// via reg.exe, macOS managed preferences via plutil, Linux /etc/housecall/policies/{managed,recommended}/*.json.
import { execFile } from 'node:child_process';
import { lstat, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PolicyIssue, PolicySource } from '../../shared/policy';
import type { PolicySourceSet, RawPolicyValues } from '../core/policy-merge';
import {
  LINUX_POLICY_DIRS,
  PLUTIL_PATH,
  interpretRegQuery,
  isTrustedPolicyDirectory,
  isTrustedPolicyFile,
  macManagedPreferenceFiles,
  mergePolicyFiles,
  parsePolicyObject,
  plutilArguments,
  policyFileNames,
  regExePath,
  regQueryArguments,
  type FileFacts,
  type RegistryHive,
} from '../core/policy-sources';

export interface ExecOutcome {
  exitCode: number | null;
  stdout: string;
}

/** The I/O the readers need; injected in tests. */
export interface PolicyIo {
  run(file: string, args: readonly string[]): Promise<ExecOutcome>;
  stat(file: string): Promise<FileFacts | null>;
  list(directory: string): Promise<string[]>;
  read(file: string): Promise<string>;
}

const EXEC_TIMEOUT_MS = 5_000;

export const nodePolicyIo: PolicyIo = {
  run: (file, args) =>
    new Promise((resolve) => {
      // No shell: the arguments are passed as they are. Output is small (a few policy values).
      execFile(file, [...args], { windowsHide: true, timeout: EXEC_TIMEOUT_MS, maxBuffer: 1024 * 1024, encoding: 'utf8' }, (error, stdout) => {
        const code = error === null ? 0 : typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : null;
        resolve({ exitCode: code, stdout: typeof stdout === 'string' ? stdout : '' });
      });
    }),
  stat: async (file) => {
    try {
      const facts = await lstat(file);
      return { uid: facts.uid, mode: facts.mode, isFile: facts.isFile(), isDirectory: facts.isDirectory(), isSymbolicLink: facts.isSymbolicLink() };
    } catch {
      return null;
    }
  },
  list: (directory) => readdir(directory),
  read: (file) => readFile(file, 'utf8'),
};

export interface PolicyReadResult {
  sources: PolicySourceSet;
  issues: PolicyIssue[];
}

const unreadable = (source: PolicySource): PolicyIssue => ({ key: '(source)', source, problem: 'unreadable' });
const untrusted = (source: PolicySource): PolicyIssue => ({ key: '(source)', source, problem: 'untrusted_file' });

async function readWindows(io: PolicyIo, env: NodeJS.ProcessEnv): Promise<PolicyReadResult> {
  const result: PolicyReadResult = { sources: {}, issues: [] };
  const hives: ReadonlyArray<readonly [RegistryHive, 'machine' | 'user']> = [['HKLM', 'machine'], ['HKCU', 'user']];
  for (const [hive, scope] of hives) {
    const { exitCode, stdout } = await io.run(regExePath(env), regQueryArguments(hive));
    const outcome = interpretRegQuery(exitCode, stdout);
    if (outcome.kind === 'failed') result.issues.push(unreadable(`mandatory-${scope}`));
    if (outcome.kind !== 'values') continue;
    result.sources[`mandatory-${scope}`] = outcome.policies.mandatory;
    result.sources[`recommended-${scope}`] = outcome.policies.recommended;
  }
  return result;
}

/** A root-owned file read through `read` (JSON) or plutil (plist); null when absent, an issue when unusable. */
async function readTrustedFile(io: PolicyIo, file: string, source: PolicySource, kind: 'json' | 'plist'): Promise<RawPolicyValues | PolicyIssue | null> {
  const facts = await io.stat(file);
  if (facts === null) return null;
  if (!isTrustedPolicyFile(facts)) return untrusted(source);
  let text: string;
  if (kind === 'plist') {
    const converted = await io.run(PLUTIL_PATH, plutilArguments(file));
    if (converted.exitCode !== 0) return unreadable(source);
    text = converted.stdout;
  } else {
    try {
      text = await io.read(file);
    } catch {
      return unreadable(source);
    }
  }
  return parsePolicyObject(text) ?? unreadable(source);
}

const isIssue = (value: RawPolicyValues | PolicyIssue): value is PolicyIssue =>
  typeof (value as PolicyIssue).problem === 'string' && (value as PolicyIssue).key === '(source)';

async function readMac(io: PolicyIo, userName: string): Promise<PolicyReadResult> {
  const result: PolicyReadResult = { sources: {}, issues: [] };
  const files = macManagedPreferenceFiles(userName);
  const entries: ReadonlyArray<readonly [PolicySource & ('mandatory-machine' | 'mandatory-user'), string | null]> = [
    ['mandatory-machine', files.machine],
    ['mandatory-user', files.user],
  ];
  for (const [source, file] of entries) {
    if (file === null) continue;
    const read = await readTrustedFile(io, file, source, 'plist');
    if (read === null) continue;
    if (isIssue(read)) result.issues.push(read);
    else result.sources[source] = read;
  }
  return result;
}

async function readLinuxFolder(io: PolicyIo, directory: string, source: 'mandatory-machine' | 'recommended-machine', result: PolicyReadResult): Promise<void> {
  const facts = await io.stat(directory);
  if (facts === null) return;
  if (!isTrustedPolicyDirectory(facts)) {
    result.issues.push(untrusted(source));
    return;
  }
  let names: string[];
  try {
    names = policyFileNames(await io.list(directory));
  } catch {
    result.issues.push(unreadable(source));
    return;
  }
  const files: RawPolicyValues[] = [];
  for (const name of names) {
    const read = await readTrustedFile(io, path.posix.join(directory, name), source, 'json');
    if (read === null) continue;
    if (isIssue(read)) result.issues.push(read);
    else files.push(read);
  }
  if (files.length > 0) result.sources[source] = mergePolicyFiles(files);
}

async function readLinux(io: PolicyIo): Promise<PolicyReadResult> {
  const result: PolicyReadResult = { sources: {}, issues: [] };
  await readLinuxFolder(io, LINUX_POLICY_DIRS.managed, 'mandatory-machine', result);
  await readLinuxFolder(io, LINUX_POLICY_DIRS.recommended, 'recommended-machine', result);
  return result;
}

export interface ReadPolicyOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  userName?: string;
  io?: PolicyIo;
}

/** Every source of this OS; a source that cannot be read is reported and skipped, never fatal. */
export async function readPolicySources({ platform = process.platform, env = process.env, userName, io = nodePolicyIo }: ReadPolicyOptions = {}): Promise<PolicyReadResult> {
  try {
    if (platform === 'win32') return await readWindows(io, env);
    if (platform === 'darwin') return await readMac(io, userName ?? os.userInfo().username);
    if (platform === 'linux') return await readLinux(io);
  } catch {
    return { sources: {}, issues: [unreadable('mandatory-machine')] };
  }
  return { sources: {}, issues: [] };
}
