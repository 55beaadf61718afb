// Prescription safety checks, pure and shared by the workstation (before signing) and the server (which
// re-checks on its own data when the signed prescription arrives): drug-allergy with class
// cross-sensitivity, drug-drug (ONC pairs), duplicate therapy, licensure, controlled substances, order limits.
// Each finding is a hard stop or a warning; a warning may be overridden only with a stated reason.
import type { Formulary, FormularyProduct } from '../rx/formulary';
import type { FindingKind, Override, RxOrder, SafetyFinding } from '../domain/prescription';
import type { StateLicense } from '../domain/user';
import type { UsState } from '../domain/states';
import { checkLicensure } from './licensure';
import { interactingPairs } from './drug-interactions';

export interface AllergyFact { substance: string; code: string | null }
export interface ActiveMedicationFact { rxnormCode: string; name: string }

export interface SafetyInput {
  formulary: Formulary;
  order: RxOrder;
  allergies: readonly AllergyFact[];
  /** The patient's active medications (stopped and completed ones are not passed). */
  activeMedications: readonly ActiveMedicationFact[];
  licenses: readonly StateLicense[];
  patientState: UsState | null;
  /**
   * The prescriber's DEA registration number and its expiry (ISO date), null when none is on file, or 'unknown'
   * on a device that does not hold it (the server checks it at signing).
   */
  dea: { number: string; expiresOn: string } | null | 'unknown';
  /** Second factor for controlled substances: verified at signing, pending (not asked yet, e.g. on screen), or absent. */
  secondFactor: 'verified' | 'pending' | 'absent';
  at: Date;
}

/** Allergy classes where a class allergy is a hard stop (otherwise a warning). */
const HARD_STOP_CLASSES: ReadonlySet<string> = new Set(['penicillins', 'cephalosporins', 'sulfonamide_antibiotics']);

/** Cross-sensitive allergy classes (AAAAI/ACAAI drug allergy practice parameter 2022): a warning. */
export const CROSS_SENSITIVE_CLASSES: ReadonlyArray<readonly [string, string]> = [
  ['penicillins', 'cephalosporins'],
  ['salicylates', 'nsaids'],
];

/** Words an allergy list may use for a whole class. */
const CLASS_WORDS: Readonly<Record<string, string>> = {
  penicillins: 'penicillins', cephalosporins: 'cephalosporins', 'sulfa drugs': 'sulfonamide_antibiotics', sulfa: 'sulfonamide_antibiotics',
  sulfonamides: 'sulfonamide_antibiotics', nsaids: 'nsaids', opioids: 'opioids', macrolides: 'macrolides', fluoroquinolones: 'fluoroquinolones',
  tetracyclines: 'tetracyclines', 'ace inhibitors': 'ace_inhibitors',
};

const norm = (s: string) => s.trim().toLowerCase();

function productClasses(f: Formulary, p: FormularyProduct): Set<string> {
  const out = new Set<string>();
  for (const i of p.ingredients) for (const c of f.ingredients.get(i)?.allergyClasses ?? []) out.add(c);
  return out;
}

/** Ingredient names plus interaction groups: what the ONC pairs are matched against. */
export function interactionTags(f: Formulary, p: FormularyProduct): Set<string> {
  const out = new Set<string>(p.ingredients);
  for (const i of p.ingredients) for (const g of f.ingredients.get(i)?.interactionGroups ?? []) out.add(g);
  return out;
}

/** The ingredient an allergy names (by name first, then by RxNorm ingredient code), and the classes it implies. */
function allergyFacts(f: Formulary, a: AllergyFact): { ingredient: string | null; classes: Set<string> } {
  const name = norm(a.substance);
  const byName = f.ingredients.get(name);
  const byCode = !byName && a.code ? [...f.ingredients.values()].find((i) => i.rxcui === a.code) : undefined;
  const ing = byName ?? byCode;
  const classes = new Set<string>(ing?.allergyClasses ?? []);
  const classWord = CLASS_WORDS[name];
  if (classWord) classes.add(classWord);
  return { ingredient: ing?.name ?? (classWord ? null : name), classes };
}

function allergyFindings(f: Formulary, p: FormularyProduct, allergies: readonly AllergyFact[]): SafetyFinding[] {
  const out: SafetyFinding[] = [];
  const mine = productClasses(f, p);
  allergies.forEach((a, idx) => {
    const facts = allergyFacts(f, a);
    const key = `allergy:${idx}:${norm(a.substance).replace(/[^a-z0-9]+/g, '-')}`;
    if (facts.ingredient && p.ingredients.includes(facts.ingredient)) {
      out.push({ key, kind: 'allergy', severity: 'hard_stop', message: `Allergy to ${a.substance}: it is an ingredient of ${p.name}.` });
      return;
    }
    const shared = [...facts.classes].find((c) => mine.has(c));
    if (shared) {
      out.push({
        key, kind: 'allergy', severity: HARD_STOP_CLASSES.has(shared) ? 'hard_stop' : 'warning',
        message: `Allergy to ${a.substance}: ${p.name} is in the same class (${shared.replace(/_/g, ' ')}).`,
      });
      return;
    }
    for (const [x, y] of CROSS_SENSITIVE_CLASSES) {
      const hit = (facts.classes.has(x) && mine.has(y)) || (facts.classes.has(y) && mine.has(x));
      if (hit) {
        out.push({ key, kind: 'allergy', severity: 'warning', message: `Allergy to ${a.substance}: possible cross-sensitivity (${x} and ${y}).` });
        return;
      }
    }
  });
  return out;
}

function medicationFindings(f: Formulary, p: FormularyProduct, meds: readonly ActiveMedicationFact[]): SafetyFinding[] {
  const out: SafetyFinding[] = [];
  const tags = interactionTags(f, p);
  for (const med of meds) {
    const other = f.byCode.get(med.rxnormCode);
    if (!other) {
      out.push({ key: `unchecked:${med.rxnormCode}`, kind: 'interaction', severity: 'warning', message: `Active medication ${med.name} is not in the formulary and could not be checked.` });
      continue;
    }
    for (const pair of interactingPairs(tags, interactionTags(f, other))) {
      out.push({ key: `interaction:${pair.id}:${other.rxcui}`, kind: 'interaction', severity: 'warning', message: `Interaction with active ${other.name}: ${pair.label} (ONC pair ${pair.id}).` });
    }
    const sameIngredient = p.ingredients.some((i) => other.ingredients.includes(i));
    if (sameIngredient || other.therapeuticClass === p.therapeuticClass) {
      out.push({
        key: `duplicate:${other.rxcui}`, kind: 'duplicate', severity: 'warning',
        message: `Duplicate therapy: the patient already takes ${other.name} (${sameIngredient ? 'same ingredient' : p.therapeuticClass.replace(/_/g, ' ')}).`,
      });
    }
  }
  return out;
}

function controlledFindings(input: SafetyInput, p: FormularyProduct): SafetyFinding[] {
  const out: SafetyFinding[] = [];
  if (p.schedule === 'II' && input.order.refills > 0) {
    out.push({ key: 'order:refills-schedule-ii', kind: 'order', severity: 'hard_stop', message: 'Schedule II prescriptions cannot have refills.' });
  }
  if (p.schedule === 'none') return out;
  const today = input.at.toISOString().slice(0, 10);
  if (input.dea === 'unknown') {
    // checked by the server at signing
  } else if (!input.dea) {
    out.push({ key: 'controlled:no-dea', kind: 'controlled', severity: 'hard_stop', message: `${p.name} is a schedule ${p.schedule} controlled substance: you have no DEA registration on file.` });
  } else if (input.dea.expiresOn < today) {
    out.push({ key: 'controlled:dea-expired', kind: 'controlled', severity: 'hard_stop', message: `Your DEA registration expired on ${input.dea.expiresOn}.` });
  }
  if (input.secondFactor === 'absent') {
    out.push({ key: 'controlled:second-factor', kind: 'controlled', severity: 'hard_stop', message: 'Controlled substances are signed online with your authenticator code.' });
  }
  return out;
}

/** Every finding for the order; an unknown drug code is itself a hard stop. */
export function checkPrescription(input: SafetyInput): SafetyFinding[] {
  const p = input.formulary.byCode.get(input.order.rxcui);
  if (!p) return [{ key: 'order:unknown-drug', kind: 'order', severity: 'hard_stop', message: `RxNorm code ${input.order.rxcui} is not in the formulary.` }];
  const out: SafetyFinding[] = [];
  if (input.order.quantity > input.order.daysSupply * 24) {
    out.push({ key: 'order:quantity', kind: 'order', severity: 'hard_stop', message: `A quantity of ${input.order.quantity} for ${input.order.daysSupply} days is not plausible.` });
  }
  const lic = checkLicensure(input.licenses, input.patientState, input.at);
  if (!lic.eligible) out.push({ key: `licensure:${lic.reason}`, kind: 'licensure', severity: 'hard_stop', message: lic.message });
  out.push(...controlledFindings(input, p), ...allergyFindings(input.formulary, p, input.allergies), ...medicationFindings(input.formulary, p, input.activeMedications));
  return out;
}

export type OverrideOutcome =
  | { ok: true; recorded: Array<Override & { kind: FindingKind; message: string }> }
  | { ok: false; blocking: SafetyFinding[]; message: string };

/** Whether the findings allow signing with these overrides: no hard stop, and a reason for every warning. */
export function resolveOverrides(findings: readonly SafetyFinding[], overrides: readonly Override[]): OverrideOutcome {
  const reasons = new Map(overrides.filter((o) => o.reason.trim().length >= 5).map((o) => [o.key, o.reason.trim()]));
  const hard = findings.filter((f) => f.severity === 'hard_stop');
  const unexplained = findings.filter((f) => f.severity === 'warning' && !reasons.has(f.key));
  if (hard.length > 0 || unexplained.length > 0) {
    const parts: string[] = [];
    if (hard.length) parts.push(`${hard.length} hard stop${hard.length > 1 ? 's' : ''} (${[...new Set(hard.map((f) => f.kind))].join(', ')})`);
    if (unexplained.length) parts.push(`${unexplained.length} warning${unexplained.length > 1 ? 's' : ''} without an override reason (${[...new Set(unexplained.map((f) => f.kind))].join(', ')})`);
    return { ok: false, blocking: [...hard, ...unexplained], message: `The safety checks do not allow signing: ${parts.join(' and ')}.` };
  }
  return {
    ok: true,
    recorded: findings.filter((f) => f.severity === 'warning').map((f) => ({ key: f.key, reason: reasons.get(f.key)!, kind: f.kind, message: f.message })),
  };
}
