// Resolves the care server URL for the shell: the ServerUrl policy, then --server-url=, then HOUSECALL_SERVER_URL, then the local default.
import { fail, ok, type Result } from './result';
import { parseServerUrl, type ServerEndpoint } from './server-url';

export const DEFAULT_SERVER_URL = 'http://localhost:8787';
export const SERVER_URL_ARGUMENT_PREFIX = '--server-url=';
export const SERVER_URL_ENV_NAME = 'HOUSECALL_SERVER_URL';

export type ServerUrlSource = 'policy' | 'argument' | 'environment' | 'default';

export interface ShellServerConfig {
  server: ServerEndpoint;
  source: ServerUrlSource;
}

export interface ServerUrlInputs {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** The effective ServerUrl policy ('' when not managed): an administrator's setting beats arguments and environment. */
  policyServerUrl?: string;
}

function pickRawServerUrl({ argv, env, policyServerUrl }: ServerUrlInputs): { raw: string; source: ServerUrlSource } {
  if (policyServerUrl !== undefined && policyServerUrl.trim() !== '') return { raw: policyServerUrl, source: 'policy' };
  // The last occurrence wins, as with most command-line options.
  const argument = [...argv].reverse().find((arg) => arg.startsWith(SERVER_URL_ARGUMENT_PREFIX));
  if (argument !== undefined) return { raw: argument.slice(SERVER_URL_ARGUMENT_PREFIX.length), source: 'argument' };
  const fromEnv = env[SERVER_URL_ENV_NAME];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { raw: fromEnv, source: 'environment' };
  return { raw: DEFAULT_SERVER_URL, source: 'default' };
}

const SOURCE_LABEL: Record<ServerUrlSource, string> = {
  policy: 'the ServerUrl policy',
  argument: SERVER_URL_ARGUMENT_PREFIX.slice(0, -1),
  environment: SERVER_URL_ENV_NAME,
  default: 'the built-in default',
};

/** The validated server endpoint, or a message naming where the bad value came from (the value itself is not echoed). */
export function resolveServerConfig(inputs: ServerUrlInputs): Result<ShellServerConfig> {
  const { raw, source } = pickRawServerUrl(inputs);
  const parsed = parseServerUrl(raw);
  if (!parsed.ok) return fail(`Invalid care server URL from ${SOURCE_LABEL[source]}: ${parsed.error}.`);
  return ok({ server: parsed.value, source });
}
