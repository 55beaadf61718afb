// The clinician's video visit: starts the visit (licensure checked by the server) and shows the patient's join
// link; then the device check, the call with the patient's chat under it, and the encounter note beside the
// video. "Leave call" keeps the visit in progress; only "End visit" ends it.
import { useEffect, useId, useRef, useState } from 'react';
import type { StartVisitResponse } from '../../../shared/api/visits';
import type { LocalAppointment } from '../../data';
import { Alert, Button, ConfirmDialog } from '../../ui';
import { endVisit, startVisit, stopMedia } from '../../platform';
import { NoteEditor } from '../notes';
import { VisitChatPanel } from '../chat';
import type { User } from '../../../shared/domain/user';
import { CallView } from './CallView';
import { DeviceCheck } from './DeviceCheck';
import { JoinLinkPanel } from './JoinLinkPanel';
import { useCall } from './use-call';
import './video.css';

export interface VideoVisitScreenProps {
  appointment: LocalAppointment;
  user: User;
  timeZone: string;
  onBack: () => void;
}

type Start = { kind: 'starting' } | { kind: 'refused'; message: string } | { kind: 'started'; value: StartVisitResponse };

function ClinicianCall({ started, stream, onLeave, onEnded }: { started: StartVisitResponse; stream: MediaStream; onLeave: () => void; onEnded: () => void }) {
  const controller = useCall({ visitId: started.visit.id, member: 'clinician', iceServers: started.iceServers, stream });
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
  const requested = useRef(false);

  useEffect(() => {
    if (requested.current) return;
    requested.current = true;
    void startVisit(appointment.id).then((result) => {
      setStart(result.ok ? { kind: 'started', value: result.value } : { kind: 'refused', message: result.error.message });
    });
  }, [appointment.id]);

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
            {stream
              ? <ClinicianCall started={start.value} stream={stream} onLeave={() => setStream(null)} onEnded={() => { setStream(null); setEnded(true); }} />
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
