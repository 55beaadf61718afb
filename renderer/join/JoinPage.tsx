// The patient's join page: opens the visit from the one-time link, checks camera and microphone, waits in the
// waiting room until the clinician joins, then the call with mute and camera controls, and the chat with the
// care team below (where the visit continues when video is unavailable). Nothing is kept beyond the visit session.
// The visit part (JoinedVisit) is also what the "See a clinician now" waiting page becomes once its visit opens.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button } from '../ui';
import { stopMedia } from '../platform';
import { CallView } from '../features/video/CallView';
import { DeviceCheck } from '../features/video/DeviceCheck';
import { useCall, useCallState } from '../features/video/use-call';
import type { JoinOpening } from './join-session';
import { forgetJoinSession, openJoinSession } from './join-session';
import { PatientChatPanel } from './PatientChatPanel';

export type Opened = Extract<JoinOpening, { ok: true }>;

function PatientCall({ opened, stream, onLeave, onEnded }: { opened: Opened; stream: MediaStream; onLeave: () => void; onEnded: () => void }) {
  const controller = useCall({ visitId: opened.visit.visitId, member: 'patient', iceServers: opened.visit.iceServers, stream, patientSessionToken: opened.sessionToken });
  const state = useCallState(controller);
  useEffect(() => () => stopMedia(stream), [stream]);
  useEffect(() => {
    if (state.visitStatus === 'ended') onEnded();
  }, [state.visitStatus, onEnded]);
  return (
    <CallView
      controller={controller}
      member="patient"
      stream={stream}
      waitingText="Your clinician will be with you shortly."
      actions={<Button onClick={onLeave}>Leave call</Button>}
    />
  );
}

/** An opened visit: device check, then the call, and the chat below; "ended" once the clinician ends it. */
export function JoinedVisit({ opened, onSessionOver }: { opened: Opened; onSessionOver: () => void }) {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [ended, setEnded] = useState(false);

  const onEnded = () => {
    onSessionOver();
    setStream(null);
    setEnded(true);
  };

  if (ended) {
    return (
      <section className="hc-stack" aria-labelledby="hc-join-ended">
        <h1 id="hc-join-ended">Your visit has ended</h1>
        <p>Thank you. You can close this page.</p>
      </section>
    );
  }
  return (
    <div className="hc-join__visit hc-stack">
      <h1>Your video visit with {opened.visit.clinicianName}</h1>
      {stream
        ? <PatientCall opened={opened} stream={stream} onLeave={() => setStream(null)} onEnded={onEnded} />
        : <DeviceCheck joinLabel="Join visit" onJoin={setStream} />}
      <PatientChatPanel sessionToken={opened.sessionToken} visitId={opened.visit.visitId} clinicianName={opened.visit.clinicianName} onSessionEnded={onEnded} />
    </div>
  );
}

export function JoinPage() {
  const [opening, setOpening] = useState<JoinOpening | null>(null);
  const requested = useRef(false);

  useEffect(() => {
    if (requested.current) return;
    requested.current = true;
    void openJoinSession(location.pathname).then(setOpening);
  }, []);

  return (
    <main className="hc-join">
      <header className="hc-join__header"><p className="hc-join__brand">Housecall</p></header>
      {!opening && <p role="status">Opening your visit…</p>}
      {opening && !opening.ok && (
        <section className="hc-stack" aria-labelledby="hc-join-refused">
          <h1 id="hc-join-refused">{opening.title}</h1>
          <Alert tone="error">{opening.message}</Alert>
        </section>
      )}
      {opening?.ok && <JoinedVisit opened={opening} onSessionOver={forgetJoinSession} />}
    </main>
  );
}
