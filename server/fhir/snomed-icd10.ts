// A small curated SNOMED CT -> ICD-10-CM map for the conditions Synthea writes (every code in the 12 sample
// bundles, plus other common Synthea conditions). Each target is a billable FY2021 code (checked by a unit test).
// Not the NLM SNOMED-to-ICD-10-CM map (that needs a UMLS licence): one default code per concept, no context rules.

export const SNOMED_TO_ICD10: Readonly<Record<string, string>> = {
  // respiratory and ENT
  '10509002': 'J20.9', // Acute bronchitis
  '195662009': 'J02.9', // Acute viral pharyngitis
  '43878008': 'J02.0', // Streptococcal sore throat
  '444814009': 'J01.90', // Viral sinusitis
  '75498004': 'J01.90', // Acute bacterial sinusitis
  '36971009': 'J32.9', // Sinusitis
  '40055000': 'J32.9', // Chronic sinusitis
  '65363002': 'H66.90', // Otitis media
  '233604007': 'J18.9', // Pneumonia
  '195967001': 'J45.909', // Asthma
  '233678006': 'J45.909', // Childhood asthma
  '232353008': 'J30.2', // Perennial allergic rhinitis with seasonal variation
  '446096008': 'J30.89', // Perennial allergic rhinitis
  '87433001': 'J43.9', // Pulmonary emphysema
  '185086009': 'J44.9', // Chronic obstructive bronchitis
  '840539006': 'U07.1', // COVID-19
  '840544004': 'Z20.828', // Suspected COVID-19
  '49727002': 'R05', // Cough
  '267036007': 'R06.00', // Dyspnea
  '271825005': 'R06.03', // Respiratory distress
  // cardiometabolic
  '38341003': 'I10', // Hypertension
  '59621000': 'I10', // Essential hypertension
  '44054006': 'E11.9', // Diabetes (Synthea: type 2)
  '15777000': 'R73.03', // Prediabetes
  '80394007': 'R73.9', // Hyperglycemia
  '55822004': 'E78.5', // Hyperlipidemia
  '302870006': 'E78.1', // Hypertriglyceridemia
  '237602007': 'E88.81', // Metabolic syndrome X
  '162864005': 'E66.9', // Body mass index 30+ - obesity
  '408512008': 'E66.01', // Body mass index 40+ - severely obese
  '368581000119106': 'E11.40', // Neuropathy due to type 2 diabetes mellitus
  '422034002': 'E11.319', // Diabetic retinopathy associated with type II diabetes mellitus
  '127013003': 'E11.29', // Diabetic renal disease
  '90781000119102': 'E11.29', // Microalbuminuria due to type 2 diabetes mellitus
  '49436004': 'I48.91', // Atrial fibrillation
  '53741008': 'I25.10', // Coronary heart disease
  '22298006': 'I21.9', // Myocardial infarction
  '399211009': 'I25.2', // History of myocardial infarction
  '230690007': 'I63.9', // Stroke
  '60573004': 'I35.0', // Aortic valve stenosis
  '271737000': 'D64.9', // Anemia
  // neurological and mental health
  '128613002': 'G40.909', // Seizure disorder
  '84757009': 'G40.909', // Epilepsy
  '703151001': 'Z87.898', // History of single seizure
  '26929004': 'G30.9', // Alzheimer's disease
  '192127007': 'F90.9', // Child attention deficit disorder
  '47505003': 'F43.10', // Posttraumatic stress disorder
  '7200002': 'F10.20', // Alcoholism
  '5602001': 'F11.10', // Opioid abuse
  '449868002': 'F17.210', // Smokes tobacco daily
  '73595000': 'Z73.3', // Stress
  '82423001': 'G89.29', // Chronic pain
  '25064002': 'R51.9', // Headache
  '84229001': 'R53.83', // Fatigue
  '386661006': 'R50.9', // Fever
  // injuries
  '62106007': 'S06.0X0A', // Concussion with no loss of consciousness
  '62564004': 'S06.0X9A', // Concussion with loss of consciousness
  '283371005': 'S51.819A', // Laceration of forearm
  '370247008': 'S01.81XA', // Facial laceration
  '284551006': 'S91.319A', // Laceration of foot
  '283385000': 'S71.119A', // Laceration of thigh
  '44465007': 'S93.409A', // Sprain of ankle
  '70704007': 'S63.509A', // Sprain of wrist
  '65966004': 'S52.90XA', // Fracture of forearm
  '16114001': 'S82.899A', // Fracture of ankle
  '58150001': 'S42.009A', // Fracture of clavicle
  '359817006': 'S72.009A', // Closed fracture of hip
  '33737001': 'S22.39XA', // Fracture of rib
  '444470001': 'S83.519A', // Injury of anterior cruciate ligament
  '307731004': 'S46.019A', // Injury of tendon of the rotator cuff of shoulder
  '241929008': 'T78.40XA', // Acute allergic reaction
  '55680006': 'T50.901A', // Drug overdose
  // pregnancy
  '72892002': 'Z34.90', // Normal pregnancy
  '19169002': 'O03.9', // Miscarriage in first trimester
  '156073000': 'O36.90X0', // Fetus with unknown complication
  '398254007': 'O14.90', // Pre-eclampsia
  // musculoskeletal and skin
  '201834006': 'M19.049', // Localized, primary osteoarthritis of the hand
  '239872002': 'M16.9', // Osteoarthritis of hip
  '239873007': 'M17.9', // Osteoarthritis of knee
  '69896004': 'M06.9', // Rheumatoid arthritis
  '90560007': 'M10.9', // Gout
  '64859006': 'M81.0', // Osteoporosis
  '68962001': 'M79.10', // Muscle pain
  '40275004': 'L25.9', // Contact dermatitis
  '24079001': 'L20.9', // Atopic dermatitis
  // digestive, urinary, dental, oncology
  '235595009': 'K21.9', // Gastroesophageal reflux disease
  '68496003': 'K63.5', // Polyp of colon
  '713197008': 'K62.1', // Recurrent rectal polyp
  '74400008': 'K37', // Appendicitis
  '428251008': 'Z90.49', // History of appendectomy
  '62315008': 'R19.7', // Diarrhea
  '422587007': 'R11.0', // Nausea
  '38822007': 'N30.90', // Cystitis
  '45816000': 'N12', // Pyelonephritis
  '301011002': 'N39.0', // Escherichia coli urinary tract infection
  '196416002': 'K01.1', // Impacted molars
  '93761005': 'C18.9', // Primary malignant neoplasm of colon
  '254837009': 'C50.919', // Malignant neoplasm of breast
  '254637007': 'C34.90', // Non-small cell lung cancer
};

/** ICD-10-CM "Illness, unspecified": the code of a problem whose source coding has no ICD-10-CM equivalent here. */
export const UNMAPPED_ICD10 = 'R69';
