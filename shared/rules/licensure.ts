// Licensure eligibility, the one rule used by the on-demand queue, video start, prescribing and dispatch:
// a clinician may see, prescribe for or visit a patient only where they hold an active license in the
// state the patient is located in right now.
import type { StateLicense } from '../domain/user';
import type { UsState } from '../domain/states';
import { STATE_TIME_ZONES } from '../domain/state-time-zones';
import { localDate } from './time-zones';

export type Eligibility =
  | { eligible: true; license: StateLicense }
  | { eligible: false; reason: 'no_license' | 'license_expired' | 'location_unknown'; message: string };

/**
 * Checks at `at` whether the licenses cover a patient located in `patientState`. A license is active
 * through its expiry date, in the licensing state's own calendar (its main time zone).
 */
export function checkLicensure(licenses: readonly StateLicense[], patientState: UsState | null | undefined, at: Date): Eligibility {
  if (!patientState) return { eligible: false, reason: 'location_unknown', message: "The patient's current location is not confirmed." };
  const license = licenses.find((l) => l.state === patientState);
  if (!license) return { eligible: false, reason: 'no_license', message: `You are not licensed in ${patientState}, where the patient is located.` };
  const today = localDate(at, STATE_TIME_ZONES[patientState]);
  if (license.expiresOn < today) return { eligible: false, reason: 'license_expired', message: `Your ${patientState} license expired on ${license.expiresOn}.` };
  return { eligible: true, license };
}

/** The states where the licenses are active at `at`. */
export function activeLicenseStates(licenses: readonly StateLicense[], at: Date): UsState[] {
  return licenses.filter((l) => l.expiresOn >= localDate(at, STATE_TIME_ZONES[l.state])).map((l) => l.state);
}
