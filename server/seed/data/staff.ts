// The demo clinic's staff roster (fictional people): who they are, what they do and which city they work from.
import type { Credential, Role } from '../../../shared/domain/roles';
import type { UsState } from '../../../shared/domain/states';
import { DEMO_ACCOUNTS } from '../demo-accounts';

export interface DemoStaffMember {
  /** Stable key inside the seed (not stored). */
  key: string;
  givenName: string;
  familyName: string;
  role: Role;
  credential: Credential;
  homeCityId: string;
  /** Fixed sign-in email for the demo accounts; others get given.family@demo.housecall.test. */
  email?: string;
  /** Fixed license states (the demo clinician); others are drawn by the generator. */
  licenseStates?: readonly UsState[];
}

export const DEMO_STAFF_EMAIL_DOMAIN = 'demo.housecall.test';

/** States the demo clinician is licensed in (all service-city states and a few more). */
export const DEMO_CLINICIAN_STATES: readonly UsState[] = [
  'WA', 'OR', 'CA', 'NY', 'IL', 'TX', 'MA', 'PA', 'MD', 'DC', 'VA', 'GA', 'CO', 'FL', 'AZ', 'NJ', 'MN', 'NC',
];

const s = (key: string, givenName: string, familyName: string, role: Role, credential: Credential, homeCityId: string,
  extra: Partial<Pick<DemoStaffMember, 'email' | 'licenseStates'>> = {}): DemoStaffMember =>
  ({ key, givenName, familyName, role, credential, homeCityId, ...extra });

export const DEMO_STAFF: readonly DemoStaffMember[] = [
  // Physicians: video visits, licensed in many states
  s('demo-clinician', 'Maya', 'Okafor', 'clinician', 'MD', 'seattle', { email: DEMO_ACCOUNTS.clinician, licenseStates: DEMO_CLINICIAN_STATES }),
  s('md-whitfield', 'Daniel', 'Whitfield', 'clinician', 'MD', 'seattle'),
  s('md-raman', 'Priya', 'Raman', 'clinician', 'MD', 'washington-dc'),
  s('do-bell', 'Marcus', 'Bell', 'clinician', 'DO', 'baltimore'),
  s('md-vasquez', 'Elena', 'Vasquez', 'clinician', 'MD', 'dallas'),
  s('md-watanabe', 'Kenji', 'Watanabe', 'clinician', 'MD', 'los-angeles'),
  s('do-rahman', 'Aisha', 'Rahman', 'clinician', 'DO', 'chicago'),
  s('md-lindqvist', 'Thomas', 'Lindqvist', 'clinician', 'MD', 'boston'),
  s('md-nwosu', 'Grace', 'Nwosu', 'clinician', 'MD', 'philadelphia'),
  s('do-cohen', 'Samuel', 'Cohen', 'clinician', 'DO', 'denver'),
  // Nurse practitioners: video and home visits in their city
  s('np-rivera', 'Sam', 'Rivera', 'clinician', 'NP', 'seattle'),
  s('np-holloway', 'Jasmine', 'Holloway', 'clinician', 'NP', 'washington-dc'),
  s('np-baptiste', 'Andre', 'Baptiste', 'clinician', 'NP', 'baltimore'),
  s('np-chen', 'Mei-Ling', 'Chen', 'clinician', 'NP', 'boston'),
  s('np-delgado', 'Rosa', 'Delgado', 'clinician', 'NP', 'dallas'),
  s('np-nowak', 'Tomasz', 'Nowak', 'clinician', 'NP', 'chicago'),
  s('np-coleman', 'Nia', 'Coleman', 'clinician', 'NP', 'philadelphia'),
  s('np-haddad', 'Farah', 'Haddad', 'clinician', 'NP', 'los-angeles'),
  // Registered nurses: home visits (blood draws, vaccinations, wound care)
  s('rn-kim', 'Hannah', 'Kim', 'clinician', 'RN', 'seattle'),
  s('rn-oconnell', 'Brian', "O'Connell", 'clinician', 'RN', 'seattle'),
  s('rn-morgan', 'Keisha', 'Morgan', 'clinician', 'RN', 'washington-dc'),
  s('rn-castillo', 'Diego', 'Castillo', 'clinician', 'RN', 'baltimore'),
  s('rn-murphy', 'Colleen', 'Murphy', 'clinician', 'RN', 'boston'),
  s('rn-tran', 'Anh', 'Tran', 'clinician', 'RN', 'dallas'),
  s('rn-adeyemi', 'Olumide', 'Adeyemi', 'clinician', 'RN', 'chicago'),
  s('rn-fischer', 'Laura', 'Fischer', 'clinician', 'RN', 'philadelphia'),
  // Phlebotomists: home blood draws
  s('pb-lee', 'Jordan', 'Lee', 'clinician', 'phlebotomist', 'seattle'),
  s('pb-reyes', 'Marisol', 'Reyes', 'clinician', 'phlebotomist', 'los-angeles'),
  s('pb-jackson', 'Tyrone', 'Jackson', 'clinician', 'phlebotomist', 'washington-dc'),
  s('pb-petrova', 'Sofia', 'Petrova', 'clinician', 'phlebotomist', 'chicago'),
  s('pb-nguyen', 'Kevin', 'Nguyen', 'clinician', 'phlebotomist', 'dallas'),
  s('pb-brooks', 'Imani', 'Brooks', 'clinician', 'phlebotomist', 'boston'),
  // Couriers: prescription and specimen delivery
  s('demo-courier', 'Chris', 'Taylor', 'courier', 'courier', 'seattle', { email: DEMO_ACCOUNTS.courier }),
  s('cr-alvarez', 'Ray', 'Alvarez', 'courier', 'courier', 'washington-dc'),
  s('cr-whitaker', 'Dana', 'Whitaker', 'courier', 'courier', 'baltimore'),
  s('cr-santos', 'Miguel', 'Santos', 'courier', 'courier', 'los-angeles'),
  s('cr-kowalski', 'Peter', 'Kowalski', 'courier', 'courier', 'chicago'),
  s('cr-carter', 'Jamal', 'Carter', 'courier', 'courier', 'dallas'),
  // Dispatchers (care coordinators)
  s('demo-dispatcher', 'Casey', 'Thompson', 'dispatcher', 'coordinator', 'seattle', { email: DEMO_ACCOUNTS.dispatcher }),
  s('dp-dubois', 'Monique', 'Dubois', 'dispatcher', 'coordinator', 'washington-dc'),
  s('dp-patel', 'Ravi', 'Patel', 'dispatcher', 'coordinator', 'dallas'),
  s('demo-dispatcher-2', 'Avery', 'Quinn', 'dispatcher', 'coordinator', 'seattle', { email: DEMO_ACCOUNTS.dispatcher2 }),
  // Administrators
  s('demo-admin', 'Morgan', 'Ellis', 'admin', 'it', 'seattle', { email: DEMO_ACCOUNTS.admin }),
  s('ad-sorensen', 'Ingrid', 'Sorensen', 'admin', 'it', 'seattle'),
];

/** Field skills by credential (staff_skills). */
export const SKILLS_BY_CREDENTIAL: Readonly<Record<Credential, readonly string[]>> = {
  MD: ['lung_exam', 'wound_care', 'iv', 'vaccination', 'telehealth'],
  DO: ['lung_exam', 'wound_care', 'iv', 'vaccination', 'telehealth'],
  NP: ['lung_exam', 'wound_care', 'iv', 'vaccination', 'telehealth'],
  RN: ['phlebotomy', 'iv', 'vaccination', 'wound_care'],
  phlebotomist: ['phlebotomy'],
  courier: ['delivery'],
  coordinator: [],
  it: [],
};

export function staffDisplayName(member: Pick<DemoStaffMember, 'givenName' | 'familyName' | 'credential'>): string {
  const name = `${member.givenName} ${member.familyName}`;
  switch (member.credential) {
    case 'MD':
    case 'DO':
      return `Dr. ${name}`;
    case 'NP':
      return `${name}, NP`;
    case 'RN':
      return `${name}, RN`;
    case 'phlebotomist':
      return `${name}, CPT`;
    default:
      return name;
  }
}

export function staffEmail(member: Pick<DemoStaffMember, 'givenName' | 'familyName' | 'email'>): string {
  if (member.email) return member.email;
  const part = (x: string) => x.toLowerCase().replace(/[^a-z]/g, '');
  return `${part(member.givenName)}.${part(member.familyName)}@${DEMO_STAFF_EMAIL_DOMAIN}`;
}
