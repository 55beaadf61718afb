// Where the Solomon instances live for tests: ../shared/data/solomon beside the repository (as on
// developer machines and in CI), or $SOLOMON_DIR.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SOLOMON_DIR = process.env.SOLOMON_DIR ?? path.resolve(import.meta.dirname, '../../../../shared/data/solomon');
export const SOLOMON_INSTANCES = ['C101', 'C102', 'C201', 'R101', 'R102', 'R201', 'RC101', 'RC102', 'RC201'] as const;

export function readInstance(name: string): string {
  return readFileSync(path.join(SOLOMON_DIR, `${name}.txt`), 'utf8');
}
