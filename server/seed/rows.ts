// Plain rows of the demo clinic, one type per table, with the column names of 0001-foundation.sql.
export interface CityRow {
  id: string;
  name: string;
  state: string;
  time_zone: string;
  in_person: boolean;
  latitude: number;
  longitude: number;
}

export interface EmployerRow {
  id: string;
  name: string;
}

/** A user without its password hash (hashing is done by the seeder, not by the pure generator). */
export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: 'clinician' | 'dispatcher' | 'courier' | 'admin';
  credential: 'MD' | 'DO' | 'NP' | 'RN' | 'phlebotomist' | 'courier' | 'coordinator' | 'it' | null;
  time_zone: string;
  home_city_id: string | null;
  totp_secret: string | null;
  totp_enabled: boolean;
}

export interface StaffSkillRow {
  user_id: string;
  skill: string;
}

export interface StaffLicenseRow {
  user_id: string;
  state: string;
  license_number: string;
  /** 'YYYY-MM-DD' */
  expires_on: string;
}

export type Sex = 'female' | 'male' | 'other' | 'unknown';

export interface PatientRow {
  id: string;
  mrn: string;
  given_name: string;
  family_name: string;
  /** 'YYYY-MM-DD' */
  birth_date: string;
  sex: Sex;
  phone: string | null;
  email: string | null;
  address_line: string;
  address_city: string;
  address_state: string;
  postal_code: string;
  location_state: string;
  city_id: string | null;
  employer_id: string | null;
}

export interface PatientAllergyRow {
  id: string;
  patient_id: string;
  substance: string;
  code: string | null;
  reaction: string | null;
  severity: 'mild' | 'moderate' | 'severe' | null;
  recorded_on: string | null;
}

export interface PatientMedicationRow {
  id: string;
  patient_id: string;
  rxnorm_code: string;
  name: string;
  sig: string | null;
  status: 'active' | 'stopped' | 'completed';
  started_on: string | null;
}

export interface PatientProblemRow {
  id: string;
  patient_id: string;
  icd10_code: string;
  description: string;
  status: 'active' | 'resolved';
  onset_on: string | null;
}

export interface CareTeamRow {
  patient_id: string;
  user_id: string;
  relation: 'primary' | 'scheduled' | 'consulting';
}

export type AppointmentStatus = 'booked' | 'checked_in' | 'in_progress' | 'completed' | 'no_show' | 'cancelled';

export interface AppointmentRow {
  id: string;
  patient_id: string;
  clinician_id: string;
  kind: 'video' | 'home' | 'clinic';
  status: AppointmentStatus;
  /** ISO 8601 instant (UTC). */
  starts_at: string;
  ends_at: string;
  reason: string;
  /** The city of a home visit; null for video visits. */
  city_id: string | null;
}

export interface DemoClinic {
  cities: CityRow[];
  employers: EmployerRow[];
  users: UserRow[];
  staff_skills: StaffSkillRow[];
  staff_licenses: StaffLicenseRow[];
  patients: PatientRow[];
  patient_allergies: PatientAllergyRow[];
  patient_medications: PatientMedicationRow[];
  patient_problems: PatientProblemRow[];
  care_team: CareTeamRow[];
  appointments: AppointmentRow[];
}

export type DemoClinicCounts = { [K in keyof DemoClinic]: number };
