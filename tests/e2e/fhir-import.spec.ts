// The admin's FHIR import screen against the real care server: a Synthea transaction Bundle picked as a file is
// imported with counts per resource type (unsupported ones counted), importing it again changes nothing, and a
// file that is not a valid Bundle is refused with a clear message.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { demoUser } from './support/demo-users';
import { signIn } from './support/sign-in';

const admin = demoUser('admin');
const SYNTHEA = path.resolve(import.meta.dirname, '../../../shared/data/synthea');
const FILE = path.join(SYNTHEA, 'Kermit_Trantow_f1a650a5-737e-4fd7-828e-03c3348b9524.json');

/** The cells of a resource type's row: [created, updated, unchanged, not supported, rejected]. */
async function countsOf(page: Page, resourceType: string): Promise<number[]> {
  const row = page.getByRole('table', { name: 'Resources by type' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: resourceType, exact: true }) });
  return (await row.getByRole('cell').allTextContents()).map(Number);
}

test('an admin imports a Synthea bundle from a file, again without changes, and a bad file is refused', async ({ page }) => {
  const bundle = JSON.parse(readFileSync(FILE, 'utf8')) as { entry: Array<{ resource: { resourceType: string } }> };
  const inBundle = (type: string) => bundle.entry.filter((e) => e.resource.resourceType === type).length;

  await signIn(page, admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'FHIR import' }).click();
  await expect(page.getByRole('heading', { name: 'Import a FHIR R4 Bundle' })).toBeVisible();
  const importButton = page.getByRole('button', { name: 'Import bundle' });
  await expect(importButton).toBeDisabled();

  await page.getByLabel('Bundle file (JSON)').setInputFiles(FILE);
  await importButton.click();
  await expect(page.getByRole('status').filter({ hasText: /^Imported Kermit_Trantow/ })).toContainText(`(transaction bundle, ${bundle.entry.length} entries)`, { timeout: 60_000 });
  expect(await countsOf(page, 'Patient')).toEqual([1, 0, 0, 0, 0]);
  for (const type of ['Encounter', 'Condition', 'AllergyIntolerance', 'MedicationRequest', 'Practitioner']) expect(await countsOf(page, type), type).toEqual([inBundle(type), 0, 0, 0, 0]);
  expect(await countsOf(page, 'Claim')).toEqual([0, 0, 0, inBundle('Claim'), 0]);
  expect(await countsOf(page, 'Observation:laboratory')).toEqual([0, 0, 0, 14, 0]);
  // Every Observation is accounted for: vital signs created, the rest (laboratory, survey, pain score) counted as not supported.
  const observationTypes = (await page.getByRole('table', { name: 'Resources by type' }).getByRole('rowheader').allTextContents()).filter((t) => t.startsWith('Observation'));
  let observations = 0;
  for (const type of observationTypes) {
    const [created, , , unsupported] = await countsOf(page, type);
    observations += created! + unsupported!;
  }
  expect(observations).toBe(inBundle('Observation'));
  expect((await countsOf(page, 'Observation'))[0]).toBeGreaterThan(0);

  // Again: nothing is created or updated.
  await page.getByLabel('Bundle file (JSON)').setInputFiles(FILE);
  await importButton.click();
  await expect(page.getByRole('status').filter({ hasText: /^Imported Kermit_Trantow/ })).toContainText(' 0 created, 0 updated,', { timeout: 60_000 });
  expect(await countsOf(page, 'Encounter')).toEqual([0, 0, inBundle('Encounter'), 0, 0]);

  // Not JSON, then JSON that is not a valid Bundle: refused, nothing imported.
  await page.getByLabel('Bundle file (JSON)').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not json at all') });
  await importButton.click();
  await expect(page.getByRole('alert')).toContainText('The file is not valid JSON, so it cannot be a FHIR Bundle. Nothing was imported.');
  await page.getByLabel('Bundle file (JSON)').setInputFiles({ name: 'batch.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: [] })) });
  await importButton.click();
  await expect(page.getByRole('alert')).toContainText('Import of batch.json failed');
  await expect(page.getByRole('alert')).toContainText('Nothing was imported:');
  await expect(page.getByRole('table', { name: 'Resources by type' })).toHaveCount(0);
});
