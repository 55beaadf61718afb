// Demo staff rows: users, skills and state licenses (a few expired or expiring soon, to exercise licensure rules).
import { US_STATES } from '../../shared/domain/states';
import type { UsState } from '../../shared/domain/states';
import { DEMO_ADMIN_TOTP_SECRET } from './demo-accounts';
import { DEMO_CITIES, cityById } from './data/cities';
import { DEMO_STAFF, SKILLS_BY_CREDENTIAL, staffDisplayName, staffEmail } from './data/staff';
import type { DemoStaffMember } from './data/staff';
import type { Random } from './prng';
import type { StaffLicenseRow, StaffSkillRow, UserRow } from './rows';
import { DAY_MS, isoDate } from './time';

export interface GeneratedStaffMember {
  member: DemoStaffMember;
  user: UserRow;
  /** States with a license that is valid throughout the demo week. */
  activeStates: ReadonlySet<string>;
}

export interface GeneratedStaff {
  staff: GeneratedStaffMember[];
  users: UserRow[];
  skills: StaffSkillRow[];
  licenses: StaffLicenseRow[];
}

const SERVICE_STATES: readonly UsState[] = [...new Set(DEMO_CITIES.map((c) => c.state))];

const LICENSE_PREFIX: Record<string, string> = { MD: 'MD', DO: 'DO', NP: 'APRN', RN: 'RN', phlebotomist: 'CPT' };

function licenseStatesFor(member: DemoStaffMember, rng: Random): UsState[] {
  if (member.licenseStates) return [...member.licenseStates];
  const home = cityById(member.homeCityId);
  switch (member.credential) {
    case 'MD':
    case 'DO': {
      const total = rng.int(15, 30);
      const others = US_STATES.filter((st) => !SERVICE_STATES.includes(st));
      return [...SERVICE_STATES, ...rng.sample(others, total - SERVICE_STATES.length)];
    }
    case 'NP':
      return [home.state, ...rng.sample(home.neighborStates, rng.int(1, home.neighborStates.length))];
    case 'RN':
      return rng.chance(0.5) ? [home.state, rng.pick(home.neighborStates)] : [home.state];
    case 'phlebotomist':
      return [home.state];
    default:
      return [];
  }
}

export function generateStaff(rng: Random, now: Date): GeneratedStaff {
  const idRng = rng.fork('ids');
  const licenseRng = rng.fork('licenses');
  const nowMs = now.getTime();
  const staff: GeneratedStaffMember[] = [];
  const users: UserRow[] = [];
  const skills: StaffSkillRow[] = [];
  const licenses: StaffLicenseRow[] = [];
  const usedNumbers = new Set<string>();

  for (const member of DEMO_STAFF) {
    const home = cityById(member.homeCityId);
    const user: UserRow = {
      id: idRng.uuid(),
      email: staffEmail(member),
      display_name: staffDisplayName(member),
      role: member.role,
      credential: member.credential,
      time_zone: home.timeZone,
      home_city_id: home.id,
      totp_secret: member.key === 'demo-admin' ? DEMO_ADMIN_TOTP_SECRET : null,
      totp_enabled: member.key === 'demo-admin',
    };
    users.push(user);
    for (const skill of SKILLS_BY_CREDENTIAL[member.credential]) skills.push({ user_id: user.id, skill });

    const activeStates = new Set<string>();
    const prefix = LICENSE_PREFIX[member.credential];
    for (const state of prefix ? licenseStatesFor(member, licenseRng) : []) {
      let number: string;
      do number = `${prefix}${licenseRng.int(1_000_000, 9_999_999)}`;
      while (usedNumbers.has(number));
      usedNumbers.add(number);
      // Valid for 2 months to 2.5 years from now; expired and soon-to-expire ones are set below.
      const expiresMs = nowMs + licenseRng.int(60, 900) * DAY_MS;
      licenses.push({ user_id: user.id, state, license_number: number, expires_on: isoDate(expiresMs) });
      activeStates.add(state);
    }
    staff.push({ member, user, activeStates });
  }

  markSomeLicensesLapsed(licenseRng, staff, licenses, nowMs);
  return { staff, users, skills, licenses };
}

/**
 * Three licenses expired (5 to 120 days ago) and three expiring within 10 to 30 days, all of physicians or
 * nurse practitioners other than the demo clinician and never in their home state (so home visits stay possible).
 */
function markSomeLicensesLapsed(rng: Random, staff: GeneratedStaffMember[], licenses: StaffLicenseRow[], nowMs: number): void {
  const byUser = new Map(staff.map((s) => [s.user.id, s]));
  const candidates = licenses.filter((l) => {
    const s = byUser.get(l.user_id)!;
    const prescriber = ['MD', 'DO', 'NP'].includes(s.member.credential);
    return prescriber && !s.member.licenseStates && cityById(s.member.homeCityId).state !== l.state;
  });
  const chosen = rng.sample(candidates, 6);
  chosen.forEach((license, i) => {
    if (i < 3) {
      license.expires_on = isoDate(nowMs - rng.int(5, 120) * DAY_MS);
      (byUser.get(license.user_id)!.activeStates as Set<string>).delete(license.state);
    } else {
      license.expires_on = isoDate(nowMs + rng.int(10, 30) * DAY_MS);
    }
  });
}
