-- Each visit member's latest presence row, found by index: "Start visit" asks whether the patient is in the
-- visit now, and the relay prune keeps that row.
CREATE INDEX visit_signals_presence_idx ON visit_signals (visit_id, sender, id) WHERE kind = 'presence';
