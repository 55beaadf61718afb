// Problem-list entries for demo patients: ICD-10-CM codes checked against the FY2021 code set
// (shared/data/icd10cm/icd10cm-order-Jan-2021.txt.gz, all billable), with the medications that usually treat them.
export type AgeBias = 'young' | 'any' | 'older';

export interface DemoProblem {
  /** ICD-10-CM code with its dot, e.g. 'E11.9'. */
  code: string;
  description: string;
  /** At most one problem of a group per patient (e.g. one kind of diabetes). */
  group: string;
  weight: number;
  minAge: number;
  maxAge?: number;
  ageBias: AgeBias;
  sex?: 'female' | 'male';
  /** RxNorm codes (medications.ts) of which one is usually prescribed for it. */
  meds: readonly string[];
  /** Chance that a patient with this problem takes one of meds. */
  medChance: number;
  /** An acute problem, recorded as resolved, with its short course of medication completed. */
  acute?: boolean;
}

type P = Omit<DemoProblem, 'medChance'> & { medChance?: number };
const p = (x: P): DemoProblem => ({ medChance: x.meds.length > 0 ? 0.8 : 0, ...x });

export const DEMO_PROBLEMS: readonly DemoProblem[] = [
  p({ code: 'I10', description: 'Essential (primary) hypertension', group: 'hypertension', weight: 14, minAge: 25, ageBias: 'older', meds: ['197361', '316049', '866414', '833036'], medChance: 0.85 }),
  p({ code: 'E11.9', description: 'Type 2 diabetes mellitus without complications', group: 'diabetes', weight: 6, minAge: 30, ageBias: 'older', meds: ['860975'] }),
  p({ code: 'E11.65', description: 'Type 2 diabetes mellitus with hyperglycemia', group: 'diabetes', weight: 2, minAge: 35, ageBias: 'older', meds: ['860975', '106892'], medChance: 0.95 }),
  p({ code: 'E11.40', description: 'Type 2 diabetes mellitus with diabetic neuropathy, unspecified', group: 'diabetes', weight: 1, minAge: 45, ageBias: 'older', meds: ['860975'], medChance: 0.95 }),
  p({ code: 'R73.03', description: 'Prediabetes', group: 'diabetes', weight: 4, minAge: 25, ageBias: 'any', meds: [] }),
  p({ code: 'E78.5', description: 'Hyperlipidemia, unspecified', group: 'lipids', weight: 10, minAge: 30, ageBias: 'older', meds: ['312961'], medChance: 0.7 }),
  p({ code: 'E78.2', description: 'Mixed hyperlipidemia', group: 'lipids', weight: 3, minAge: 35, ageBias: 'older', meds: ['312961', '259255'] }),
  p({ code: 'I25.10', description: 'Atherosclerotic heart disease of native coronary artery without angina pectoris', group: 'cad', weight: 2, minAge: 50, ageBias: 'older', meds: ['243670', '309362', '705129'], medChance: 0.95 }),
  p({ code: 'I48.91', description: 'Unspecified atrial fibrillation', group: 'afib', weight: 2, minAge: 55, ageBias: 'older', meds: ['855332', '866414', '197604'], medChance: 0.95 }),
  p({ code: 'J45.909', description: 'Unspecified asthma, uncomplicated', group: 'asthma', weight: 6, minAge: 18, ageBias: 'any', meds: ['745679', '895994'], medChance: 0.9 }),
  p({ code: 'J45.20', description: 'Mild intermittent asthma, uncomplicated', group: 'asthma', weight: 3, minAge: 18, ageBias: 'young', meds: ['745679'], medChance: 0.9 }),
  p({ code: 'J44.9', description: 'Chronic obstructive pulmonary disease, unspecified', group: 'copd', weight: 2, minAge: 50, ageBias: 'older', meds: ['896209', '745679'], medChance: 0.9 }),
  p({ code: 'J30.2', description: 'Other seasonal allergic rhinitis', group: 'rhinitis', weight: 6, minAge: 18, ageBias: 'young', meds: ['311372', '997501', '1014676'], medChance: 0.6 }),
  p({ code: 'J30.9', description: 'Allergic rhinitis, unspecified', group: 'rhinitis', weight: 3, minAge: 18, ageBias: 'any', meds: ['311372', '1014676'], medChance: 0.6 }),
  p({ code: 'F41.1', description: 'Generalized anxiety disorder', group: 'anxiety', weight: 6, minAge: 18, ageBias: 'young', meds: ['328670'], medChance: 0.6 }),
  p({ code: 'F41.9', description: 'Anxiety disorder, unspecified', group: 'anxiety', weight: 3, minAge: 18, ageBias: 'young', meds: ['328670'], medChance: 0.4 }),
  p({ code: 'F32.9', description: 'Major depressive disorder, single episode, unspecified', group: 'depression', weight: 4, minAge: 18, ageBias: 'any', meds: ['328670'], medChance: 0.7 }),
  p({ code: 'F33.0', description: 'Major depressive disorder, recurrent, mild', group: 'depression', weight: 2, minAge: 18, ageBias: 'any', meds: ['328670'], medChance: 0.8 }),
  p({ code: 'F43.10', description: 'Post-traumatic stress disorder, unspecified', group: 'ptsd', weight: 1, minAge: 18, ageBias: 'any', meds: ['328670'], medChance: 0.6 }),
  p({ code: 'F90.0', description: 'Attention-deficit hyperactivity disorder, predominantly inattentive type', group: 'adhd', weight: 2, minAge: 18, maxAge: 50, ageBias: 'young', meds: ['1091392'], medChance: 0.7 }),
  p({ code: 'G47.00', description: 'Insomnia, unspecified', group: 'sleep', weight: 3, minAge: 18, ageBias: 'any', meds: ['1049630'], medChance: 0.4 }),
  p({ code: 'G47.33', description: 'Obstructive sleep apnea (adult) (pediatric)', group: 'osa', weight: 3, minAge: 30, ageBias: 'older', meds: [] }),
  p({ code: 'G43.909', description: 'Migraine, unspecified, not intractable, without status migrainosus', group: 'migraine', weight: 4, minAge: 18, ageBias: 'young', meds: ['198014', '310965'], medChance: 0.7 }),
  p({ code: 'R51.9', description: 'Headache, unspecified', group: 'migraine', weight: 1, minAge: 18, ageBias: 'any', meds: ['313782'], medChance: 0.5 }),
  p({ code: 'K21.9', description: 'Gastro-esophageal reflux disease without esophagitis', group: 'gerd', weight: 7, minAge: 20, ageBias: 'any', meds: [] }),
  p({ code: 'K58.9', description: 'Irritable bowel syndrome without diarrhea', group: 'ibs', weight: 2, minAge: 18, ageBias: 'young', meds: [] }),
  p({ code: 'K76.0', description: 'Fatty (change of) liver, not elsewhere classified', group: 'liver', weight: 2, minAge: 30, ageBias: 'any', meds: [] }),
  p({ code: 'E03.9', description: 'Hypothyroidism, unspecified', group: 'thyroid', weight: 5, minAge: 25, ageBias: 'older', meds: ['966222'], medChance: 0.95 }),
  p({ code: 'E66.9', description: 'Obesity, unspecified', group: 'obesity', weight: 6, minAge: 18, ageBias: 'any', meds: [] }),
  p({ code: 'E66.01', description: 'Morbid (severe) obesity due to excess calories', group: 'obesity', weight: 1, minAge: 18, ageBias: 'any', meds: [] }),
  p({ code: 'E55.9', description: 'Vitamin D deficiency, unspecified', group: 'vitamin-d', weight: 4, minAge: 18, ageBias: 'any', meds: [] }),
  p({ code: 'D64.9', description: 'Anemia, unspecified', group: 'anemia', weight: 2, minAge: 18, ageBias: 'any', meds: ['310325'], medChance: 0.7 }),
  p({ code: 'D51.9', description: 'Vitamin B12 deficiency anemia, unspecified', group: 'anemia', weight: 1, minAge: 40, ageBias: 'older', meds: ['2001499'], medChance: 0.9 }),
  p({ code: 'M54.5', description: 'Low back pain', group: 'back', weight: 7, minAge: 20, ageBias: 'any', meds: ['313782', '310965', '849574'], medChance: 0.6 }),
  p({ code: 'M17.0', description: 'Bilateral primary osteoarthritis of knee', group: 'osteoarthritis', weight: 3, minAge: 50, ageBias: 'older', meds: ['313782', '198014'], medChance: 0.7 }),
  p({ code: 'M19.90', description: 'Unspecified osteoarthritis, unspecified site', group: 'osteoarthritis', weight: 2, minAge: 45, ageBias: 'older', meds: ['313782'], medChance: 0.6 }),
  p({ code: 'M79.7', description: 'Fibromyalgia', group: 'fibromyalgia', weight: 1, minAge: 25, ageBias: 'any', meds: ['313782'], medChance: 0.6 }),
  p({ code: 'M10.9', description: 'Gout, unspecified', group: 'gout', weight: 2, minAge: 35, ageBias: 'older', meds: ['197319', '858069'], medChance: 0.8 }),
  p({ code: 'M81.0', description: 'Age-related osteoporosis without current pathological fracture', group: 'osteoporosis', weight: 3, minAge: 55, ageBias: 'older', sex: 'female', meds: ['904419'], medChance: 0.8 }),
  p({ code: 'N40.0', description: 'Benign prostatic hyperplasia without lower urinary tract symptoms', group: 'bph', weight: 4, minAge: 50, ageBias: 'older', sex: 'male', meds: [] }),
  p({ code: 'N18.30', description: 'Chronic kidney disease, stage 3 unspecified', group: 'ckd', weight: 1, minAge: 55, ageBias: 'older', meds: [] }),
  p({ code: 'L40.9', description: 'Psoriasis, unspecified', group: 'psoriasis', weight: 2, minAge: 18, ageBias: 'any', meds: ['106258'], medChance: 0.6 }),
  p({ code: 'L20.9', description: 'Atopic dermatitis, unspecified', group: 'eczema', weight: 2, minAge: 18, ageBias: 'young', meds: ['106258'], medChance: 0.7 }),
  p({ code: 'L70.0', description: 'Acne vulgaris', group: 'acne', weight: 2, minAge: 18, maxAge: 35, ageBias: 'young', meds: [] }),
  p({ code: 'F17.210', description: 'Nicotine dependence, cigarettes, uncomplicated', group: 'tobacco', weight: 4, minAge: 18, ageBias: 'any', meds: ['198031'], medChance: 0.4 }),
  p({ code: 'Z87.891', description: 'Personal history of nicotine dependence', group: 'tobacco', weight: 3, minAge: 30, ageBias: 'older', meds: [] }),
  // Acute, resolved, with the course that treated them
  p({ code: 'J02.0', description: 'Streptococcal pharyngitis', group: 'acute-throat', weight: 3, minAge: 18, ageBias: 'young', acute: true, meds: ['834102', '308192', '309097'], medChance: 1 }),
  p({ code: 'J01.90', description: 'Acute sinusitis, unspecified', group: 'acute-sinus', weight: 3, minAge: 18, ageBias: 'any', acute: true, meds: ['562251', '1652673'], medChance: 0.8 }),
  p({ code: 'N39.0', description: 'Urinary tract infection, site not specified', group: 'acute-uti', weight: 3, minAge: 18, ageBias: 'any', acute: true, meds: ['311995', '1094107'], medChance: 1 }),
  p({ code: 'J06.9', description: 'Acute upper respiratory infection, unspecified', group: 'acute-uri', weight: 4, minAge: 18, ageBias: 'any', acute: true, meds: [] }),
];
