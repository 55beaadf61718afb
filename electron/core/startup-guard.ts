// Command-line switches an installed Housecall refuses to start with: remote debugging, inspectors, disabled sandbox or
// certificate checks, proxies and host rewrites that bypass policy, and Chromium log files that could record URLs.

const FORBIDDEN_SWITCHES = new Set([
  'remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address', 'remote-allow-origins',
  'inspect', 'inspect-brk', 'inspect-port', 'inspect-publish-uid', 'js-flags',
  'no-sandbox', 'disable-web-security', 'disable-site-isolation-trials', 'allow-running-insecure-content',
  'ignore-certificate-errors', 'ignore-certificate-errors-spki-list', 'allow-insecure-localhost',
  'host-rules', 'host-resolver-rules', 'proxy-server', 'proxy-pac-url', 'no-proxy-server',
  'load-extension', 'enable-logging', 'log-file', 'v', 'vmodule',
]);

/** The switch name of an argument ('--name', '--name=value', '-name', and '/name' on Windows), or null. */
function switchName(argument: string, platform: string): string | null {
  const match = (platform === 'win32' ? /^(?:--|-|\/)([A-Za-z][\w-]*)(?:=.*)?$/s : /^(?:--|-)([A-Za-z][\w-]*)(?:=.*)?$/s).exec(argument);
  return match?.[1]?.toLowerCase() ?? null;
}

/** The first forbidden switch in an installed app's argv, or null. Development builds accept everything (tests use them). */
export function forbiddenStartupSwitch(argv: readonly string[], { isPackaged, platform }: { isPackaged: boolean; platform: string }): string | null {
  if (!isPackaged) return null;
  for (const argument of argv.slice(1)) {
    if (argument === '--') break;
    const name = switchName(argument, platform);
    if (name !== null && FORBIDDEN_SWITCHES.has(name)) return name;
  }
  return null;
}
