// Writes the managed-policy templates under build/policy (ADMX/ADML, a sample .mobileconfig, sample Linux JSON) from
// shared/policy/definitions.ts. `--check` only compares and exits 1 when a committed file is stale.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { policyTemplateFiles } from '../shared/policy/templates';

const root = path.resolve(import.meta.dirname, '..');
const checkOnly = process.argv.includes('--check');
const stale: string[] = [];

for (const file of policyTemplateFiles()) {
  const target = path.join(root, file.path);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
  if (current === file.content) continue;
  if (checkOnly) {
    stale.push(file.path);
    continue;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, file.content);
  console.log(`wrote ${file.path}`);
}

if (stale.length > 0) {
  console.error(`Policy templates are out of date: ${stale.join(', ')}. Run npm run policy:templates.`);
  process.exit(1);
}
