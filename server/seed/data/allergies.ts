// Allergy substances for demo patients: RxNorm ingredient codes only where certain (none for foods, latex, venom).
export type AllergySeverity = 'mild' | 'moderate' | 'severe';

export interface DemoAllergyReaction {
  reaction: string;
  severity: AllergySeverity;
  weight: number;
}

export interface DemoAllergy {
  substance: string;
  /** RxNorm ingredient code (RXCUI), or null where the substance has none (foods, latex, venom, ...). */
  code: string | null;
  /** Relative frequency among patients who have allergies. */
  weight: number;
  reactions: readonly DemoAllergyReaction[];
  /** Medication tags (see medications.ts) that a patient with this allergy is never given. */
  avoidTags: readonly string[];
  /** Patients with this allergy usually carry an epinephrine auto-injector. */
  needsEpinephrine?: boolean;
}

const hives = (severity: AllergySeverity = 'moderate', weight = 4): DemoAllergyReaction => ({ reaction: 'Hives', severity, weight });
const rash = (weight = 4): DemoAllergyReaction => ({ reaction: 'Rash', severity: 'mild', weight });
const anaphylaxis = (weight = 1): DemoAllergyReaction => ({ reaction: 'Anaphylaxis', severity: 'severe', weight });

export const DEMO_ALLERGIES: readonly DemoAllergy[] = [
  { substance: 'Penicillin', code: '70618', weight: 10, avoidTags: ['penicillin'],
    reactions: [hives(), rash(3), anaphylaxis(1), { reaction: 'Angioedema', severity: 'severe', weight: 1 }] },
  { substance: 'Amoxicillin', code: '723', weight: 4, avoidTags: ['penicillin'], reactions: [rash(5), hives('moderate', 3)] },
  { substance: 'Sulfamethoxazole', code: '10180', weight: 6, avoidTags: ['sulfonamide-antibiotic'],
    reactions: [rash(5), hives('moderate', 3), { reaction: 'Stevens-Johnson syndrome', severity: 'severe', weight: 1 }] },
  { substance: 'Cephalexin', code: '2231', weight: 2, avoidTags: ['cephalosporin'], reactions: [rash(3), hives('moderate', 2)] },
  { substance: 'Codeine', code: '2670', weight: 4, avoidTags: ['opioid'],
    reactions: [{ reaction: 'Nausea and vomiting', severity: 'mild', weight: 4 }, { reaction: 'Itching', severity: 'mild', weight: 2 }] },
  { substance: 'Aspirin', code: '1191', weight: 2, avoidTags: ['aspirin', 'nsaid'],
    reactions: [hives(), { reaction: 'Bronchospasm', severity: 'severe', weight: 1 }, { reaction: 'Stomach upset', severity: 'mild', weight: 2 }] },
  { substance: 'Ibuprofen', code: '5640', weight: 2, avoidTags: ['nsaid'],
    reactions: [hives('moderate', 3), { reaction: 'Facial swelling', severity: 'moderate', weight: 1 }] },
  { substance: 'Morphine', code: '7052', weight: 1, avoidTags: ['opioid'],
    reactions: [{ reaction: 'Itching', severity: 'mild', weight: 3 }, { reaction: 'Nausea', severity: 'mild', weight: 2 }] },
  { substance: 'Lisinopril', code: '29046', weight: 1, avoidTags: ['ace-inhibitor'],
    reactions: [{ reaction: 'Angioedema', severity: 'severe', weight: 2 }, { reaction: 'Persistent dry cough', severity: 'mild', weight: 3 }] },
  { substance: 'Latex', code: null, weight: 2, avoidTags: [],
    reactions: [{ reaction: 'Contact dermatitis', severity: 'mild', weight: 4 }, hives('moderate', 2), anaphylaxis(1)] },
  { substance: 'Peanut', code: null, weight: 3, avoidTags: [], needsEpinephrine: true,
    reactions: [hives('moderate', 3), anaphylaxis(2), { reaction: 'Swelling of lips and tongue', severity: 'severe', weight: 1 }] },
  { substance: 'Tree nuts', code: null, weight: 1, avoidTags: [], needsEpinephrine: true, reactions: [hives('moderate', 2), anaphylaxis(1)] },
  { substance: 'Shellfish', code: null, weight: 2, avoidTags: [], needsEpinephrine: true,
    reactions: [hives('moderate', 3), anaphylaxis(1), { reaction: 'Vomiting', severity: 'moderate', weight: 1 }] },
  { substance: 'Bee venom', code: null, weight: 1, avoidTags: [], needsEpinephrine: true,
    reactions: [{ reaction: 'Large local swelling', severity: 'moderate', weight: 2 }, anaphylaxis(1)] },
  { substance: 'Egg', code: null, weight: 1, avoidTags: [], reactions: [hives('mild', 2), { reaction: 'Stomach cramps', severity: 'mild', weight: 1 }] },
  { substance: 'Iodinated contrast media', code: null, weight: 1, avoidTags: [], reactions: [hives('moderate', 2), { reaction: 'Flushing', severity: 'mild', weight: 1 }] },
  { substance: 'Adhesive tape', code: null, weight: 1, avoidTags: [], reactions: [{ reaction: 'Contact dermatitis', severity: 'mild', weight: 1 }] },
  { substance: 'Cat dander', code: null, weight: 1, avoidTags: [], reactions: [{ reaction: 'Sneezing and itchy eyes', severity: 'mild', weight: 1 }] },
];
