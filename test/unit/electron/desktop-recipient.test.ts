import { describe, expect, it } from 'vitest';
import { createDesktopRecipient } from '../../../electron/desktop-recipient';

describe('whose notifications the desktop shows', () => {
  it('follows the window from the team lead to a signed-in rep and back, ignoring failed switches', () => {
    const recipient = createDesktopRecipient();
    expect(recipient.current()).toBe('lead');
    recipient.observe('session.actAs', {
      ok: true,
      value: { actor: { role: 'rep', repId: 'rep_7', name: '刘婷' }, token: 't' },
    });
    expect(recipient.current()).toBe('rep_7');
    recipient.observe('session.actAs', {
      ok: false,
      error: { code: 'forbidden', message: 'Wrong PIN.', field: 'pin' },
    });
    recipient.observe('leads.list', { ok: true, value: { actor: { role: 'lead' } } });
    expect(recipient.current()).toBe('rep_7');
    recipient.observe('session.actAs', { ok: true, value: { actor: { role: 'lead' }, token: null } });
    expect(recipient.current()).toBe('lead');
  });
});
