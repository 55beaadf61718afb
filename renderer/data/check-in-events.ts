// Tells the UI when pulled changes checked in some of the signed-in clinician's patients (changes this device
// did not make). Counts only: listeners decide how to notify (never with patient data in an OS notification).
type Listener = (count: number) => void;

const listeners = new Set<Listener>();

export function onPatientsCheckedIn(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitPatientsCheckedIn(count: number): void {
  if (count <= 0) return;
  for (const listener of [...listeners]) listener(count);
}
