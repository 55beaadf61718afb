// Shows an attached image, fetched from the care server for conversation members (online only).
import { useEffect, useState } from 'react';
import { fetchChatAttachment } from '../../platform';

export function AttachmentImage({ attachmentId, alt }: { attachmentId: string; alt: string }) {
  const [state, setState] = useState<{ url: string } | { error: string } | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    void fetchChatAttachment(attachmentId).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        url = URL.createObjectURL(result.value);
        setState({ url });
      } else {
        setState({ error: result.error });
      }
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [attachmentId]);
  if (!state) return <span className="hc-muted">Loading the image…</span>;
  if ('error' in state) return <span className="hc-muted">The image cannot be shown: {state.error}</span>;
  return <img className="hc-chat__image" src={state.url} alt={alt} />;
}
