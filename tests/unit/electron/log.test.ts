// The main-process logger: levels from policy, fixed event names, and a redaction guard that writes no free text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, createShellLogger, describeError, memoryLogSink, redactFields, safeEventName } from '../../../electron/core/log';

const fixedNow = () => new Date('2030-01-02T03:04:05.000Z');

describe('createShellLogger', () => {
  it('writes one JSON line per event with time, level and event', () => {
    const sink = memoryLogSink();
    createShellLogger({ sink, level: 'info', now: fixedNow }).info('session.locked', { reason: 'idle' });
    expect(sink.lines).toEqual(['{"time":"2030-01-02T03:04:05.000Z","level":"info","event":"session.locked","reason":"idle"}\n']);
  });

  it.each([
    ['error', ['error']],
    ['warn', ['error', 'warn']],
    ['info', ['error', 'warn', 'info']],
    ['debug', ['error', 'warn', 'info', 'debug']],
  ] as const)('at level %s writes %j', (level, written) => {
    const sink = memoryLogSink();
    const log = createShellLogger({ sink, level });
    log.error('e');
    log.warn('w');
    log.info('i');
    log.debug('d');
    expect(sink.lines.map((line) => JSON.parse(line).level)).toEqual(written);
  });

  it('changes level when policy is loaded', () => {
    const sink = memoryLogSink();
    const log = createShellLogger({ sink, level: 'info' });
    log.setLevel('error');
    log.info('hidden');
    expect(sink.lines).toEqual([]);
    expect(log.level()).toBe('error');
  });

  it('survives a sink that throws (full disk)', () => {
    const log = createShellLogger({ sink: { write: () => { throw new Error('ENOSPC'); } }, level: 'info' });
    expect(() => log.error('x')).not.toThrow();
  });
});

describe('redaction guard', () => {
  it('keeps numbers, booleans and tokens under known names; redacts other strings', () => {
    expect(redactFields({ channel: 'notify:show', exitCode: 3, ok: true, note: 'Patient reports chest pain', reason: 'crashed' })).toEqual({
      channel: 'notify:show',
      exitCode: 3,
      ok: true,
      note: REDACTED,
      reason: 'crashed',
    });
  });

  it('redacts text with spaces, dates and long numbers even under known names', () => {
    expect(redactFields({ reason: 'Jane Doe', code: '1950-02-03', key: 'MRN12345678' })).toEqual({ reason: REDACTED, code: REDACTED, key: REDACTED });
  });

  it('reduces URLs to their origin', () => {
    expect(redactFields({ url: 'https://evil.example/chart?patient=Jane%20Doe', targetUrl: 'app://housecall/patients/123', badUrl: 'not a url' })).toEqual({
      url: 'https://evil.example',
      targetUrl: 'app://housecall',
      badUrl: REDACTED,
    });
  });

  it('reduces errors to name and code, never message or stack', () => {
    const error = Object.assign(new Error('could not open /home/nurse/Jane Doe.pdf'), { code: 'ENOENT' });
    expect(redactFields({ error })).toEqual({ errorName: 'Error', errorCode: 'ENOENT' });
    expect(describeError('Jane Doe')).toEqual({ errorName: 'string' });
    expect(describeError({ message: 'Jane Doe' })).toEqual({ errorName: 'NonErrorObject' });
    const odd = new Error('x');
    odd.name = 'Jane Doe Error';
    expect(describeError(odd)).toEqual({ errorName: 'Error' });
  });

  it('drops odd field names and replaces odd event names', () => {
    expect(redactFields({ 'Jane Doe': 1, ok: 2 })).toEqual({ ok: 2 });
    expect(safeEventName('ipc.handler-failed')).toBe('ipc.handler-failed');
    expect(safeEventName('Opened chart of Jane Doe')).toBe('event.redacted');
  });

  it('writes [redacted] for any string under a field that is not a known token field (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('note', 'name', 'text', 'message', 'detail', 'patient', 'title'), (value, field) => {
        return redactFields({ [field]: value })[field] === REDACTED;
      }),
    );
  });

  it('a known token field carries no spaces, dates or long digit runs (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('reason', 'code', 'key', 'channel'), (value, field) => {
        const written = String(redactFields({ [field]: value })[field]);
        return written === REDACTED || (!/\s/.test(written) && !/\d{5,}/.test(written) && written.length <= 64);
      }),
    );
  });

  it('never writes anything but the origin of a URL (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const written = redactFields({ url }).url;
        return written === REDACTED || written === new URL(url).origin;
      }),
    );
  });
});
