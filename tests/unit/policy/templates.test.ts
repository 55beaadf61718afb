// The committed policy templates in build/policy are exactly what scripts/policy-templates.ts generates, are well-formed,
// and cover every policy key (ADMX policies, ADML strings and presentations, mobileconfig keys, Linux JSON).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_DEFINITIONS, POLICY_KEYS, type PolicyDefinition } from '../../../shared/policy';
import { policyTemplateFiles, WINDOWS_POLICY_KEY, WINDOWS_RECOMMENDED_POLICY_KEY } from '../../../shared/policy/templates';
import { allElements, parseXml, type XmlElement } from './xml-well-formed';

const root = path.resolve(import.meta.dirname, '../../..');
const files = policyTemplateFiles();
const generated = (kind: string): string => files.find((file) => file.kind === kind)!.content;
const byName = (tree: XmlElement, name: string): XmlElement[] => allElements(tree).filter((element) => element.name === name);

describe('committed policy templates', () => {
  it.each(files.map((file) => [file.path, file] as const))('%s is up to date (run npm run policy:templates)', (_path, file) => {
    expect(readFileSync(path.join(root, file.path), 'utf8')).toBe(file.content);
  });

  it.each(files.filter((file) => file.kind !== 'json').map((file) => [file.path, file] as const))('%s is well-formed XML', (_path, file) => {
    expect(() => parseXml(file.content)).not.toThrow();
  });
});

describe('ADMX and ADML', () => {
  const admx = parseXml(generated('admx'));
  const adml = parseXml(generated('adml'));
  const policies = byName(admx, 'policy');
  const strings = new Map(byName(adml, 'string').map((element) => [element.attributes.id!, element.text]));
  const presentations = new Set(byName(adml, 'presentation').map((element) => element.attributes.id!));

  it('has a mandatory and a recommended policy for every key, in the right registry key', () => {
    for (const key of POLICY_KEYS) {
      const mandatory = policies.find((policy) => policy.attributes.name === key);
      const recommended = policies.find((policy) => policy.attributes.name === `${key}_recommended`);
      expect(mandatory?.attributes.key, key).toBe(WINDOWS_POLICY_KEY);
      expect(recommended?.attributes.key, key).toBe(WINDOWS_RECOMMENDED_POLICY_KEY);
      expect(mandatory?.attributes.class).toBe('Both');
    }
    expect(policies).toHaveLength(POLICY_KEYS.length * 2);
  });

  it('writes each key under its own value name with its bounds', () => {
    for (const key of POLICY_KEYS) {
      const definition: PolicyDefinition = POLICY_DEFINITIONS[key];
      const policy = policies.find((candidate) => candidate.attributes.name === key)!;
      const valueNames = allElements(policy).map((element) => element.attributes.valueName).filter(Boolean);
      expect(valueNames, key).toEqual([key]);
      if (definition.type === 'integer') {
        const decimal = byName(policy, 'decimal')[0]!;
        expect([decimal.attributes.minValue, decimal.attributes.maxValue]).toEqual([String(definition.min), String(definition.max)]);
      }
      if (definition.type === 'enum') expect(byName(policy, 'string').map((element) => element.text)).toEqual([...definition.values]);
    }
  });

  it('resolves every $(string.x) and $(presentation.x) reference in the ADML', () => {
    const references = allElements(admx).flatMap((element) => Object.values(element.attributes));
    for (const reference of references) {
      const stringRef = /^\$\(string\.(.+)\)$/.exec(reference);
      if (stringRef) expect(strings.has(stringRef[1]!), reference).toBe(true);
      const presentationRef = /^\$\(presentation\.(.+)\)$/.exec(reference);
      if (presentationRef) expect(presentations.has(presentationRef[1]!), reference).toBe(true);
    }
    for (const key of POLICY_KEYS) expect(strings.get(`${key}_Explain`), key).toContain(POLICY_DEFINITIONS[key].description.slice(0, 30));
  });

  it('refers only to categories it defines', () => {
    const categories = new Set(byName(admx, 'category').map((element) => element.attributes.name!));
    for (const parent of byName(admx, 'parentCategory')) expect(categories.has(parent.attributes.ref!), parent.attributes.ref).toBe(true);
  });
});

describe('mobileconfig', () => {
  const plist = parseXml(generated('mobileconfig'));
  const payload = byName(plist, 'dict')[1]!;
  const keys = payload.children.filter((element) => element.name === 'key').map((element) => element.text);

  it('is a Configuration profile with one payload for the app domain', () => {
    expect(plist.name).toBe('plist');
    expect(keys).toEqual(expect.arrayContaining(['PayloadType', 'PayloadIdentifier', 'PayloadUUID', 'PayloadVersion']));
    const typeIndex = payload.children.findIndex((element) => element.name === 'key' && element.text === 'PayloadType');
    expect(payload.children[typeIndex + 1]?.text).toBe('care.housecall.workstation');
  });

  it('sets every key with a value of its type', () => {
    for (const key of POLICY_KEYS) {
      const definition: PolicyDefinition = POLICY_DEFINITIONS[key];
      const index = payload.children.findIndex((element) => element.name === 'key' && element.text === key);
      expect(index, key).toBeGreaterThan(-1);
      const value = payload.children[index + 1]!;
      const expected = { boolean: definition.example === true ? 'true' : 'false', integer: 'integer', string: 'string', enum: 'string' }[definition.type];
      expect(value.name, key).toBe(expected);
    }
  });
});

describe('Linux JSON samples', () => {
  it('the managed sample sets every key to a valid value', () => {
    const sample = JSON.parse(generated('json')) as Record<string, unknown>;
    expect(Object.keys(sample).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('the recommended sample only uses known keys', () => {
    const recommended = files.find((file) => file.path.includes('/recommended/'))!;
    for (const key of Object.keys(JSON.parse(recommended.content) as object)) expect(POLICY_KEYS).toContain(key);
  });
});
