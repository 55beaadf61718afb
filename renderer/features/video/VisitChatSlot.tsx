// Where the visit's chat panel goes (chat is built separately): a labelled, empty region for now.
// CHAT PLUG-IN POINT: replace the body with the chat feature's visit panel, e.g. <VisitChat visitId={visitId} />
// (staff side) — the join page has the same slot in renderer/join/JoinPage.tsx for the patient's session.
export function VisitChatSlot({ visitId }: { visitId: string }) {
  return (
    <section className="hc-visit-chat-slot" aria-label="Visit chat" data-visit-id={visitId}>
      <p className="hc-muted">Chat for this visit will appear here.</p>
    </section>
  );
}
