// Checks one raw policy value (from the registry, a plist or a JSON file) against its definition; never echoes the value.
import { z } from 'zod';
import { POLICY_DEFINITIONS, type PolicyDefinition, type PolicyKey, type PolicyStringFormat, type PolicyValues } from './definitions';

/** Why a value was ignored; words for logs and the settings page, free of the value itself. */
export type PolicyValueProblem = 'wrong_type' | 'out_of_range' | 'not_allowed' | 'bad_format' | 'too_long';

export type PolicyValueCheck<K extends PolicyKey> =
  | { kind: 'valid'; value: PolicyValues[K] }
  /** An empty string for a string key: the same as not configuring it. */
  | { kind: 'unset' }
  | { kind: 'invalid'; problem: PolicyValueProblem };

export const POLICY_PROBLEM_TEXT: Readonly<Record<PolicyValueProblem, string>> = {
  wrong_type: 'the value has the wrong type',
  out_of_range: 'the number is outside the allowed range',
  not_allowed: 'the value is not one of the allowed choices',
  bad_format: 'the text is not in the expected format',
  too_long: 'the text is too long',
};

const invalid = (problem: PolicyValueProblem) => ({ kind: 'invalid' as const, problem });

const HOST = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])`;
const PROXY_URI = new RegExp(String.raw`^(?:(?:https?|socks4|socks5|socks|quic)://)?${HOST}(?::\d{1,5})?$`);
const BYPASS_ENTRY = /^(?:<local>|<-loopback>|[A-Za-z0-9*.\-[\]:]+(?::\d{1,5})?(?:\/\d{1,3})?)$/;

/** An absolute URL of one of the protocols, without credentials or fragment (the authority may not contain '@'). */
function isUrlWithProtocols(text: string, protocols: readonly string[]): boolean {
  const match = /^([a-z]+):\/\/([^\s/?#@\\]+)([/?][^\s#\\]*)?$/i.exec(text);
  if (match === null || !protocols.includes(`${match[1]!.toLowerCase()}:`)) return false;
  return z.url().safeParse(text).success;
}

/** Chromium proxy rules: `[scheme=]uri[,uri...]` groups separated by ';', or 'direct://'. */
function isProxyRules(text: string): boolean {
  if (/\s/.test(text)) return false;
  return text.split(';').every((group) => {
    const match = /^(?:(?:http|https|ftp|socks)=)?(.+)$/.exec(group);
    if (match === null || match[1] === undefined) return false;
    return match[1].split(',').every((uri) => uri === 'direct://' || PROXY_URI.test(uri));
  });
}

function isBypassList(text: string): boolean {
  return text.split(/[,;]/).every((entry) => BYPASS_ENTRY.test(entry.trim()));
}

const FORMAT_CHECKS: Readonly<Record<PolicyStringFormat, (text: string) => boolean>> = {
  'server-url': (text) => isUrlWithProtocols(text, ['https:', 'http:']),
  'https-url': (text) => isUrlWithProtocols(text, ['https:']),
  'http-url': (text) => isUrlWithProtocols(text, ['https:', 'http:']),
  'proxy-rules': isProxyRules,
  'bypass-list': isBypassList,
};

function checkValue(definition: PolicyDefinition, raw: unknown): { kind: 'valid'; value: unknown } | { kind: 'unset' } | { kind: 'invalid'; problem: PolicyValueProblem } {
  switch (definition.type) {
    case 'boolean':
      // Registry policies arrive as REG_DWORD 0/1.
      if (typeof raw === 'boolean') return { kind: 'valid', value: raw };
      if (raw === 0 || raw === 1) return { kind: 'valid', value: raw === 1 };
      return invalid('wrong_type');
    case 'integer':
      if (typeof raw !== 'number' || !Number.isInteger(raw)) return invalid('wrong_type');
      if (raw < definition.min || raw > definition.max) return invalid('out_of_range');
      return { kind: 'valid', value: raw };
    case 'enum': {
      if (typeof raw !== 'string') return invalid('wrong_type');
      const value = definition.values.find((candidate) => candidate.toLowerCase() === raw.trim().toLowerCase());
      return value === undefined ? invalid('not_allowed') : { kind: 'valid', value };
    }
    case 'string': {
      if (typeof raw !== 'string') return invalid('wrong_type');
      const text = raw.trim();
      if (text === '') return { kind: 'unset' };
      if (text.length > definition.maxLength) return invalid('too_long');
      return FORMAT_CHECKS[definition.format](text) ? { kind: 'valid', value: text } : invalid('bad_format');
    }
  }
}

export function parsePolicyValue<K extends PolicyKey>(key: K, raw: unknown): PolicyValueCheck<K> {
  return checkValue(POLICY_DEFINITIONS[key], raw) as PolicyValueCheck<K>;
}
