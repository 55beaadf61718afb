// Video feature: the clinician's video visit screen (join link, device check, call, note beside it) and the
// call building blocks the patient join page reuses.
export { VideoVisitScreen } from './VideoVisitScreen';
export type { VideoVisitScreenProps } from './VideoVisitScreen';
export { DeviceCheck } from './DeviceCheck';
export { CallView } from './CallView';
export { VideoUnavailableNotice, VIDEO_UNAVAILABLE_AFTER_MS } from './VideoUnavailableNotice';
export { useCall, useCallState } from './use-call';
export { CallController } from './call-controller';
export type { CallState, CallPhase } from './call-controller';
