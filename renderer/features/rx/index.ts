// Prescribing feature: the Rx panel of a visit (search, sig, safety findings, sign, change, cancel, print)
// and the prescriptions section of the chart, each with its delivery status.
export { VisitPrescriptions } from './VisitPrescriptions';
export { PatientPrescriptions } from './PatientPrescriptions';
export { deliveryText } from './rx-words';
