// `npm run fhir:import -- <bundle.json>... [--care-team <clinician email>] [--source <uri>]`: imports FHIR R4
// transaction/collection bundles into the configured database (DATABASE_URL, else PGlite in DATA_DIR), one
// transaction per bundle. Prints counts only, never patient data (nor file names, which can name patients).
// Exit 0 when every bundle was imported, 1 when one was rejected or the database could not be opened, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../server/config';
import { openDatabase } from '../server/db/open';
import { DataDirLockedError } from '../server/db/data-dir-lock';
import { importBundle } from '../server/fhir/import/import-bundle';
import type { Database } from '../server/db/database';
import { IMPORT_REJECTION_REASONS } from '../shared/fhir/import-report';
import type { ImportReport } from '../shared/fhir/import-report';

const USAGE = 'usage: npm run fhir:import -- <bundle.json>... [--care-team <clinician email>] [--source <uri>]';

interface Args { files: string[]; careTeam?: string; source?: string }

function parseArgs(argv: string[]): Args | null {
  const args: Args = { files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--care-team' || a === '--source') {
      const value = argv[++i];
      if (!value) return null;
      if (a === '--care-team') args.careTeam = value.toLowerCase();
      else args.source = value;
    } else if (a.startsWith('--')) return null;
    else args.files.push(a);
  }
  return args.files.length > 0 ? args : null;
}

function printReport(n: number, r: ImportReport): void {
  console.log(`Bundle ${n}: imported (${r.bundleType}, ${r.entries} entries, ${r.patientIds.length} patient(s))`);
  const types = [...new Set([...Object.keys(r.created), ...Object.keys(r.updated), ...Object.keys(r.unchanged)])].sort();
  for (const t of types) console.log(`  ${t.padEnd(22)} created ${r.created[t] ?? 0}, updated ${r.updated[t] ?? 0}, unchanged ${r.unchanged[t] ?? 0}`);
  const unsupported = Object.entries(r.unsupported).sort(([a], [b]) => a.localeCompare(b));
  if (unsupported.length) console.log(`  not imported (unsupported): ${unsupported.map(([t, c]) => `${t} ${c}`).join(', ')}`);
  for (const x of r.rejected) console.log(`  rejected entry ${x.entry} (${x.resourceType}): ${IMPORT_REJECTION_REASONS[x.reason]}`);
  if (r.careTeamAdded) console.log(`  care team: clinician added to ${r.careTeamAdded} patient(s)`);
  else if (r.patientIds.length) console.log('  care team: none added (no clinician can see these patients until one is assigned; use --care-team)');
}

async function clinicianId(db: Database, email: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = $1 AND role = 'clinician' AND NOT disabled`, [email]);
  return rows[0]?.id ?? null;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    console.error(error instanceof DataDirLockedError ? error.message : `Could not open the database: ${(error as Error).name}`);
    return 1;
  }
  try {
    const careTeamUserId = args.careTeam ? await clinicianId(db, args.careTeam) : undefined;
    if (careTeamUserId === null) {
      console.error('--care-team: no active clinician has that email. Nothing was imported.');
      return 1;
    }
    let exit = 0;
    for (const [i, file] of args.files.entries()) {
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        console.error(`Bundle ${i + 1}: ${(error as NodeJS.ErrnoException).code ? 'cannot be read' : 'is not valid JSON'}. Nothing was imported from it.`);
        exit = 1;
        continue;
      }
      const outcome = await importBundle(db, input, {
        actor: { userId: null, role: null, sessionId: null, deviceId: 'cli-fhir-import', ip: null },
        ...(careTeamUserId ? { careTeamUserId } : {}), ...(args.source ? { sourceSystem: args.source } : {}),
      });
      if (outcome.ok) printReport(i + 1, outcome.report);
      else {
        exit = 1;
        console.error(`Bundle ${i + 1}: ${outcome.message}`);
        for (const issue of outcome.issues.slice(0, 20)) console.error(`  ${issue.path}: ${issue.message}`);
        if (outcome.issues.length > 20) console.error(`  ... and ${outcome.issues.length - 20} more`);
      }
    }
    return exit;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
