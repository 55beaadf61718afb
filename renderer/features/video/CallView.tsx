// The call itself, for either member: the other side's video, a self view, mute / camera off / audio only,
// device switching, the reconnecting notice and the call-quality indicator. Leaving is the caller's choice of
// buttons (the clinician also has "End visit").
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { VisitMember } from '../../../shared/domain/visit';
import { Button } from '../../ui';
import { listMediaDevices, openTrack } from '../../platform';
import type { MediaDeviceLists } from '../../platform';
import type { CallController } from './call-controller';
import { useCallState } from './use-call';
import { DeviceSelect } from './DeviceSelect';
import { QualityIndicator } from './QualityIndicator';
import { ReconnectingNotice } from './ReconnectingNotice';

export interface CallViewProps {
  controller: CallController;
  member: VisitMember;
  stream: MediaStream;
  /** Shown instead of the other side's video before the first connection (e.g. the patient's waiting room). */
  waitingText: string;
  /** Leave / end buttons. */
  actions: ReactNode;
}

const OTHER_LABEL = { clinician: 'Patient video', patient: 'Clinician video' } as const;

export function CallView({ controller, member, stream, waitingText, actions }: CallViewProps) {
  const state = useCallState(controller);
  const remoteRef = useRef<HTMLVideoElement>(null);
  const selfRef = useRef<HTMLVideoElement>(null);
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [audioOnly, setAudioOnly] = useState(false);
  const [devices, setDevices] = useState<MediaDeviceLists>({ cameras: [], microphones: [] });
  const [, setTrackVersion] = useState(0);

  useEffect(() => {
    if (remoteRef.current && remoteRef.current.srcObject !== state.remoteStream) remoteRef.current.srcObject = state.remoteStream;
  }, [state.remoteStream]);
  useEffect(() => {
    if (selfRef.current) selfRef.current.srcObject = stream;
    void listMediaDevices().then(setDevices);
  }, [stream]);

  const toggleMute = () => {
    for (const t of stream.getAudioTracks()) t.enabled = muted;
    setMuted(!muted);
  };
  const toggleCamera = () => {
    for (const t of stream.getVideoTracks()) t.enabled = cameraOff;
    setCameraOff(!cameraOff);
  };
  const toggleAudioOnly = () => {
    void controller.setAudioOnly(!audioOnly);
    setAudioOnly(!audioOnly);
  };
  const switchDevice = async (kind: 'audio' | 'video', deviceId: string) => {
    const track = await openTrack(kind, deviceId);
    if (!track) return;
    await controller.replaceTrack(kind, track);
    if (selfRef.current) selfRef.current.srcObject = stream;
    setTrackVersion((v) => v + 1);
  };
  const currentDevice = (kind: 'audio' | 'video') => (kind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0])?.getSettings().deviceId ?? null;

  const beforeFirstConnection = state.phase === 'waiting' || state.phase === 'connecting';
  const videoHidden = audioOnly || state.remoteAudioOnly;
  return (
    <section className="hc-call" aria-label="Video call">
      <div className="hc-call__stage">
        <video ref={remoteRef} className="hc-call__remote" aria-label={OTHER_LABEL[member]} autoPlay playsInline hidden={beforeFirstConnection || videoHidden} />
        {beforeFirstConnection && <p className="hc-call__waiting" role="status">{waitingText}</p>}
        {!beforeFirstConnection && videoHidden && <p className="hc-call__waiting" role="status">Audio only</p>}
        {state.phase === 'reconnecting' && state.reconnectingSince !== null && <ReconnectingNotice since={state.reconnectingSince} />}
        {state.phase === 'connected' && <p className="hc-visually-hidden" role="status">Connected</p>}
        <video ref={selfRef} className="hc-call__self" aria-label="Your video" autoPlay playsInline muted hidden={cameraOff || audioOnly} />
      </div>
      <div className="hc-call__controls" role="group" aria-label="Call controls">
        <Button aria-pressed={muted} onClick={toggleMute}>{muted ? 'Unmute' : 'Mute'}</Button>
        <Button aria-pressed={cameraOff} onClick={toggleCamera} disabled={audioOnly}>{cameraOff ? 'Turn camera on' : 'Turn camera off'}</Button>
        <Button aria-pressed={audioOnly} onClick={toggleAudioOnly}>{audioOnly ? 'Back to video' : 'Audio only'}</Button>
        {actions}
      </div>
      <div className="hc-call__devices">
        <DeviceSelect label="Switch camera" options={devices.cameras} value={currentDevice('video')} disabled={audioOnly} onChange={(id) => void switchDevice('video', id)} />
        <DeviceSelect label="Switch microphone" options={devices.microphones} value={currentDevice('audio')} onChange={(id) => void switchDevice('audio', id)} />
      </div>
      <QualityIndicator controller={controller} active={state.phase === 'connected'} />
    </section>
  );
}
