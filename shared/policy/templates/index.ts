// The generated policy templates and where each is committed under build/policy (written by scripts/policy-templates.ts).
import { buildAdml, buildAdmx } from './admx';
import { buildManagedJsonSample, buildRecommendedJsonSample } from './json';
import { buildMobileconfig } from './mobileconfig';

export * from './naming';
export { escapeXml } from './xml';

export interface PolicyTemplateFile {
  /** Relative to the repository root. */
  path: string;
  kind: 'admx' | 'adml' | 'mobileconfig' | 'json';
  content: string;
}

export function policyTemplateFiles(): PolicyTemplateFile[] {
  return [
    { path: 'build/policy/windows/housecall.admx', kind: 'admx', content: buildAdmx() },
    { path: 'build/policy/windows/en-US/housecall.adml', kind: 'adml', content: buildAdml() },
    { path: 'build/policy/macos/care.housecall.workstation.mobileconfig', kind: 'mobileconfig', content: buildMobileconfig() },
    { path: 'build/policy/linux/managed/housecall.json', kind: 'json', content: buildManagedJsonSample() },
    { path: 'build/policy/linux/recommended/housecall.json', kind: 'json', content: buildRecommendedJsonSample() },
  ];
}
