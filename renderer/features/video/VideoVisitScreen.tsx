// The clinician's video visit: starts the visit (licensure checked by the server) and shows the patient's join
// link; then the device check, the call with the patient's chat under it, and the encounter note beside the
// video. "Leave call" keeps the visit in progress; only "End visit" ends it. The camera and microphone open
// while the server checks the start (not after it answers); when the patient is already in the waiting room,
// "Start video visit" goes straight into the call with them (devices can be switched in the call).
import { useEffect, useId, useRef, useState } from 'react';
import type { StartVisitResponse } from '../../../shared/api/visits';
import type { LocalAppointment } from '../../data';
import { Alert, Button, ConfirmDialog } from '../../ui';
import { endVisit, openLocalMedia, startVisit, stopMedia } from '../../platform';
import { NoteEditor } from '../notes';
import { VisitChatPanel } from '../chat';
import type { User } from '../../../shared/domain/user';
import { CallView } from './CallView';
import { DeviceCheck } from './DeviceCheck';
import { JoinLinkPanel } from './JoinLinkPanel';
import { useCall } from './use-call';
import { openEarlyChannel } from './early-channel';
import type { EarlyChannel } from './early-channel';
import './video.css';

export interface VideoVisitScreenProps {
  appointment: LocalAppointment;
  user: User;
  timeZone: string;
  onBack: () => void;
}

type Start = { kind: 'starting' } | { kind: 'refused'; message: string } | { kind: 'started'; value: StartVisitResponse };
/** The camera and microphone opened at "Start video visit", before the server answers. */
type Early = { kind: 'opening' } | { kind: 'open'; stream: MediaStream } | { kind: 'failed' };

function ClinicianCall({ started, stream, earlyChannel, onLeave, onEnded }: { started: StartVisitResponse; stream: MediaStream; earlyChannel: EarlyChannel | null; onLeave: () => void; onEnded: () => void }) {
  const controller = useCall({ visitId: started.visit.id, member: 'clinician', iceServers: started.iceServers, stream, earlyChannel });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => () => stopMedia(stream), [stream]);
  const end = async () => {
    setBusy(true);
    const result = await endVisit(started.visit.id);
    setBusy(false);
    setConfirming(false);
    if (result.ok) onEnded();
    else setFailed(result.error.message);
  };
  return (
    <>
      {failed && <Alert tone="error">{failed}</Alert>}
      <CallView
        controller={controller}
        member="clinician"
        stream={stream}
        waitingText="Waiting for the patient to join…"
        actions={(
          <>
            <Button onClick={onLeave}>Leave call</Button>
            <Button variant="danger" onClick={() => setConfirming(true)}>End visit</Button>
          </>
        )}
      />
      <ConfirmDialog
        open={confirming}
        title="End this visit?"
        confirmLabel="End visit"
        cancelLabel="Keep the visit open"
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void end()}
      >
        <p>The call ends for both of you and the patient's link stops working.</p>
      </ConfirmDialog>
    </>
  );
}

export function VideoVisitScreen({ appointment, user, timeZone, onBack }: VideoVisitScreenProps) {
  const headingId = useId();
  const [start, setStart] = useState<Start>({ kind: 'starting' });
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [ended, setEnded] = useState(false);
  const [early, setEarly] = useState<Early>({ kind: 'opening' });
  const requested = useRef(false);
  /** The early media until the call takes it (then the call stops it) or it is let go here. */
  const earlyStream = useRef<MediaStream | null>(null);
  /** The signaling channel opened with the start request, for the first call only (taken, or closed, once). */
  const earlyChannel = useRef<EarlyChannel | null>(null);
  const unmounted = useRef(false);

  useEffect(() => {
    unmounted.current = false;
    if (requested.current) return;
    requested.current = true;
    // Both at once: the start request (licensure and eligibility checked by the server) and the devices.
    const starting = startVisit(appointment.id);
    void starting.then((result) => {
      setStart(result.ok ? { kind: 'started', value: result.value } : { kind: 'refused', message: result.error.message });
    });
    // Connects now; joins only if the call starts at once (the patient is waiting), else it closes.
    earlyChannel.current = openEarlyChannel(starting.then((result) => (result.ok && result.value.patientJoined ? result.value.visit.id : null)));
    void openLocalMedia({ cameraId: null, microphoneId: null }).then((result) => {
      if (!result.ok) return setEarly({ kind: 'failed' });
      if (unmounted.current) return stopMedia(result.stream);
      earlyStream.current = result.stream;
      setEarly({ kind: 'open', stream: result.stream });
    });
  }, [appointment.id]);
  useEffect(() => () => {
    unmounted.current = true;
    if (earlyStream.current) stopMedia(earlyStream.current);
    earlyStream.current = null;
    earlyChannel.current?.close();
    earlyChannel.current = null;
  }, []);

  // Once both are known: the patient is waiting and the devices opened -> into the call; otherwise the device
  // check (which opens its own media, so the early media is let go).
  const waitingPatient = start.kind === 'started' && start.value.patientJoined;
  useEffect(() => {
    // The early channel closed itself when the call is not to start at once: the first call opens its own.
    if (start.kind === 'refused' || (start.kind === 'started' && !waitingPatient)) earlyChannel.current = null;
    if (start.kind === 'refused' && earlyStream.current) {
      stopMedia(earlyStream.current);
      earlyStream.current = null;
      return;
    }
    if (start.kind !== 'started' || early.kind === 'opening' || !earlyStream.current) return;
    const opened = earlyStream.current;
    earlyStream.current = null;
    if (waitingPatient) setStream(opened);
    else stopMedia(opened);
  }, [start.kind, early.kind, waitingPatient]);
  const deciding = start.kind === 'started' && waitingPatient && early.kind === 'opening';

  return (
    <div className="hc-video-visit">
      <section className="hc-video-visit__main hc-stack" aria-labelledby={headingId}>
        <h1 id={headingId}>Video visit with {appointment.patientName}</h1>
        {start.kind === 'starting' && <p role="status">Starting the visit…</p>}
        {start.kind === 'refused' && <Alert tone="error" title="The visit could not start">{start.message}</Alert>}
        {start.kind === 'started' && ended && <p role="status">The visit has ended.</p>}
        {start.kind === 'started' && !ended && (
          <>
            <JoinLinkPanel link={start.value.joinLink} timeZone={timeZone} />
            {deciding && <p role="status">The patient is waiting: opening your camera…</p>}
            {deciding ? null : stream
              ? <ClinicianCall
                  started={start.value}
                  stream={stream}
                  earlyChannel={earlyChannel.current}
                  onLeave={() => { earlyChannel.current = null; setStream(null); }}
                  onEnded={() => { earlyChannel.current = null; setStream(null); setEnded(true); }}
                />
              : <DeviceCheck joinLabel="Join call" onJoin={(s) => setStream(s)} />}
          </>
        )}
        {start.kind === 'started' && <VisitChatPanel patientId={appointment.patientId} visitId={start.value.visit.id} user={user} />}
      </section>
      <aside className="hc-video-visit__note" aria-label="Encounter note">
        <NoteEditor appointment={appointment} timeZone={timeZone} onBack={onBack} />
      </aside>
    </div>
  );
}
