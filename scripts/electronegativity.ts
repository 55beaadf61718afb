// Static security scan of the Electron shell with @doyensec/electronegativity: the sources in electron/ and, when built,
// the bundles in dist/electron. Fails on any finding of severity MEDIUM or higher that build/security/
// electronegativity-allowlist.json does not justify, and on files the scanner could not parse.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const ALLOW_LIST = 'build/security/electronegativity-allowlist.json';
export const MEDIUM = 2;

export interface Finding {
  id: string;
  severity: { name: string; value: number };
  confidence: { name: string };
  /** Repository-relative path, or 'N/A' for global checks. */
  file: string;
  line: number;
  description: string;
}

export interface AllowListEntry {
  id: string;
  /** Repository-relative paths, or '*' for any (global checks). */
  files: string[];
  reason: string;
}

export interface Classified {
  failing: Finding[];
  allowed: Array<{ finding: Finding; reason: string }>;
  /** Allow-list entries nothing matched (worth removing). */
  unused: AllowListEntry[];
}

export function parseAllowList(text: string): AllowListEntry[] {
  const parsed = JSON.parse(text) as { entries?: unknown };
  if (!Array.isArray(parsed.entries)) throw new Error(`${ALLOW_LIST}: "entries" must be an array.`);
  return parsed.entries.map((entry: Partial<AllowListEntry>, index) => {
    if (typeof entry.id !== 'string' || !Array.isArray(entry.files) || typeof entry.reason !== 'string') {
      throw new Error(`${ALLOW_LIST}: entry ${index} needs id, files and reason.`);
    }
    if (entry.reason.trim().length < 40) throw new Error(`${ALLOW_LIST}: entry ${index} (${entry.id}) needs a real reason.`);
    return { id: entry.id, files: entry.files.map(String), reason: entry.reason };
  });
}

/** Findings below MEDIUM pass; others pass only when an entry names their check and file. */
export function classifyFindings(findings: readonly Finding[], allowList: readonly AllowListEntry[]): Classified {
  const used = new Set<AllowListEntry>();
  const failing: Finding[] = [];
  const allowed: Classified['allowed'] = [];
  for (const finding of findings) {
    if (finding.severity.value < MEDIUM) continue;
    const entry = allowList.find((candidate) => candidate.id === finding.id && (candidate.files.includes('*') || candidate.files.includes(finding.file)));
    if (entry === undefined) {
      failing.push(finding);
    } else {
      used.add(entry);
      allowed.push({ finding, reason: entry.reason });
    }
  }
  return { failing, allowed, unused: allowList.filter((entry) => !used.has(entry)) };
}

interface RunnerIssue {
  id: string;
  severity: { name: string; value: number };
  confidence: { name: string };
  file: string;
  location: { line: number };
  description: string;
}
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<{ issues: RunnerIssue[]; errors: Array<{ file: string; message: string; tolerable: boolean }> }>;

export async function scan(input: string, toRepoPath: (file: string) => string, electronVersion: string): Promise<{ findings: Finding[]; errors: string[] }> {
  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Runner;
  const result = await run(
    { input, isRelative: true, customScan: [], excludeFromScan: [], parserPlugins: [], electronVersionOverride: electronVersion, severitySet: 'informational', confidenceSet: 'tentative' },
    false,
  );
  return {
    findings: result.issues.map((issue) => ({
      id: issue.id,
      severity: { name: issue.severity.name, value: issue.severity.value },
      confidence: { name: issue.confidence.name },
      file: issue.file === 'N/A' ? 'N/A' : toRepoPath(issue.file),
      line: issue.location.line,
      description: issue.description,
    })),
    errors: result.errors.filter((error) => !error.tolerable).map((error) => `${toRepoPath(error.file)}: ${error.message}`),
  };
}

/** The scanner reads .js/.ts only: copy the .cjs bundles as .js into a temporary folder. */
function stageBundles(): { dir: string; toRepoPath: (file: string) => string } | null {
  const bundles = ['main.cjs', 'preload.cjs'].filter((file) => existsSync(path.join(root, 'dist/electron', file)));
  if (bundles.length === 0) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'housecall-electronegativity-'));
  for (const file of bundles) copyFileSync(path.join(root, 'dist/electron', file), path.join(dir, file.replace(/\.cjs$/, '.js')));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"housecall-bundle-scan","private":true}\n');
  return { dir, toRepoPath: (file) => `dist/electron/${path.basename(file).replace(/\.js$/, '.cjs')}` };
}

async function main(): Promise<void> {
  const electronVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  const allowList = parseAllowList(readFileSync(path.join(root, ALLOW_LIST), 'utf8'));
  const sources = await scan(path.join(root, 'electron'), (file) => path.posix.join('electron', file.split(path.sep).join('/')), electronVersion);
  const findings = [...sources.findings];
  const errors = [...sources.errors];
  const bundles = stageBundles();
  if (bundles === null) {
    console.log('electronegativity: dist/electron is not built; scanned the sources only.');
  } else {
    try {
      const scanned = await scan(bundles.dir, bundles.toRepoPath, electronVersion);
      findings.push(...scanned.findings);
      errors.push(...scanned.errors);
    } finally {
      rmSync(bundles.dir, { recursive: true, force: true });
    }
  }
  const { failing, allowed, unused } = classifyFindings(findings, allowList);
  for (const { finding, reason } of allowed) console.log(`allowed  ${finding.id} ${finding.severity.name} ${finding.file}:${finding.line} — ${reason.slice(0, 100)}…`);
  for (const entry of unused) console.warn(`unused allow-list entry ${entry.id} (${entry.files.join(', ')}): remove it if the finding is gone for good.`);
  for (const error of errors) console.error(`could not scan ${error}`);
  for (const finding of failing) console.error(`FINDING  ${finding.id} ${finding.severity.name}/${finding.confidence.name} ${finding.file}:${finding.line} — ${finding.description}`);
  if (failing.length > 0 || errors.length > 0) {
    console.error(`electronegativity: ${failing.length} unexplained finding(s) of severity MEDIUM or higher, ${errors.length} unparsable file(s).`);
    process.exit(1);
  }
  console.log(`electronegativity: no unexplained findings (${findings.length} total, ${allowed.length} allow-listed).`);
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isEntry) await main();
