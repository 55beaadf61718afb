// "Video unavailable — continue in chat": shown when there is no camera/microphone or the call has not come
// back for a while; the visit itself goes on (only "End visit" ends it), in the chat beside the call.
import { Alert } from '../../ui';

/** A call still reconnecting after this long counts as video being unavailable (the call keeps trying). */
export const VIDEO_UNAVAILABLE_AFTER_MS = 20_000;

export function VideoUnavailableNotice({ reason }: { reason: 'no_media' | 'not_recovering' }) {
  return (
    <Alert tone="info" title="Video unavailable — continue in chat" className="hc-video-unavailable">
      {reason === 'no_media'
        ? 'Your visit goes on: write in the chat below.'
        : 'The call keeps trying to reconnect; meanwhile your visit goes on in the chat below.'}
    </Alert>
  );
}
