// Note templates for common visit types: text that prefills a note's sections. Applying one fills only the
// empty sections unless the clinician confirms replacing what they already wrote.
import type { NoteDiagnosis, NoteSections, NoteTextSection } from '../domain/note';
import { NOTE_TEXT_SECTIONS } from '../domain/note';

export interface NoteTemplate {
  id: string;
  name: string;
  sections: Record<NoteTextSection, string>;
  /** Suggested diagnoses (ICD-10-CM codes present in the bundled code set), added when the note has none. */
  diagnoses: readonly NoteDiagnosis[];
}

export const NOTE_TEMPLATES: readonly NoteTemplate[] = [
  {
    id: 'uri',
    name: 'Upper respiratory infection',
    sections: {
      subjective: 'Symptoms: sore throat / nasal congestion / cough for __ days. Fever: yes/no. Shortness of breath: no. Sick contacts: __.',
      objective: 'General: well-appearing, no distress. Speaking full sentences. Oropharynx: __. No stridor.',
      assessment: 'Acute upper respiratory infection, likely viral.',
      plan: 'Supportive care: fluids, rest, saline rinses, acetaminophen or ibuprofen as needed. Return if fever over 3 days, shortness of breath or worsening.',
    },
    diagnoses: [{ code: 'J06.9', description: 'Acute upper respiratory infection, unspecified' }],
  },
  {
    id: 'uti',
    name: 'Urinary tract infection',
    sections: {
      subjective: 'Dysuria, frequency, urgency for __ days. Flank pain: no. Fever: no. Vaginal discharge: no. Pregnancy possible: no.',
      objective: 'General: no distress. Suprapubic tenderness on self-exam: __.',
      assessment: 'Uncomplicated cystitis.',
      plan: 'Antibiotic per local guidance. Fluids. Return or seek care for fever, flank pain or vomiting. Follow up if not better in 48 hours.',
    },
    diagnoses: [{ code: 'N39.0', description: 'Urinary tract infection, site not specified' }],
  },
  {
    id: 'refill',
    name: 'Medication refill',
    sections: {
      subjective: 'Requests refill of __. Taking as prescribed; side effects: none. Symptoms controlled: yes.',
      objective: 'Medication list and allergies reviewed.',
      assessment: 'Chronic condition stable on current therapy.',
      plan: 'Refill __ for __ days. Labs due: __. Follow up in __ months.',
    },
    diagnoses: [{ code: 'Z76.0', description: 'Encounter for issue of repeat prescription' }],
  },
  {
    id: 'covid-follow-up',
    name: 'COVID-19 test follow-up',
    sections: {
      subjective: 'Test date __, result __. Symptoms: __. Onset __. High-risk conditions: __.',
      objective: 'General: no distress. Speaking full sentences.',
      assessment: 'COVID-19 test result reviewed.',
      plan: 'Isolation and return-to-work guidance given. Antiviral eligibility reviewed. Seek care for shortness of breath or chest pain.',
    },
    diagnoses: [{ code: 'Z20.822', description: 'Contact with and (suspected) exposure to COVID-19' }],
  },
  {
    id: 'home-blood-draw',
    name: 'Home blood draw',
    sections: {
      subjective: 'Home visit for ordered labs: __. Fasting: yes/no. Anticoagulants: no.',
      objective: 'Venipuncture site: __. Tubes drawn: __. Tolerated well, no hematoma.',
      assessment: 'Specimens collected for ordered tests.',
      plan: 'Specimens labelled and handed to courier. Results to ordering clinician.',
    },
    diagnoses: [{ code: 'Z01.812', description: 'Encounter for preprocedural laboratory examination' }],
  },
];

export const templateById = (id: string): NoteTemplate | undefined => NOTE_TEMPLATES.find((t) => t.id === id);

/** Sections with text already in them that applying the template would replace. */
export function sectionsTemplateWouldReplace(sections: NoteSections, template: NoteTemplate): NoteTextSection[] {
  return NOTE_TEXT_SECTIONS.filter((key) => sections[key].trim() !== '' && sections[key] !== template.sections[key]);
}

/**
 * The sections after applying a template: empty sections get the template's text; sections with text are
 * replaced only when `replace` is true (after the clinician confirmed). Diagnoses are added when there are none.
 */
export function applyTemplate(sections: NoteSections, template: NoteTemplate, options: { replace: boolean }): NoteSections {
  const next: NoteSections = { ...sections };
  for (const key of NOTE_TEXT_SECTIONS) {
    if (sections[key].trim() === '' || options.replace) next[key] = template.sections[key];
  }
  if ((sections.diagnoses ?? []).length === 0 && template.diagnoses.length > 0) next.diagnoses = template.diagnoses.map((d) => ({ ...d }));
  return next;
}
