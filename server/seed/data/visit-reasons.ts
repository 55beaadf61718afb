// Reasons for demo visits, by kind of visit and by who can do them.
export const VIDEO_VISIT_REASONS: readonly string[] = [
  'Sore throat', 'Cough and congestion', 'Medication refill', 'Follow-up: blood pressure', 'Rash', 'Urinary symptoms',
  'Travel health consultation', 'Anxiety follow-up', 'Low back pain', 'Review of lab results', 'Seasonal allergies',
  'Red, itchy eye', 'Fever and body aches', 'Headache', 'Follow-up: diabetes', 'Sleep problems', 'Ear pain',
  'Sinus pressure', 'Stomach upset', 'Contraception counseling', 'Annual wellness check-in', 'Minor sports injury',
];

/** Home visits that need an exam (nurse practitioner). */
export const EXAM_HOME_VISIT_REASONS: readonly string[] = [
  'Lung exam: persistent cough', 'Strep test and throat exam', 'Ear exam', 'Follow-up exam after video visit',
  'Wound check', 'Flu vaccination', 'Abdominal pain exam',
];

/** Home visits a registered nurse does. */
export const NURSE_HOME_VISIT_REASONS: readonly string[] = [
  'Blood draw: lipid panel', 'Blood draw: CBC and metabolic panel', 'Flu vaccination', 'Wound check and dressing change',
  'Blood draw: thyroid panel', 'Tdap vaccination', 'Rapid strep test', 'Blood pressure check',
];

/** Home visits a phlebotomist does. */
export const PHLEBOTOMY_VISIT_REASONS: readonly string[] = [
  'Blood draw: lipid panel', 'Blood draw: CBC and metabolic panel', 'Blood draw: thyroid panel', 'Blood draw: vitamin D',
  'Blood draw: iron studies',
];

/** Lab draw for a patient with diabetes. */
export const DIABETES_DRAW_REASON = 'Blood draw: HbA1c';
