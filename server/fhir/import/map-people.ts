// Maps FHIR Patient and Practitioner resources onto Housecall's patients and practitioners rows.
import type { FhirPatient, FhirPractitioner } from '../../../shared/fhir/resources';
import { SYSTEM } from '../../../shared/fhir/systems';
import { isUsCountry, usStateFromAddress } from '../../../shared/fhir/us-states';
import type { MapResult } from './mapped';
import { mapped, rejected } from './mapped';

type HumanName = NonNullable<FhirPatient['name']>[number];
type Address = NonNullable<FhirPatient['address']>[number];
type ContactPoint = NonNullable<FhirPatient['telecom']>[number];

const NAME_USE_ORDER = ['official', 'usual', undefined, 'temp', 'nickname', 'maiden', 'anonymous'];

/** The name to file someone under: official, then usual, then one without a use; never an old name. */
export function preferredName(names: readonly HumanName[] | undefined): HumanName | undefined {
  const usable = (names ?? []).filter((n) => n.use !== 'old');
  return [...usable].sort((a, b) => NAME_USE_ORDER.indexOf(a.use) - NAME_USE_ORDER.indexOf(b.use))[0];
}

const ADDRESS_USE_ORDER = ['home', undefined, 'temp', 'work'];

/** The current US street address (home first) with line, city, state and postal code, or undefined. */
export function usableAddress(addresses: readonly Address[] | undefined): (Address & { stateCode: string }) | undefined {
  const candidates = (addresses ?? [])
    .filter((a) => a.use !== 'old' && a.use !== 'billing' && a.type !== 'postal')
    .sort((a, b) => ADDRESS_USE_ORDER.indexOf(a.use) - ADDRESS_USE_ORDER.indexOf(b.use));
  for (const a of candidates) {
    const stateCode = usStateFromAddress(a.state);
    if (stateCode && isUsCountry(a.country) && a.line?.length && a.city && a.postalCode) return { ...a, stateCode };
  }
  return undefined;
}

function contact(telecom: readonly ContactPoint[] | undefined, system: 'phone' | 'email'): string | null {
  const order = ['mobile', 'home', undefined, 'work', 'temp'];
  const found = (telecom ?? []).filter((t) => t.system === system && t.value && t.use !== 'old').sort((a, b) => order.indexOf(a.use) - order.indexOf(b.use))[0];
  return found?.value ?? null;
}

/** MRN the patient already carries from a Housecall export (kept when still free in this database). */
export function housecallMrnOf(p: FhirPatient): string | null {
  return p.identifier?.find((i) => i.system === SYSTEM.housecallMrn && i.value)?.value ?? null;
}

export function mapPatient(p: FhirPatient): MapResult {
  const name = preferredName(p.name);
  if (!name?.family || !name.given?.length) return rejected('patient_no_name');
  if (!p.birthDate || p.birthDate.length !== 10) return rejected('patient_no_birth_date');
  const address = usableAddress(p.address);
  if (!address) return rejected('patient_no_us_address');
  return mapped({
    columns: {
      given_name: name.given.join(' '), family_name: name.family, birth_date: p.birthDate, sex: p.gender ?? 'unknown',
      phone: contact(p.telecom, 'phone'), email: contact(p.telecom, 'email'), address_line: address.line!.join(', '),
      address_city: address.city, address_state: address.stateCode, postal_code: address.postalCode,
    },
    // Where the patient is now starts as their home state; later a clinician confirms it at check-in.
    createOnly: { location_state: address.stateCode },
  });
}

export function mapPractitioner(p: FhirPractitioner): MapResult {
  const name = preferredName(p.name);
  return mapped({
    columns: {
      family_name: name?.family ?? null, given_name: name?.given?.join(' ') ?? null, prefix: name?.prefix?.join(' ') ?? null,
      npi: p.identifier?.find((i) => i.system === SYSTEM.npi && i.value)?.value ?? null,
    },
  });
}
