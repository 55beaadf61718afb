// Camera and microphone: list the devices, open them (a chosen camera/mic, or audio only), measure the mic
// level for the meter, and stop what was opened. The only renderer module calling getUserMedia.

export interface MediaDeviceChoice {
  cameraId: string | null;
  microphoneId: string | null;
}

export interface MediaDeviceOption {
  id: string;
  label: string;
}

export interface MediaDeviceLists {
  cameras: MediaDeviceOption[];
  microphones: MediaDeviceOption[];
}

/** Devices by kind; labels are only known once permission was given (numbered otherwise). */
export async function listMediaDevices(): Promise<MediaDeviceLists> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const of = (kind: MediaDeviceKind, word: string) => devices
    .filter((d) => d.kind === kind && d.deviceId !== '')
    .map((d, i) => ({ id: d.deviceId, label: d.label || `${word} ${i + 1}` }));
  return { cameras: of('videoinput', 'Camera'), microphones: of('audioinput', 'Microphone') };
}

export type MediaOpenFailure = 'denied' | 'not_found' | 'busy' | 'unsupported';

export const MEDIA_FAILURE_TEXT: Record<MediaOpenFailure, string> = {
  denied: 'Camera and microphone access was refused. Allow it in the browser settings and try again.',
  not_found: 'No camera or microphone was found.',
  busy: 'The camera or microphone is in use by another application.',
  unsupported: 'This browser cannot use a camera and microphone here.',
};

/** Opens the chosen devices; video false opens the microphone only. */
export async function openLocalMedia(choice: MediaDeviceChoice, options: { video: boolean } = { video: true }): Promise<{ ok: true; stream: MediaStream } | { ok: false; reason: MediaOpenFailure }> {
  if (!navigator.mediaDevices?.getUserMedia) return { ok: false, reason: 'unsupported' };
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: choice.microphoneId ? { deviceId: { exact: choice.microphoneId } } : true,
      video: options.video ? { ...(choice.cameraId ? { deviceId: { exact: choice.cameraId } } : {}), width: { ideal: 640 }, height: { ideal: 480 } } : false,
    });
    return { ok: true, stream };
  } catch (error) {
    const name = (error as { name?: string })?.name;
    if (name === 'NotAllowedError' || name === 'SecurityError') return { ok: false, reason: 'denied' };
    if (name === 'NotFoundError' || name === 'OverconstrainedError') return { ok: false, reason: 'not_found' };
    if (name === 'NotReadableError' || name === 'AbortError') return { ok: false, reason: 'busy' };
    return { ok: false, reason: 'unsupported' };
  }
}

/** Opens one new track of a kind from a device (switching camera or microphone during a call). */
export async function openTrack(kind: 'audio' | 'video', deviceId: string): Promise<MediaStreamTrack | null> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia(kind === 'audio' ? { audio: { deviceId: { exact: deviceId } } } : { video: { deviceId: { exact: deviceId }, width: { ideal: 640 }, height: { ideal: 480 } } });
    return stream.getTracks()[0] ?? null;
  } catch {
    return null;
  }
}

export function stopMedia(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** Samples the microphone level (0..1, RMS) of a stream until stopped. */
export function watchMicLevel(stream: MediaStream, onLevel: (level: number) => void, everyMs = 100): () => void {
  if (stream.getAudioTracks().length === 0 || typeof AudioContext === 'undefined') return () => undefined;
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
  }, everyMs);
  return () => {
    clearInterval(timer);
    source.disconnect();
    void context.close();
  };
}
