// Patients feature: search the patients cached on this device and read a chart; edit contact details.
export { PatientsWorkspace } from './PatientsWorkspace';
export { resetPatientsStore, usePatientsStore, initialPatientsState, openChart } from './patients-store';
export type { PatientsState } from './patients-store';
export { matchesPatient, searchPatients, ageOn } from './patient-search';
