// The registry of mutation handlers, one per mutation name in shared/sync/mutations.
import type { MutationName } from '../../../shared/sync/mutations';
import type { MutationHandler } from './types';
import { confirmLocation, updateContact } from './patient-mutations';
import { setAppointmentStatus } from './appointment-mutations';
import { saveNoteDraft } from './note-mutations';
import { cancelRx, completeTask, signRx } from './rx-mutations';
import { addNoteAddendum, signNote } from './note-signing-mutations';
import { markMessagesRead, sendMessage } from './message-mutations';
import { bookAppointment, rescheduleAppointment } from './booking-mutations';
import { takeQueueRequest } from './queue-mutations';
import { assignFieldRequest, setFieldRequestStatus } from './field-request-mutations';

export const MUTATION_HANDLERS: { [N in MutationName]: MutationHandler<N> } = {
  'patient.updateContact': updateContact,
  'patient.confirmLocation': confirmLocation,
  'appointment.setStatus': setAppointmentStatus,
  'appointment.book': bookAppointment,
  'appointment.reschedule': rescheduleAppointment,
  'queue.take': takeQueueRequest,
  'note.saveDraft': saveNoteDraft,
  'rx.sign': signRx,
  'rx.cancel': cancelRx,
  'task.complete': completeTask,
  'note.sign': signNote,
  'note.addAddendum': addNoteAddendum,
  'message.send': sendMessage,
  'message.markRead': markMessagesRead,
  'fieldRequest.assign': assignFieldRequest,
  'fieldRequest.setStatus': setFieldRequestStatus,
};
