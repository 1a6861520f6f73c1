import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, calls, type CallName } from '../../../core/api/contract';
import type { CallSpec } from '../../../core/api/contract-kit';
import { ApiError } from '../../../core/api/errors';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../../core/api/session/session-registry';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const specOf = (name: CallName) => calls[name] as CallSpec;

describe('who is calling', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  it('refuses every call but signing in when no session is given', async () => {
    const anonymous = createInProcessClient(t.service);
    for (const name of CALL_NAMES) {
      const result = await t.service.dispatch(name, {}, {});
      if (specOf(name).access === 'public') continue;
      expect(result, name).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated', reason: 'common.signInRequired' },
      });
    }
    expect(await anonymous.call('session.status', {})).toMatchObject({ actor: null, hasLeadPassword: false });
  });

  it('refuses a made-up token as an ended session', async () => {
    const result = await t.service.dispatch('leads.list', {}, { token: 'made-up-token' });
    expect(result).toMatchObject({ ok: false, error: { reason: 'common.sessionEnded' } });
  });

  it('refuses every team-lead call to a rep before its handler runs, whatever the input', async () => {
    const rep = await t.client.call('reps.create', { name: '王芳', tier: 'mid' });
    const token = t.service.openTrustedSession({ role: 'rep', repId: rep.id });
    const leadOnly = CALL_NAMES.filter((name) => specOf(name).access === 'team-lead');
    expect(leadOnly.length).toBeGreaterThan(10);
    for (const name of leadOnly) {
      const result = await t.service.dispatch(name, {}, { token });
      expect(result, name).toMatchObject({
        ok: false,
        error: { code: 'forbidden', reason: 'common.teamLeadOnly' },
      });
    }
  });

  it('declares for every rep-callable call how its answer is scoped', () => {
    for (const name of CALL_NAMES) {
      const spec = specOf(name);
      if (spec.access === 'signed-in') {
        expect(['own-leads', 'own-and-pool', 'self', 'shared'], name).toContain(spec.repScope);
      }
    }
  });
});

describe('signing in', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  it('asks the team lead for a password once one is set, and the session it opens works', async () => {
    const anonymous = createInProcessClient(t.service);
    expect((await refusal(anonymous.call('session.signIn', { as: 'lead', password: 'x' }))).reason).toBe(
      'session.noPasswordYet',
    );
    await t.client.call('session.setLeadPassword', { password: 'correct horse 9' });
    const signedIn = await anonymous.call('session.signIn', { as: 'lead', password: 'correct horse 9' });
    anonymous.setSessionToken(signedIn.token);
    expect(await anonymous.call('session.status', {})).toMatchObject({ actor: { role: 'lead' } });
  });

  it('counts wrong tries down, then locks even the right password out, and audits each try', async () => {
    await t.client.call('session.setLeadPassword', { password: 'correct horse 9' });
    const anonymous = createInProcessClient(t.service);
    const left: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const error = await refusal(anonymous.call('session.signIn', { as: 'lead', password: `guess ${i}` }));
      expect(error.reason).toBe('session.wrongPassword');
      left.push(Number(error.details?.['triesLeft']));
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const locked = await refusal(
      anonymous.call('session.signIn', { as: 'lead', password: 'correct horse 9' }),
    );
    expect(locked).toMatchObject({ code: 'rate_limited', reason: 'session.lockedOut' });
    expect(Number(locked.details?.['retryAfterSeconds'])).toBeGreaterThan(0);

    t.clock.now += 31_000;
    await anonymous.call('session.signIn', { as: 'lead', password: 'correct horse 9' });
    const audit = await t.client.call('audit.list', { limit: 50 });
    const actions = audit.map((entry) => entry.action);
    expect(actions.filter((a) => a === 'session.signInFailed')).toHaveLength(5);
    expect(actions).toContain('session.signInLocked');
    expect(actions).toContain('session.signIn');
  });

  it('does not let parallel guesses slip past the lockout', async () => {
    await t.client.call('session.setLeadPassword', { password: 'correct horse 9' });
    const anonymous = createInProcessClient(t.service);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        anonymous.call('session.signIn', { as: 'lead', password: `g${i}` }),
      ),
    );
    const reasons = results.map((r) => (r.status === 'rejected' ? (r.reason as ApiError).reason : 'ok'));
    expect(reasons.filter((r) => r === 'session.wrongPassword').length).toBeLessThanOrEqual(5);
    expect(reasons.filter((r) => r === 'session.lockedOut').length).toBeGreaterThanOrEqual(7);
  });

  it('signs a rep in with a PIN of at least 6 digits and never as the team lead', async () => {
    expect(
      (await refusal(t.client.call('reps.create', { name: '短', tier: 'mid', pin: '1234' }))).field,
    ).toBe('pin');
    const rep = await t.client.call('reps.create', { name: '王芳', tier: 'mid', pin: '246810' });
    const device = createInProcessClient(t.service);
    const signedIn = await device.call('session.signIn', { as: 'rep', repId: rep.id, pin: '246810' });
    device.setSessionToken(signedIn.token);
    expect(signedIn.actor).toEqual({ role: 'rep', repId: rep.id, name: '王芳' });
    expect((await refusal(device.call('audit.list', {}))).reason).toBe('common.teamLeadOnly');
    expect((await refusal(device.call('session.setLeadPassword', { password: 'x'.repeat(10) }))).code).toBe(
      'forbidden',
    );
  });
});

describe('sessions end', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  async function repWithSession(pin = '135790') {
    const rep = await t.client.call('reps.create', { name: '陈静', tier: 'mid', pin });
    const client = createInProcessClient(t.service);
    const { token } = await client.call('session.signIn', { as: 'rep', repId: rep.id, pin });
    client.setSessionToken(token);
    return { rep, client, token };
  }

  it('on sign-out, and says so to the next call', async () => {
    const { client } = await repWithSession();
    await client.call('session.signOut', {});
    expect((await refusal(client.call('queue.list', {}))).reason).toBe('common.sessionEnded');
  });

  it('when the rep is deactivated or their PIN changes, and tells open connections', async () => {
    const revoked: string[] = [];
    t.service.sessions.onRevoked((hashes) => revoked.push(...hashes));
    const first = await repWithSession();
    await t.client.call('reps.setActive', { id: first.rep.id, isActive: false });
    expect((await refusal(first.client.call('queue.list', {}))).code).toBe('unauthenticated');
    expect(revoked).toHaveLength(1);

    const second = await repWithSession('864200');
    await t.client.call('reps.update', { id: second.rep.id, patch: { pin: '975310' } });
    expect((await refusal(second.client.call('queue.list', {}))).reason).toBe('common.sessionEnded');
    expect(revoked).toHaveLength(2);
  });

  it('after the idle time and after the absolute lifetime', async () => {
    const { client } = await repWithSession();
    t.clock.now += SESSION_IDLE_MS + 1;
    expect((await refusal(client.call('queue.list', {}))).reason).toBe('common.sessionEnded');

    const busy = await repWithSession('112233');
    const start = t.clock.now;
    while (t.clock.now < start + SESSION_ABSOLUTE_MS - SESSION_IDLE_MS) {
      t.clock.now += SESSION_IDLE_MS / 2;
      await busy.client.call('queue.list', {});
    }
    t.clock.now = start + SESSION_ABSOLUTE_MS + 1;
    expect((await refusal(busy.client.call('queue.list', {}))).reason).toBe('common.sessionEnded');
  });

  it('for every other team-lead session when the password changes', async () => {
    await t.client.call('session.setLeadPassword', { password: 'first password' });
    const other = createInProcessClient(t.service);
    other.setSessionToken(
      (await other.call('session.signIn', { as: 'lead', password: 'first password' })).token,
    );
    await t.client.call('session.setLeadPassword', {
      password: 'second password',
      currentPassword: 'first password',
    });
    expect((await refusal(other.call('leads.list', {}))).reason).toBe('common.sessionEnded');
    expect(await t.client.call('session.status', {})).toMatchObject({ actor: { role: 'lead' } });
  });

  it('lets a one-time sign-in link be used once', async () => {
    const code = t.service.createSignInLink();
    const browser = createInProcessClient(t.service);
    const { token } = await browser.call('session.redeemLink', { code });
    expect(token.length).toBeGreaterThan(20);
    expect((await refusal(browser.call('session.redeemLink', { code }))).reason).toBe('session.linkInvalid');
  });
});
