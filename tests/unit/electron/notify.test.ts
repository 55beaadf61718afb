// notify:show puts only the fixed, PHI-free words for a kind on screen, and says so when the OS has no notifications.
import { describe, expect, it, vi } from 'vitest';
import { NOTIFICATION_KINDS, NOTIFICATION_TEXT } from '../../../shared/ipc';
import { createNotifyHandler, type NotificationPresenter } from '../../../electron/core/notify';

function presenter(supported = true) {
  return { isSupported: () => supported, show: vi.fn<NotificationPresenter['show']>() } satisfies NotificationPresenter;
}

describe('notify:show', () => {
  it('shows "A patient has checked in" for patient_checked_in', async () => {
    const os = presenter();
    expect(await createNotifyHandler(os)['notify:show']({ kind: 'patient_checked_in' })).toEqual({ ok: true, value: { shown: true } });
    expect(os.show).toHaveBeenCalledWith('patient_checked_in', { title: 'Patient checked in', body: 'A patient has checked in.' });
  });

  it.each(NOTIFICATION_KINDS)('%s shows its fixed title and body', async (kind) => {
    const os = presenter();
    await createNotifyHandler(os)['notify:show']({ kind });
    expect(os.show).toHaveBeenCalledWith(kind, NOTIFICATION_TEXT[kind]);
  });

  it('answers unavailable and shows nothing when the OS does not support notifications', async () => {
    const os = presenter(false);
    expect(await createNotifyHandler(os)['notify:show']({ kind: 'new_secure_message' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(os.show).not.toHaveBeenCalled();
  });
});
