// Call rules shared by both ends of a video visit: who builds the offer (deterministic, so the two never race),
// how a new call attempt's generation is chosen, and whether a signal belongs to the current attempt.
import type { VisitMember } from '../domain/visit';

/** The clinician always initiates: a new peer (and a new generation) comes from their side only. */
export const isCallInitiator = (member: VisitMember): boolean => member === 'clinician';

/** The generation of the next call attempt: above anything this side or the server has seen. */
export const nextCallGeneration = (current: number, seenOnServer: number): number => Math.max(current, seenOnServer) + 1;

export type SignalAge = 'stale' | 'current' | 'newer';

/** A signal of an older generation belongs to a peer already replaced and is ignored. */
export function signalAge(signalGeneration: number, currentGeneration: number): SignalAge {
  if (signalGeneration < currentGeneration) return 'stale';
  return signalGeneration === currentGeneration ? 'current' : 'newer';
}
