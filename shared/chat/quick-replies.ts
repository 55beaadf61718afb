// Quick-reply templates a clinician can drop into the composer (plain language, no patient data).
export interface QuickReply {
  id: string;
  /** Short name shown on the button. */
  label: string;
  text: string;
}

export const CLINICIAN_QUICK_REPLIES: readonly QuickReply[] = [
  { id: 'received', label: 'Received', text: 'Thank you, I have received your message and will reply shortly.' },
  { id: 'photo', label: 'Ask for a photo', text: 'Could you send a clear photo of the area in good light?' },
  { id: 'joining', label: 'Joining soon', text: 'I am finishing with another patient and will join your visit in a few minutes.' },
  { id: 'urgent', label: 'Urgent symptoms', text: 'If your symptoms get worse or you have trouble breathing, call 911 or go to the nearest emergency department.' },
  { id: 'rx-sent', label: 'Prescription sent', text: 'Your prescription has been sent. You will get a message when the courier picks it up.' },
];
