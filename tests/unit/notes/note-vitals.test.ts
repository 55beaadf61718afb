// Vitals typed into a note: blank fields are left out, values are checked against the shared ranges, blood
// pressure needs both values with diastolic below systolic, and drafts accept any text (up to a length).
import { describe, expect, it } from 'vitest';
import { DraftVitalsSchema, NoteVitalsSchema, parseDraftVitals } from '../../../shared/domain/note-vitals';
import { NoteSectionsSchema } from '../../../shared/domain/note';

describe('parseDraftVitals', () => {
  it('accepts plausible values and leaves blanks out', () => {
    expect(parseDraftVitals({ systolic: '120', diastolic: '80', heartRate: '', temperatureF: '98.6', respiratoryRate: '16', spo2: '97', weightLb: '154.5' })).toEqual({
      ok: true, vitals: { systolic: 120, diastolic: 80, temperatureF: 98.6, respiratoryRate: 16, spo2: 97, weightLb: 154.5 },
    });
    expect(parseDraftVitals(undefined)).toEqual({ ok: true, vitals: {} });
  });

  it.each([
    [{ heartRate: '300' }, 'heartRate', 'Heart rate must be at most 250 beats/min'],
    [{ heartRate: '19' }, 'heartRate', 'Heart rate must be at least 20 beats/min'],
    [{ spo2: '101' }, 'spo2', 'SpO2 must be at most 100 %'],
    [{ temperatureF: '120' }, 'temperatureF', 'Temperature must be at most 113 °F'],
    [{ respiratoryRate: '3' }, 'respiratoryRate', 'Respiratory rate must be at least 4 breaths/min'],
    [{ weightLb: '0' }, 'weightLb', 'Weight must be at least 1 lb'],
    [{ heartRate: '72.5' }, 'heartRate', 'Heart rate must be a whole number'],
    [{ heartRate: 'fast' }, 'heartRate', 'Heart rate must be a number'],
    [{ systolic: '120' }, 'diastolic', 'Blood pressure needs both systolic and diastolic values'],
    [{ diastolic: '80' }, 'systolic', 'Blood pressure needs both systolic and diastolic values'],
    [{ systolic: '80', diastolic: '90' }, 'diastolic', 'Diastolic pressure must be lower than systolic'],
    [{ systolic: '300', diastolic: '80' }, 'systolic', 'Blood pressure systolic must be at most 260 mmHg'],
  ])('refuses %j', (draft, field, message) => {
    const result = parseDraftVitals(draft);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as keyof typeof result.errors]).toBe(message);
  });

  it('the numeric schema is strict about unknown fields', () => {
    expect(NoteVitalsSchema.safeParse({ pulse: 70 }).success).toBe(false);
    expect(DraftVitalsSchema.safeParse({ heartRate: '1'.repeat(13) }).success).toBe(false);
  });

  it('older four-section drafts are still valid sections; half-typed vitals are valid in a draft', () => {
    expect(NoteSectionsSchema.safeParse({ subjective: 'a', objective: '', assessment: '', plan: '' }).success).toBe(true);
    expect(NoteSectionsSchema.safeParse({ subjective: '', objective: '', assessment: '', plan: '', vitals: { systolic: '1' } }).success).toBe(true);
    expect(NoteSectionsSchema.safeParse({ subjective: '', objective: '', assessment: '', plan: '', diagnoses: [{ code: 'j06.9', description: '' }] }).success).toBe(false);
  });
});
