-- Signed encounter notes and addenda: a signed note records who signed it, when, and the SHA-256 content hash
-- of its canonical sections; addenda are signed the same way and never change. Vitals recorded in a signed
-- note link back to it.

ALTER TABLE encounter_notes
  ADD COLUMN signed_by    uuid REFERENCES users(id),
  ADD COLUMN signed_at    timestamptz,
  ADD COLUMN content_hash text,
  ADD CONSTRAINT encounter_notes_signed_check
    CHECK (status = 'draft' OR (signed_by IS NOT NULL AND signed_at IS NOT NULL AND content_hash IS NOT NULL));

CREATE TABLE note_addenda (
  id           uuid PRIMARY KEY,
  note_id      uuid NOT NULL REFERENCES encounter_notes(id),
  author_id    uuid NOT NULL REFERENCES users(id),
  text         text NOT NULL,
  content_hash text NOT NULL,
  signed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX note_addenda_note_idx ON note_addenda (note_id, signed_at);

ALTER TABLE vital_signs ADD COLUMN note_id uuid REFERENCES encounter_notes(id);
CREATE INDEX vital_signs_note_idx ON vital_signs (note_id);
