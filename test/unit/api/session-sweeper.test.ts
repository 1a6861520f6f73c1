// Ended sessions are dropped a week after they ended, live ones never; the sweep runs at start-up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../../core/api/session/secrets';
import { KEEP_ENDED_SESSIONS_MS, startSessionSweeper } from '../../../core/api/session/session-sweeper';
import { SESSION_ABSOLUTE_MS } from '../../../core/api/session/session-registry';
import { findSession } from '../../../core/store/sessions';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

const DAY = 24 * 60 * 60_000;

describe('sweeping ended sessions', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  const exists = (token: string) => findSession(t.service.db, hashToken(token)) !== undefined;

  it('drops sessions revoked or expired over a week ago and keeps the others, at start-up', async () => {
    const signedOutLongAgo = t.service.openTrustedSession({ role: 'lead' });
    await t.service.dispatch('session.signOut', {}, { token: signedOutLongAgo });
    const expiring = t.service.openTrustedSession({ role: 'lead' });
    t.clock.now += SESSION_ABSOLUTE_MS + KEEP_ENDED_SESSIONS_MS - 2 * DAY;
    const signedOutYesterday = t.service.openTrustedSession({ role: 'lead' });
    await t.service.dispatch('session.signOut', {}, { token: signedOutYesterday });
    // Idle since (ended for calls) but neither revoked nor past its absolute expiry: kept until it is.
    const live = t.service.openTrustedSession({ role: 'lead' });
    t.clock.now += 3 * DAY;

    const sweeper = startSessionSweeper({ db: t.service.db, clock: () => t.clock.now });
    sweeper.stop();

    expect(exists(signedOutLongAgo)).toBe(false);
    expect(exists(expiring)).toBe(false);
    expect(exists(signedOutYesterday)).toBe(true);
    expect(exists(live)).toBe(true);
    // A dropped token is refused as any ended session is.
    expect(await t.service.dispatch('leads.list', {}, { token: signedOutLongAgo })).toMatchObject({
      ok: false,
      error: { reason: 'common.sessionEnded' },
    });
  });

  it('sweeps again when asked and reports how many it dropped', async () => {
    const sweeper = startSessionSweeper({ db: t.service.db, clock: () => t.clock.now });
    const token = t.service.openTrustedSession({ role: 'lead' });
    await t.service.dispatch('session.signOut', {}, { token });
    expect(sweeper.runOnce()).toBe(0);
    t.clock.now += KEEP_ENDED_SESSIONS_MS + 1;
    expect(sweeper.runOnce()).toBe(1);
    sweeper.stop();
    expect(sweeper.runOnce()).toBe(0);
  });
});
