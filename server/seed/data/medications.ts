// Outpatient medications for demo patients. Codes and names exactly as in the Synthea-derived RxNorm list
// (shared/data/synthea-rxnorm-codes/synthea_r4_medication_rxcuis.csv; names are Synthea's displays, not always RxNorm's).
export interface DemoMedication {
  rxnormCode: string;
  name: string;
  sig: string;
  /** Classes used to avoid giving a drug to a patient allergic to it (see allergies.ts avoidTags). */
  tags: readonly string[];
  /** A short course: recorded as completed, never as an active long-term medication. */
  course?: boolean;
}

const m = (rxnormCode: string, name: string, sig: string, tags: readonly string[] = [], course = false): DemoMedication =>
  course ? { rxnormCode, name, sig, tags, course } : { rxnormCode, name, sig, tags };

export const DEMO_MEDICATIONS: readonly DemoMedication[] = [
  // Blood pressure, heart and vessels
  m('197361', 'Amlodipine 5 MG Oral Tablet', 'Take 1 tablet by mouth once daily.'),
  m('316049', 'Hydrochlorothiazide 25 MG', 'Take 1 tablet by mouth once daily in the morning.', ['thiazide']),
  m('866414', '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]', 'Take 1 tablet by mouth once daily. Do not crush or chew.', ['beta-blocker']),
  m('833036', 'Captopril 25 MG Oral Tablet', 'Take 1 tablet by mouth twice daily, 1 hour before meals.', ['ace-inhibitor']),
  m('855332', 'Warfarin Sodium 5 MG Oral Tablet', 'Take 1 tablet by mouth once daily in the evening, or as directed by the anticoagulation clinic.', ['anticoagulant']),
  m('197604', 'Digoxin 0.125 MG Oral Tablet', 'Take 1 tablet by mouth once daily.'),
  m('243670', 'Aspirin 81 MG Oral Tablet', 'Take 1 tablet by mouth once daily.', ['aspirin']),
  m('309362', 'Clopidogrel 75 MG Oral Tablet', 'Take 1 tablet by mouth once daily.', ['antiplatelet']),
  m('705129', 'Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray', 'Spray 1 to 2 sprays under the tongue at the onset of chest pain; may repeat every 5 minutes, no more than 3 doses in 15 minutes. Call 911 if pain persists.'),
  // Cholesterol and diabetes
  m('312961', 'Simvastatin 20 MG Oral Tablet', 'Take 1 tablet by mouth once daily in the evening.', ['statin']),
  m('259255', 'Atorvastatin 80 MG Oral Tablet', 'Take 1 tablet by mouth once daily.', ['statin']),
  m('860975', '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet', 'Take 1 tablet by mouth once daily with the evening meal.'),
  m('106892', 'insulin human, isophane 70 UNT/ML / Regular Insulin, Human 30 UNT/ML Injectable Suspension [Humulin]', 'Inject 20 units under the skin twice daily, 30 minutes before breakfast and dinner.', ['insulin']),
  // Lungs and allergies
  m('745679', '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', 'Inhale 2 puffs by mouth every 4 to 6 hours as needed for wheezing or shortness of breath.'),
  m('895994', '120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler', 'Inhale 2 puffs by mouth twice daily. Rinse mouth after each use.', ['inhaled-steroid']),
  m('896209', '60 ACTUAT Fluticasone propionate 0.25 MG/ACTUAT / salmeterol 0.05 MG/ACTUAT Dry Powder Inhaler', 'Inhale 1 puff by mouth twice daily. Rinse mouth after each use.', ['inhaled-steroid']),
  m('311372', 'Loratadine 10 MG Oral Tablet', 'Take 1 tablet by mouth once daily as needed for allergy symptoms.', ['antihistamine']),
  m('997501', 'Fexofenadine hydrochloride 60 MG Oral Tablet', 'Take 1 tablet by mouth twice daily as needed for allergy symptoms.', ['antihistamine']),
  m('1014676', 'cetirizine hydrochloride 5 MG Oral Tablet', 'Take 1 to 2 tablets by mouth once daily as needed for allergy symptoms.', ['antihistamine']),
  m('1870230', 'NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector', 'Inject 0.3 mg into the outer thigh once as needed for anaphylaxis, then call 911. May repeat once after 5 to 15 minutes.'),
  // Mood, sleep, attention, memory
  m('328670', 'Sertraline 100MG', 'Take 1 tablet by mouth once daily.', ['ssri']),
  m('1049630', 'diphenhydrAMINE Hydrochloride 25 MG Oral Tablet', 'Take 1 to 2 tablets by mouth at bedtime as needed for sleep.', ['antihistamine']),
  m('1091392', 'Methylphenidate Hydrochloride 20 MG Oral Tablet', 'Take 1 tablet by mouth twice daily, in the morning and early afternoon.', ['stimulant']),
  // Thyroid, bones, blood, gout
  m('966222', 'Levothyroxine Sodium 0.075 MG Oral Tablet', 'Take 1 tablet by mouth once daily on an empty stomach, 30 minutes before breakfast.'),
  m('904419', 'Alendronic acid 10 MG Oral Tablet', 'Take 1 tablet by mouth once daily in the morning with a full glass of water; stay upright for 30 minutes.'),
  m('310325', 'ferrous sulfate 325 MG Oral Tablet', 'Take 1 tablet by mouth once daily with food.'),
  m('2001499', 'Vitamin B 12 5 MG/ML Injectable Solution', 'Inject 0.2 mL (1,000 mcg) into the muscle once a month.'),
  m('197319', 'Allopurinol 100 MG Oral Tablet', 'Take 1 tablet by mouth once daily.'),
  m('858069', 'Colchicine 0.6 MG [Colcrys]', 'Take 1 tablet by mouth once daily to prevent gout flares.'),
  // Pain and skin
  m('313782', 'Acetaminophen 325 MG Oral Tablet', 'Take 2 tablets by mouth every 6 hours as needed for pain. Do not take more than 3,000 mg a day.'),
  m('310965', 'Ibuprofen 200 MG Oral Tablet', 'Take 2 tablets by mouth every 6 to 8 hours as needed for pain, with food.', ['nsaid']),
  m('198014', 'Naproxen 500 MG Oral Tablet', 'Take 1 tablet by mouth twice daily with food as needed for pain.', ['nsaid']),
  m('849574', 'Naproxen sodium 220 MG Oral Tablet', 'Take 1 tablet by mouth every 8 to 12 hours with food as needed for pain.', ['nsaid']),
  m('106258', 'Hydrocortisone 10 MG/ML Topical Cream', 'Apply a thin layer to the affected skin twice daily for up to 2 weeks.'),
  m('198031', '24hr nicotine transdermal patch', 'Apply 1 patch to clean, dry, hairless skin once daily; use a new site each day.'),
  // Contraception
  m('748962', 'Camila 28 Day Pack', 'Take 1 tablet by mouth once daily at the same time each day.', ['contraceptive']),
  m('751905', 'Trinessa 28 Day Pack', 'Take 1 tablet by mouth once daily.', ['contraceptive']),
  m('748856', 'Yaz 28 Day Pack', 'Take 1 tablet by mouth once daily.', ['contraceptive']),
  m('1367439', 'NuvaRing 0.12/0.015 MG per 24HR 21 Day Vaginal Ring', 'Insert 1 ring vaginally and leave in place for 3 weeks, then remove for a 1-week break.', ['contraceptive']),
  m('1000126', '1 ML medroxyprogesterone acetate 150 MG/ML Injection', 'Inject 150 mg into the muscle every 13 weeks.', ['contraceptive']),
  // Short courses (recorded as completed)
  m('308192', 'Amoxicillin 500 MG Oral Tablet', 'Take 1 tablet by mouth every 8 hours for 10 days.', ['penicillin'], true),
  m('562251', 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet', 'Take 1 tablet by mouth every 8 hours for 7 days.', ['penicillin'], true),
  m('834102', 'Penicillin V Potassium 500 MG Oral Tablet', 'Take 1 tablet by mouth twice daily for 10 days.', ['penicillin'], true),
  m('309097', 'Cefuroxime 250 MG Oral Tablet', 'Take 1 tablet by mouth twice daily for 10 days.', ['cephalosporin'], true),
  m('311995', 'NITROFURANTOIN, MACROCRYSTALS 50 MG Oral Capsule', 'Take 1 capsule by mouth four times daily with food for 7 days.', [], true),
  m('1094107', 'Phenazopyridine hydrochloride 100 MG Oral Tablet', 'Take 1 tablet by mouth three times daily after meals for 2 days.', [], true),
  m('1652673', 'Doxycycline Monohydrate 50 MG Oral Tablet', 'Take 2 tablets by mouth twice daily for 7 days. Avoid sun exposure.', ['tetracycline'], true),
  m('312617', 'predniSONE 5 MG Oral Tablet', 'Take as directed: 4 tablets daily for 3 days, then 2 tablets daily for 3 days, then stop.', ['steroid'], true),
];

export function medicationByCode(rxnormCode: string): DemoMedication {
  const med = DEMO_MEDICATIONS.find((x) => x.rxnormCode === rxnormCode);
  if (!med) throw new Error(`unknown demo medication: ${rxnormCode}`);
  return med;
}
