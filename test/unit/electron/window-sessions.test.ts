import { describe, expect, it } from 'vitest';
import { createWindowSessions } from '../../../electron/window-sessions';

function setup(initial: string | null = 'lead-token') {
  const clock = { now: 1_000 };
  const signedOut: string[] = [];
  const sessions = createWindowSessions({
    clock: () => clock.now,
    idleLockMs: 60_000,
    openInitial: () => Promise.resolve(initial),
    signOut: (token) => {
      signedOut.push(token);
      return Promise.resolve();
    },
  });
  return { clock, signedOut, sessions };
}

describe('the main process holding each window’s session', () => {
  it('opens the first session itself and keeps it across calls (a reload asks nothing)', async () => {
    const { sessions } = setup();
    expect(await sessions.tokenFor(1)).toBe('lead-token');
    expect(await sessions.tokenFor(1)).toBe('lead-token');
    expect(sessions.recipientOf(1)).toBe('lead');
  });

  it('keeps a new sign-in’s token and never hands it to the page', async () => {
    const { sessions } = setup(null);
    expect(await sessions.tokenFor(7)).toBeNull();
    const shown = sessions.observe(7, 'session.signIn', {
      ok: true,
      value: { actor: { role: 'rep', repId: 'rep_1', name: '王芳' }, token: 'rep-token', expiresAt: 9 },
    });
    expect(shown).toEqual({
      ok: true,
      value: { actor: { role: 'rep', repId: 'rep_1', name: '王芳' }, token: '', expiresAt: 9 },
    });
    expect(await sessions.tokenFor(7)).toBe('rep-token');
    expect(sessions.recipientOf(7)).toBe('rep_1');
  });

  it('forgets the token on sign-out and on an ended session', async () => {
    const { sessions } = setup();
    await sessions.tokenFor(1);
    sessions.observe(1, 'session.signOut', { ok: true, value: { signedOut: true } });
    expect(await sessions.tokenFor(1)).toBeNull();
    const other = setup();
    await other.sessions.tokenFor(2);
    other.sessions.observe(2, 'leads.list', {
      ok: false,
      error: { code: 'unauthenticated', reason: 'common.sessionEnded', message: 'x' },
    });
    expect(await other.sessions.tokenFor(2)).toBeNull();
  });

  it('locks a window left idle: its session is signed out before the next call', async () => {
    const { sessions, clock, signedOut } = setup();
    await sessions.tokenFor(3);
    clock.now += 59_000;
    expect(await sessions.tokenFor(3)).toBe('lead-token');
    clock.now += 61_000;
    expect(await sessions.tokenFor(3)).toBeNull();
    expect(signedOut).toEqual(['lead-token']);
  });

  it('keeps windows apart', async () => {
    const { sessions } = setup(null);
    await sessions.tokenFor(1);
    sessions.observe(1, 'session.signIn', {
      ok: true,
      value: { actor: { role: 'lead' }, token: 'a', expiresAt: 1 },
    });
    expect(await sessions.tokenFor(2)).toBeNull();
  });
});
