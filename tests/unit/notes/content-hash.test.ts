// The signature's content hash: SHA-256 matches Node's, and the canonical serialization ignores key order,
// blank vitals and absent extras, but changes with any signed text, value or diagnosis.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/notes/sha256';
import { addendumContentHash, canonicalJson, noteContentHash } from '../../../shared/notes/content-hash';
import type { NoteSections } from '../../../shared/domain/note';

const nodeSha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const noteId = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
const patientId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const base: NoteSections = { subjective: 'Cough', objective: 'Clear lungs', assessment: 'URI', plan: 'Rest' };

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('known vector %j', (input, digest) => expect(sha256Hex(input)).toBe(digest));

  it('agrees with Node for multi-block, non-ASCII and astral text', () => {
    for (const text of ['a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), 'Température 38,5 °C — naïve', 'emoji 😷 and 中文', 'lone \ud800 surrogate']) {
      expect(sha256Hex(text)).toBe(nodeSha(text));
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
  });
  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });
});

describe('noteContentHash', () => {
  const hash = (sections: NoteSections) => noteContentHash({ noteId, patientId, sections });

  it('is the same for an older four-section draft and one with empty vitals and no diagnoses', () => {
    expect(hash(base)).toBe(hash({ ...base, vitals: { systolic: '', heartRate: '  ' }, diagnoses: [] }));
  });
  it('does not depend on key order', () => {
    const reordered = { plan: 'Rest', assessment: 'URI', objective: 'Clear lungs', subjective: 'Cough' } as NoteSections;
    expect(hash(reordered)).toBe(hash(base));
  });
  it('changes with any text, vital value or diagnosis, and with the note or patient', () => {
    const h = hash(base);
    expect(hash({ ...base, plan: 'Rest ' })).not.toBe(h);
    expect(hash({ ...base, vitals: { heartRate: '72' } })).not.toBe(h);
    expect(hash({ ...base, vitals: { heartRate: '72' } })).not.toBe(hash({ ...base, vitals: { heartRate: '73' } }));
    expect(hash({ ...base, diagnoses: [{ code: 'J06.9', description: 'URI' }] })).not.toBe(h);
    expect(noteContentHash({ noteId: patientId, patientId, sections: base })).not.toBe(h);
    expect(noteContentHash({ noteId, patientId: noteId, sections: base })).not.toBe(h);
  });
  it('is a 64-digit hex SHA-256 of the documented serialization', () => {
    const expected = nodeSha(`housecall-note-v1\n{"noteId":"${noteId}","patientId":"${patientId}","sections":{"assessment":"URI","diagnoses":[],"objective":"Clear lungs","plan":"Rest","subjective":"Cough","vitals":{}}}`);
    expect(hash(base)).toBe(expected);
  });
  it('addendum hashes bind note, addendum and text', () => {
    const a = addendumContentHash({ noteId, addendumId: patientId, text: 'Result negative.' });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(addendumContentHash({ noteId, addendumId: patientId, text: 'Result negative' })).not.toBe(a);
    expect(addendumContentHash({ noteId: patientId, addendumId: patientId, text: 'Result negative.' })).not.toBe(a);
  });
});
