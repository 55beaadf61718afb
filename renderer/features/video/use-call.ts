// React glue for a call: builds the CallController with the platform's signaling channel and peer link,
// runs it while mounted, and exposes its state.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { IceServer, VisitMember } from '../../../shared/domain/visit';
import { currentAccessToken, openVisitChannel } from '../../platform';
// Imported from its own module (not the platform index) so simple-peer and its Node shims load only with the video code.
import { createPeerLink } from '../../platform/peer';
import { CallController } from './call-controller';
import type { CallState } from './call-controller';
import type { EarlyChannel } from './early-channel';

export interface UseCallOptions {
  visitId: string;
  member: VisitMember;
  iceServers: readonly IceServer[];
  stream: MediaStream;
  /** The patient's visit session; the clinician signs with their access token. */
  patientSessionToken?: string;
  /** A channel opened before the call (see early-channel.ts), taken over instead of opening a new one. */
  earlyChannel?: EarlyChannel | null;
}

export function useCall(options: UseCallOptions): CallController {
  const { visitId, member, iceServers, stream, patientSessionToken, earlyChannel } = options;
  const [controller] = useState(() => new CallController({
    member, iceServers, stream,
    openChannel: (handlers) => earlyChannel?.adopt(handlers) ?? openVisitChannel({
      visitId,
      auth: patientSessionToken ? { kind: 'patient', sessionToken: patientSessionToken } : { kind: 'staff', token: currentAccessToken },
      onMessage: handlers.onMessage,
      onConnectionChange: handlers.onConnectionChange,
    }),
    createPeer: createPeerLink,
  }));
  useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);
  return controller;
}

export function useCallState(controller: CallController): CallState {
  return useSyncExternalStore((listener) => controller.subscribe(listener), () => controller.getState());
}
