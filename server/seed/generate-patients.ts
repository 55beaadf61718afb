// Fictional demo patients with their allergies, problems and medications (consistent with each other).
import { DEMO_ALLERGIES } from './data/allergies';
import type { DemoAllergy } from './data/allergies';
import { DEMO_CITIES } from './data/cities';
import type { DemoCity } from './data/cities';
import { DEMO_EMPLOYERS } from './data/employers';
import { DEMO_MEDICATIONS, medicationByCode } from './data/medications';
import type { DemoMedication } from './data/medications';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './data/names';
import { DEMO_PROBLEMS } from './data/problems';
import type { DemoProblem } from './data/problems';
import type { Random } from './prng';
import type { EmployerRow, PatientAllergyRow, PatientMedicationRow, PatientProblemRow, PatientRow, Sex } from './rows';
import { DAY_MS, isoDate } from './time';

const YEAR_MS = 365.25 * DAY_MS;

export interface GeneratedPatient {
  row: PatientRow;
  age: number;
  /** Problem groups (problems.ts), used to pick fitting visit reasons. */
  problemGroups: ReadonlySet<string>;
}

export interface GeneratedPatients {
  patients: GeneratedPatient[];
  allergies: PatientAllergyRow[];
  medications: PatientMedicationRow[];
  problems: PatientProblemRow[];
}

export interface PatientOptions {
  count: number;
  employers: readonly EmployerRow[];
  /** States other than their home state where travelling patients may be (each must have licensed clinicians). */
  travelStates: readonly string[];
}

const ascii = (x: string) => x.toLowerCase().replace(/[^a-z]/g, '');

function pickSex(rng: Random): Sex {
  const r = rng.float();
  if (r < 0.5) return 'female';
  if (r < 0.98) return 'male';
  return r < 0.995 ? 'other' : 'unknown';
}

function pickAge(rng: Random): number {
  const r = rng.float();
  if (r < 0.08) return rng.int(18, 21);
  if (r < 0.84) return rng.int(22, 64);
  return rng.int(65, 90);
}

function ageFactor(problem: DemoProblem, age: number): number {
  if (age < problem.minAge || (problem.maxAge !== undefined && age > problem.maxAge)) return 0;
  switch (problem.ageBias) {
    case 'young':
      return age < 40 ? 1.5 : age < 60 ? 1 : 0.5;
    case 'older':
      return age < 35 ? 0.2 : age < 50 ? 0.8 : age < 65 ? 1.5 : 2.5;
    default:
      return 1;
  }
}

function problemCount(rng: Random, age: number): number {
  const table = age < 35 ? [45, 35, 15, 5, 0] : age < 60 ? [25, 30, 25, 12, 8] : [8, 20, 30, 25, 17];
  const counts = [0, 1, 2, 3, 4];
  return rng.weighted(counts, (n) => table[n]!);
}

/** A random instant between from and to (ms), as 'YYYY-MM-DD'. */
function dateBetween(rng: Random, fromMs: number, toMs: number): string {
  return isoDate(fromMs + Math.floor(rng.float() * Math.max(0, toMs - fromMs)));
}

export function generatePatients(rng: Random, now: Date, options: PatientOptions): GeneratedPatients {
  const idRng = rng.fork('ids');
  const demoRng = rng.fork('demographics');
  const clinicalRng = rng.fork('clinical');
  const nowMs = now.getTime();
  const patients: GeneratedPatient[] = [];
  const allergies: PatientAllergyRow[] = [];
  const medications: PatientMedicationRow[] = [];
  const problems: PatientProblemRow[] = [];
  const usedMrns = new Set<string>();

  for (let i = 0; i < options.count; i++) {
    const city: DemoCity = demoRng.weighted(DEMO_CITIES, (c) => c.patientWeight);
    const sex = pickSex(demoRng);
    const givenPool = sex === 'female' ? FEMALE_GIVEN_NAMES : sex === 'male' ? MALE_GIVEN_NAMES : demoRng.pick([FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES]);
    const given = demoRng.pick(givenPool);
    const family = demoRng.pick(FAMILY_NAMES);
    const age = pickAge(demoRng);
    const birthMs = nowMs - age * YEAR_MS - (1 + demoRng.int(0, 362)) * DAY_MS;
    let mrn: string;
    do mrn = `HC${demoRng.int(1_000_000, 9_999_999)}`;
    while (usedMrns.has(mrn));
    usedMrns.add(mrn);
    const zip = demoRng.pick(city.zips);
    const unit = demoRng.chance(0.3) ? `, Apt ${demoRng.int(1, 30)}${demoRng.pick(['', '', 'A', 'B', 'C'])}` : '';
    const elsewhere = options.travelStates.filter((st) => st !== city.state);
    const locationState = demoRng.chance(0.05) && elsewhere.length > 0 ? demoRng.pick(elsewhere) : city.state;
    const row: PatientRow = {
      id: idRng.uuid(),
      mrn,
      given_name: given,
      family_name: family,
      birth_date: isoDate(birthMs),
      sex,
      phone: demoRng.chance(0.92) ? `(${city.areaCode}) 555-01${String(demoRng.int(0, 99)).padStart(2, '0')}` : null,
      email: demoRng.chance(0.85)
        ? `${ascii(given)}.${ascii(family)}${demoRng.int(1, 99)}@${demoRng.chance(0.7) ? 'example.com' : 'example.org'}`
        : null,
      address_line: `${demoRng.int(100, 9899)} ${demoRng.pick(city.streets)}${unit}`,
      address_city: city.postalCity,
      address_state: city.state,
      postal_code: zip.zip,
      location_state: locationState,
      city_id: city.id,
      // Most working-age patients come through an employer; most retirees on their own.
      employer_id: demoRng.chance(age < 67 ? 0.9 : 0.3) ? demoRng.weighted(options.employers, (e) => employerWeight(e.name)).id : null,
    };

    const patientAllergies = generateAllergies(clinicalRng, idRng, row.id, birthMs, nowMs);
    allergies.push(...patientAllergies.rows);
    const clinical = generateProblemsAndMedications(clinicalRng, idRng, row, age, birthMs, nowMs, patientAllergies.chosen);
    problems.push(...clinical.problems);
    medications.push(...clinical.medications);
    patients.push({ row, age, problemGroups: clinical.groups });
  }
  return { patients, allergies, medications, problems };
}

const EMPLOYER_WEIGHTS = new Map(DEMO_EMPLOYERS.map((e) => [e.name, e.weight]));
const employerWeight = (name: string) => EMPLOYER_WEIGHTS.get(name) ?? 1;

function generateAllergies(rng: Random, idRng: Random, patientId: string, birthMs: number, nowMs: number): { rows: PatientAllergyRow[]; chosen: DemoAllergy[] } {
  if (!rng.chance(0.3)) return { rows: [], chosen: [] };
  const count = rng.weighted([1, 2, 3], (n) => (n === 1 ? 70 : n === 2 ? 22 : 8));
  const chosen: DemoAllergy[] = [];
  while (chosen.length < count) {
    const allergy = rng.weighted(DEMO_ALLERGIES, (a) => (chosen.includes(a) ? 0 : a.weight));
    chosen.push(allergy);
  }
  const rows = chosen.map((allergy): PatientAllergyRow => {
    const reaction = rng.weighted(allergy.reactions, (r) => r.weight);
    return {
      id: idRng.uuid(),
      patient_id: patientId,
      substance: allergy.substance,
      code: allergy.code,
      reaction: reaction.reaction,
      severity: reaction.severity,
      recorded_on: rng.chance(0.9) ? dateBetween(rng, birthMs + 18 * YEAR_MS, nowMs - 7 * DAY_MS) : null,
    };
  });
  return { rows, chosen };
}

function allowed(med: DemoMedication, allergies: readonly DemoAllergy[], taken: readonly DemoMedication[]): boolean {
  if (taken.some((t) => t.rxnormCode === med.rxnormCode)) return false;
  if (allergies.some((a) => a.avoidTags.some((tag) => med.tags.includes(tag)))) return false;
  // No NSAID alongside an anticoagulant (and the other way round).
  const onAnticoagulant = taken.some((t) => t.tags.includes('anticoagulant'));
  const onNsaid = taken.some((t) => t.tags.includes('nsaid'));
  if (onAnticoagulant && med.tags.includes('nsaid')) return false;
  if (onNsaid && med.tags.includes('anticoagulant')) return false;
  return true;
}

function generateProblemsAndMedications(
  rng: Random, idRng: Random, patient: PatientRow, age: number, birthMs: number, nowMs: number, allergies: readonly DemoAllergy[],
): { problems: PatientProblemRow[]; medications: PatientMedicationRow[]; groups: Set<string> } {
  const problems: PatientProblemRow[] = [];
  const medications: PatientMedicationRow[] = [];
  const groups = new Set<string>();
  const taken: DemoMedication[] = [];
  const sex = patient.sex;
  const fits = (pr: DemoProblem) => (pr.sex && pr.sex !== sex ? 0 : ageFactor(pr, age) * pr.weight);

  const addMedication = (med: DemoMedication, status: PatientMedicationRow['status'], startedOn: string) => {
    taken.push(med);
    medications.push({ id: idRng.uuid(), patient_id: patient.id, rxnorm_code: med.rxnormCode, name: med.name, sig: med.sig, status, started_on: startedOn });
  };
  const activeCount = () => medications.filter((x) => x.status === 'active').length;

  const count = problemCount(rng, age);
  for (let k = 0; k < count; k++) {
    const candidates = DEMO_PROBLEMS.filter((pr) => !groups.has(pr.group) && fits(pr) > 0);
    if (candidates.length === 0) break;
    const problem = rng.weighted(candidates, fits);
    groups.add(problem.group);
    const adultFrom = birthMs + Math.max(18, problem.minAge - 5) * 365.25 * DAY_MS;
    const onset = problem.acute
      ? dateBetween(rng, nowMs - 400 * DAY_MS, nowMs - 14 * DAY_MS)
      : dateBetween(rng, Math.max(adultFrom, nowMs - 25 * 365.25 * DAY_MS), nowMs - 30 * DAY_MS);
    problems.push({
      id: idRng.uuid(), patient_id: patient.id, icd10_code: problem.code, description: problem.description,
      status: problem.acute ? 'resolved' : 'active', onset_on: rng.chance(0.9) ? onset : null,
    });
    if (problem.meds.length === 0 || !rng.chance(problem.medChance)) continue;
    const options = problem.meds.map(medicationByCode).filter((med) => allowed(med, allergies, taken));
    if (options.length === 0) continue;
    if (problem.acute) {
      addMedication(rng.pick(options), 'completed', onset);
      continue;
    }
    if (activeCount() >= 5) continue;
    const med = rng.pick(options);
    const startedOn = dateBetween(rng, Date.parse(onset), nowMs - 7 * DAY_MS);
    // Now and then the first choice was stopped and replaced by another.
    const alternative = options.find((o) => o !== med);
    if (alternative && rng.chance(0.08)) addMedication(alternative, 'stopped', dateBetween(rng, Date.parse(onset), Date.parse(startedOn)));
    addMedication(med, 'active', startedOn);
    // Asthma and COPD: a rescue inhaler besides the controller.
    if ((problem.group === 'asthma' || problem.group === 'copd') && med.rxnormCode !== '745679' && activeCount() < 5) {
      const rescue = medicationByCode('745679');
      if (allowed(rescue, allergies, taken)) addMedication(rescue, 'active', startedOn);
    }
  }

  if (allergies.some((a) => a.needsEpinephrine) && rng.chance(0.8) && activeCount() < 5) {
    addMedication(medicationByCode('1870230'), 'active', dateBetween(rng, nowMs - 3 * 365 * DAY_MS, nowMs - 14 * DAY_MS));
  }
  if (sex === 'female' && age <= 45 && rng.chance(0.3) && activeCount() < 5) {
    const options = DEMO_MEDICATIONS.filter((med) => med.tags.includes('contraceptive'));
    addMedication(rng.pick(options), 'active', dateBetween(rng, nowMs - 4 * 365 * DAY_MS, nowMs - 14 * DAY_MS));
  }
  return { problems, medications, groups };
}
