// A call that does not wait on I/O resolves its session inside its own transaction: the session's last-seen touch
// is kept when the call is refused or fails and rolls back, and a read whose session was touched waits for no fsync.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../../core/api/service';
import { hashToken } from '../../../core/api/session/secrets';
import { openDatabase } from '../../../core/store/open-database';
import { findSession } from '../../../core/store/sessions';
import { useTempDir } from '../../helpers/temp-dir';

const START = Date.UTC(2026, 10, 23, 2);
/** Past the once-a-minute touch, well inside the idle lifetime. */
const LATER = START + 10 * 60_000;

describe('the session touched inside the call', () => {
  const tempDir = useTempDir();
  let service: Service | null = null;
  afterEach(() => service?.db.close());

  function start() {
    const clock = { now: START };
    let flushes = 0;
    const db = openDatabase(join(tempDir(), 'fairlead.sqlite'));
    service = createService({
      db,
      clock: () => clock.now,
      durableAcks: { flush: () => ((flushes += 1), Promise.resolve()) },
    });
    const token = service.openTrustedSession({ role: 'lead' });
    const s = service;
    return {
      service: s,
      token,
      clock,
      flushes: () => flushes,
      lastSeen: () => findSession(s.db, hashToken(token))?.lastSeenAt,
    };
  }

  it('keeps the touch of a call that failed and rolled back', async () => {
    const t = start();
    t.clock.now = LATER;
    const failed = await t.service.dispatch(
      'leads.update',
      { id: 'lead_missing', patch: { name: '陈静' } },
      { token: t.token },
    );
    expect(failed.ok).toBe(false);
    expect(t.lastSeen()).toBe(LATER);
  });

  it('keeps the touch of a call refused for its input or its access', async () => {
    const t = start();
    t.clock.now = LATER;
    expect((await t.service.dispatch('leads.create', { name: 42 }, { token: t.token })).ok).toBe(false);
    expect(t.lastSeen()).toBe(LATER);
    const rep = await t.service.dispatch('reps.create', { name: '王芳', tier: 'mid' }, { token: t.token });
    if (!rep.ok) throw new Error('the rep was not created');
    const repToken = t.service.openTrustedSession({ role: 'rep', repId: (rep.value as { id: string }).id });
    t.clock.now = LATER + 10 * 60_000;
    const refused = await t.service.dispatch(
      'reps.create',
      { name: '李强', tier: 'mid' },
      { token: repToken },
    );
    expect(refused.ok).toBe(false);
    expect(findSession(t.service.db, hashToken(repToken))?.lastSeenAt).toBe(LATER + 10 * 60_000);
  });

  it('touches on a read without making the read wait for the disk; a write waits once', async () => {
    const t = start();
    t.clock.now = LATER;
    expect((await t.service.dispatch('reps.list', {}, { token: t.token })).ok).toBe(true);
    expect(t.lastSeen()).toBe(LATER);
    expect(t.flushes()).toBe(0);
    t.clock.now = LATER + 10 * 60_000;
    const created = await t.service.dispatch(
      'reps.create',
      { name: '王芳', tier: 'mid' },
      { token: t.token },
    );
    expect(created.ok).toBe(true);
    expect(t.lastSeen()).toBe(LATER + 10 * 60_000);
    expect(t.flushes()).toBe(1);
  });
});
