// The registry of mutation handlers, one per mutation name in shared/sync/mutations.
import type { MutationName } from '../../../shared/sync/mutations';
import type { MutationHandler } from './types';
import { confirmLocation, updateContact } from './patient-mutations';
import { setAppointmentStatus } from './appointment-mutations';
import { saveNoteDraft } from './note-mutations';
import { assignFieldRequest, setFieldRequestStatus } from './field-request-mutations';

export const MUTATION_HANDLERS: { [N in MutationName]: MutationHandler<N> } = {
  'patient.updateContact': updateContact,
  'patient.confirmLocation': confirmLocation,
  'appointment.setStatus': setAppointmentStatus,
  'note.saveDraft': saveNoteDraft,
  'fieldRequest.assign': assignFieldRequest,
  'fieldRequest.setStatus': setFieldRequestStatus,
};
