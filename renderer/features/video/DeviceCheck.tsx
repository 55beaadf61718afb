// Before joining a call: choose the camera and microphone, see yourself, watch the microphone level, then join
// (without a camera or microphone: the visit continues in chat).
import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Button } from '../../ui';
import { MEDIA_FAILURE_TEXT, listMediaDevices, openLocalMedia, stopMedia, watchMicLevel } from '../../platform';
import type { MediaDeviceChoice, MediaDeviceLists, MediaOpenFailure } from '../../platform';
import { DeviceSelect } from './DeviceSelect';
import { MicLevelMeter } from './MicLevelMeter';
import { VideoUnavailableNotice } from './VideoUnavailableNotice';

export interface DeviceCheckProps {
  joinLabel: string;
  /** Hands over the opened media (the call owns it from then on). */
  onJoin(stream: MediaStream, choice: MediaDeviceChoice): void;
  joinDisabled?: boolean;
}

export function DeviceCheck({ joinLabel, onJoin, joinDisabled = false }: DeviceCheckProps) {
  const headingId = useId();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [choice, setChoice] = useState<MediaDeviceChoice>({ cameraId: null, microphoneId: null });
  const [devices, setDevices] = useState<MediaDeviceLists>({ cameras: [], microphones: [] });
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [failure, setFailure] = useState<MediaOpenFailure | null>(null);
  const [level, setLevel] = useState(0);
  const handedOver = useRef(false);

  useEffect(() => {
    let cancelled = false;
    let opened: MediaStream | null = null;
    void openLocalMedia(choice).then(async (result) => {
      if (cancelled) {
        if (result.ok) stopMedia(result.stream);
        return;
      }
      if (!result.ok) return setFailure(result.reason);
      opened = result.stream;
      setFailure(null);
      setStream(result.stream);
      setDevices(await listMediaDevices());
    });
    return () => {
      cancelled = true;
      if (opened && !handedOver.current) stopMedia(opened);
    };
  }, [choice]);

  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = stream;
    if (!stream) return;
    return watchMicLevel(stream, setLevel);
  }, [stream]);

  const current = (kind: 'audio' | 'video') => (kind === 'audio' ? stream?.getAudioTracks()[0] : stream?.getVideoTracks()[0])?.getSettings().deviceId ?? null;

  return (
    <section className="hc-video-check hc-stack" aria-labelledby={headingId}>
      <h2 id={headingId}>Check your camera and microphone</h2>
      {failure && <Alert tone="error">{MEDIA_FAILURE_TEXT[failure]}</Alert>}
      {failure && <VideoUnavailableNotice reason="no_media" />}
      <video ref={videoRef} className="hc-video-check__preview" aria-label="Your camera preview" autoPlay playsInline muted />
      <MicLevelMeter level={level} />
      <div className="hc-video-check__devices">
        <DeviceSelect label="Camera" options={devices.cameras} value={choice.cameraId ?? current('video')} onChange={(cameraId) => setChoice((c) => ({ ...c, cameraId }))} />
        <DeviceSelect label="Microphone" options={devices.microphones} value={choice.microphoneId ?? current('audio')} onChange={(microphoneId) => setChoice((c) => ({ ...c, microphoneId }))} />
      </div>
      <Button
        variant="primary"
        disabled={!stream || joinDisabled}
        onClick={() => {
          if (!stream) return;
          handedOver.current = true;
          onJoin(stream, choice);
        }}
      >
        {joinLabel}
      </Button>
    </section>
  );
}
