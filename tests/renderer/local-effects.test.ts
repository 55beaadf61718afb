// The optimistic view a device shows before the server answers, and the retry timing of sync and realtime.
import { describe, expect, it } from 'vitest';
import { applyLocalEffect, checkLocally, foldLocalEffects, mutationTarget } from '../../shared/sync/local-effects';
import { backoffDelay } from '../../renderer/platform/backoff';

const ctx = { userId: '11111111-1111-4111-8111-111111111111', nowIso: '2030-01-01T10:00:00.000Z' };
const patient = { id: 'p1', phone: '206-555-0100', email: null, address: { line: '1 Main St', city: 'Seattle', state: 'WA', postalCode: '98101' }, locationState: 'WA', version: 3 };
const sections = (s: string) => ({ subjective: s, objective: '', assessment: '', plan: '' });

describe('local effects', () => {
  it('a contact edit changes only the fields it names, address fields inside the address', () => {
    const next = applyLocalEffect('patient.updateContact', patient, { patientId: 'p1', fields: { phone: null, addressLine: '9 Elm St', postalCode: '98109' } }, ctx);
    expect(next).toEqual({ ...patient, phone: null, address: { ...patient.address, line: '9 Elm St', postalCode: '98109' } });
    expect(patient.address.line).toBe('1 Main St'); // the input is not mutated
  });

  it('a first draft save creates the note as the signed-in author (version 0 until the server has it); later saves replace the text', () => {
    const args = { noteId: 'n1', patientId: 'p1', appointmentId: null, sections: sections('a') };
    const created = applyLocalEffect('note.saveDraft', null, args, ctx);
    expect(created).toEqual({ id: 'n1', patientId: 'p1', appointmentId: null, authorId: ctx.userId, status: 'draft', sections: sections('a'), version: 0, updatedAt: ctx.nowIso });
    const server = { ...created!, version: 4 };
    expect(applyLocalEffect('note.saveDraft', server, { ...args, sections: sections('b') }, ctx)).toMatchObject({ version: 4, sections: sections('b') });
  });

  it('pending changes apply in order on top of the server state; unknown or malformed ones change nothing', () => {
    const appt = { id: 'a1', status: 'booked', version: 1 };
    const view = foldLocalEffects(appt, [
      { name: 'appointment.setStatus', args: { appointmentId: 'a1', status: 'checked_in' } },
      { name: 'appointment.teleport', args: {} },
      { name: 'appointment.setStatus', args: null },
      { name: 'appointment.setStatus', args: { appointmentId: 'a1', status: 'in_progress' } },
    ], ctx);
    expect(view).toEqual({ id: 'a1', status: 'in_progress', version: 1, checkedInAt: ctx.nowIso });
    expect(applyLocalEffect('appointment.setStatus', null, { appointmentId: 'a1', status: 'checked_in' }, ctx)).toBeNull();
  });

  it('names the entity each mutation changes', () => {
    expect(mutationTarget('note.saveDraft', { noteId: 'n1', patientId: 'p1' })).toEqual({ entity: 'note', id: 'n1', patientId: 'p1' });
    expect(mutationTarget('appointment.setStatus', { appointmentId: 'a1' })).toEqual({ entity: 'appointment', id: 'a1', patientId: null });
    expect(mutationTarget('patient.teleport', { patientId: 'p1' })).toBeNull();
  });

  it('refuses locally what the cached record already rules out', () => {
    expect(checkLocally('appointment.setStatus', { status: 'completed' }, { appointmentId: 'a1', status: 'checked_in' })).toMatchObject({ ok: false });
    expect(checkLocally('appointment.setStatus', { status: 'booked' }, { appointmentId: 'a1', status: 'checked_in' })).toEqual({ ok: true });
    expect(checkLocally('note.saveDraft', { status: 'signed', patientId: 'p1' }, { noteId: 'n1', patientId: 'p1', appointmentId: null, sections: sections('x') }))
      .toEqual({ ok: false, message: 'This note is signed and can no longer be edited; add an addendum instead.' });
  });

  it('signing locks the note on the device with signer, time and hash; an addendum is appended once', () => {
    const hash = 'a'.repeat(64);
    const draft = { id: 'n1', patientId: 'p1', authorId: ctx.userId, status: 'draft', sections: sections('x'), version: 2 };
    const signed = applyLocalEffect('note.sign', draft, { noteId: 'n1', patientId: 'p1', contentHash: hash }, ctx);
    expect(signed).toEqual({ ...draft, status: 'signed', signedBy: ctx.userId, signedAt: ctx.nowIso, contentHash: hash });
    expect(applyLocalEffect('note.sign', null, { noteId: 'n1', patientId: 'p1', contentHash: hash }, ctx)).toBeNull();
    const args = { noteId: 'n1', patientId: 'p1', addendumId: 'ad1', text: 'Result negative.', contentHash: hash };
    const amended = applyLocalEffect('note.addAddendum', signed, args, ctx);
    expect(amended?.addenda).toEqual([{ id: 'ad1', text: 'Result negative.', authorId: ctx.userId, signedAt: ctx.nowIso, contentHash: hash }]);
    expect(applyLocalEffect('note.addAddendum', amended, args, ctx)).toBe(amended); // the same addendum again changes nothing
    expect(mutationTarget('note.sign', { noteId: 'n1', patientId: 'p1' })).toEqual({ entity: 'note', id: 'n1', patientId: 'p1' });
    expect(mutationTarget('note.addAddendum', { noteId: 'n1', patientId: 'p1' })).toEqual({ entity: 'note', id: 'n1', patientId: 'p1' });
  });

  it('refuses locally to sign twice, to sign nothing, and to amend a draft', () => {
    const hash = 'a'.repeat(64);
    expect(checkLocally('note.sign', null, { noteId: 'n1', patientId: 'p1', contentHash: hash })).toEqual({ ok: false, message: 'Write the note before signing it.' });
    expect(checkLocally('note.sign', { status: 'signed', patientId: 'p1' }, { noteId: 'n1', patientId: 'p1', contentHash: hash })).toEqual({ ok: false, message: 'This note is already signed.' });
    expect(checkLocally('note.sign', { status: 'draft', patientId: 'p1' }, { noteId: 'n1', patientId: 'p1', contentHash: hash })).toEqual({ ok: true });
    expect(checkLocally('note.addAddendum', { status: 'draft', patientId: 'p1' }, { noteId: 'n1', patientId: 'p1', addendumId: 'ad1', text: 'x', contentHash: hash }))
      .toEqual({ ok: false, message: 'An addendum can only be added to a signed note.' });
  });
});

describe('back-off', () => {
  it('grows from about a second to a 30 s cap, with jitter', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect(backoffDelay(1, undefined, low)).toBe(500);
    expect(backoffDelay(1, undefined, high)).toBe(1000);
    expect(backoffDelay(3, undefined, high)).toBe(4000);
    expect(backoffDelay(20, undefined, high)).toBe(30_000);
    expect(backoffDelay(20, undefined, low)).toBe(500);
    const samples = new Set(Array.from({ length: 20 }, () => backoffDelay(5)));
    expect(samples.size).toBeGreaterThan(1);
  });
});
