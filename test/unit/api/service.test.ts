import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushedEvent } from '../../../core/api/contract';
import { ApiError } from '../../../core/api/errors';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

describe('the service through the in-process transport', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  async function refusal(promise: Promise<unknown>): Promise<ApiError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }

  it('creates a lead with trimmed fields and finds it in the list', async () => {
    const lead = await t.client.call('leads.create', {
      name: '  张伟 ',
      phone: '138 0013 8000',
      email: 'zw@example.cn',
      company: '',
    });
    expect(lead).toMatchObject({ name: '张伟', company: null, stage: 'raw', ownerId: null });
    const page = await t.client.call('leads.list', { text: '13800138000' });
    expect(page.rows.map((l) => l.id)).toEqual([lead.id]);
  });

  it.each([
    ['a bad email', { name: '李娜', email: 'not-an-email' }, 'email'],
    ['a phone of letters', { name: '李娜', phone: 'call me maybe' }, 'phone'],
    ['an unknown stage', { name: '李娜', stage: 'hot' }, 'stage'],
    ['an empty name', { name: '' }, 'name'],
    ['an unknown key', { name: '李娜', extra: 1 }, ''],
    ['a huge name', { name: 'x'.repeat(10_000) }, 'name'],
    ['a fractional cost', { name: '李娜', costFen: 1.5 }, 'costFen'],
    ['a wrong type', { name: 42 }, 'name'],
  ])('refuses a lead with %s, naming the field, and stores nothing', async (_label, input, field) => {
    const error = await refusal(t.client.call('leads.create', input as never));
    expect(error.code).toBe('invalid_input');
    expect(error.field ?? '').toBe(field);
    expect((await t.client.call('leads.list', {})).total).toBe(0);
  });

  it('refuses hostile envelopes without running anything', async () => {
    const token = t.service.openTrustedSession({ role: 'lead' });
    const dispatch = (name: string, input: unknown) => t.service.dispatch(name, input, { token });
    expect(await dispatch('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
    expect(await dispatch('leads.create', null)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      await dispatch('leads.create', JSON.parse('{"name":"x","__proto__":{"admin":true}}')),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const polluted = await dispatch('leads.create', {
      name: 'x',
      customFields: JSON.parse('{"__proto__":{"y":1}}'),
    });
    expect(
      polluted.ok === false ||
        Object.getPrototypeOf((polluted.value as { customFields: object }).customFields) === Object.prototype,
    ).toBe(true);
    expect(({} as Record<string, unknown>).y).toBeUndefined();
    expect(await dispatch('leads.list', { limit: 100_000 })).toMatchObject({
      ok: false,
      error: { field: 'limit' },
    });
  });

  it('updates a lead, audits the change field by field, and pushes an event after commit', async () => {
    const events: PushedEvent[] = [];
    t.client.subscribe((event) => events.push(event));
    const lead = await t.client.call('leads.create', { name: '刘洋' });
    t.clock.now += 1000;
    const updated = await t.client.call('leads.update', {
      id: lead.id,
      patch: { stage: 'mql', company: '深圳华拓电子' },
    });
    expect(updated).toMatchObject({
      stage: 'mql',
      company: '深圳华拓电子',
      updatedAt: lead.updatedAt + 1000,
    });
    const audit = await t.client.call('audit.list', { entityId: lead.id });
    expect(audit.map((a) => a.action)).toEqual(['lead.update', 'lead.create']);
    expect(audit[0]?.detail).toEqual({
      changes: { stage: { from: 'raw', to: 'mql' }, company: { from: null, to: '深圳华拓电子' } },
    });
    expect(events.map((e) => e.event)).toEqual(['leads.changed', 'leads.changed']);
  });

  it('rolls back the whole call when the database refuses a write after another has been made', async () => {
    const lead = await t.client.call('leads.create', { name: '王芳' });
    await t.client.call('leads.update', { id: lead.id, patch: { stage: 'mql' } });
    const auditBefore = await t.client.call('audit.list', { entityId: lead.id });
    // A trigger on this connection only refuses a move to 'sql' when leads.update records it in the stage
    // history, which it does after rewriting the lead row; it first notes the row as the transaction sees it.
    const seenInsideTheCall: unknown[] = [];
    t.service.db.function('note_lead_row', (row: unknown) => {
      seenInsideTheCall.push(row);
      return null;
    });
    t.service.db.exec(`
      CREATE TEMP TRIGGER refuse_move_to_sql BEFORE INSERT ON stage_history WHEN NEW.to_stage = 'sql'
      BEGIN
        SELECT note_lead_row((SELECT name || ' ' || stage FROM leads WHERE id = NEW.lead_id));
        SELECT RAISE(ABORT, 'refused by the test');
      END`);
    const events: PushedEvent[] = [];
    t.client.subscribe((event) => events.push(event));

    const error = await refusal(
      t.client.call('leads.update', { id: lead.id, patch: { stage: 'sql', name: '王芳芳' } }),
    );

    expect(error.code).toBe('internal');
    expect(seenInsideTheCall).toEqual(['王芳芳 sql']);
    expect((await t.client.call('leads.get', { id: lead.id })).lead).toMatchObject({
      name: '王芳',
      stage: 'mql',
    });
    expect(await t.client.call('audit.list', { entityId: lead.id })).toEqual(auditBefore);
    expect(events).toEqual([]);
  });

  it('adds, edits and deactivates reps with caps and leave', async () => {
    const rep = await t.client.call('reps.create', {
      name: '李强',
      tier: 'junior',
      skills: ['教育'],
      regions: ['华南'],
      capOpen: 40,
      leave: [{ from: '2026-12-01', to: '2026-12-03' }],
    });
    expect(rep).toMatchObject({ isActive: true, joinedOn: '2026-11-23', weight: 1 });
    await t.client.call('reps.update', { id: rep.id, patch: { tier: 'mid', isOutOfOffice: true } });
    await t.client.call('reps.setActive', { id: rep.id, isActive: false });
    expect(await t.client.call('reps.list', {})).toEqual([]);
    expect(await t.client.call('reps.list', { includeInactive: true })).toMatchObject([
      { name: '李强', tier: 'mid', isOutOfOffice: true, isActive: false },
    ]);
  });

  it('refuses leave that ends before it starts', async () => {
    const error = await refusal(
      t.client.call('reps.create', {
        name: '赵敏',
        tier: 'mid',
        leave: [{ from: '2026-12-05', to: '2026-12-01' }],
      }),
    );
    expect(error.field).toBe('leave.0.to');
  });

  it('shows a rep only their own leads and the public pool, and keeps team changes to the team lead', async () => {
    const rep = await t.client.call('reps.create', { name: '王芳', tier: 'senior', pin: '123456' });
    const other = await t.client.call('reps.create', { name: '陈静', tier: 'mid' });
    const own = await t.client.call('leads.create', { name: 'own' });
    const theirs = await t.client.call('leads.create', { name: 'theirs' });
    await t.client.call('leads.create', { name: 'pool' });
    t.service.db.prepare('UPDATE leads SET owner_id = ? WHERE id = ?').run(rep.id, own.id);
    t.service.db.prepare('UPDATE leads SET owner_id = ? WHERE id = ?').run(other.id, theirs.id);

    const wrongPin = await refusal(
      t.client.call('session.signIn', { as: 'rep', repId: rep.id, pin: '999999' }),
    );
    expect(wrongPin).toMatchObject({ field: 'pin', reason: 'session.wrongPin' });
    const signedIn = await t.client.call('session.signIn', { as: 'rep', repId: rep.id, pin: '123456' });
    t.client.setSessionToken(signedIn.token);

    const visible = await t.client.call('leads.list', { sort: 'name', direction: 'asc' });
    expect(visible.rows.map((l) => l.name)).toEqual(['own', 'pool']);
    expect((await refusal(t.client.call('leads.get', { id: theirs.id }))).code).toBe('forbidden');
    expect((await refusal(t.client.call('reps.create', { name: 'x', tier: 'mid' }))).code).toBe('forbidden');
    expect((await t.client.call('session.status', {})).actor).toEqual({
      role: 'rep',
      repId: rep.id,
      name: '王芳',
    });
  });

  it('remembers the chosen language', async () => {
    expect(await t.client.call('preferences.get', {})).toEqual({ language: null });
    await t.client.call('preferences.set', { language: 'en' });
    expect(await t.client.call('preferences.get', {})).toEqual({ language: 'en' });
  });

  it("keeps each person's language their own: a rep's switch leaves the team lead's as it was", async () => {
    const rep = await t.client.call('reps.create', { name: 'Kevin', tier: 'mid' });
    await t.client.call('preferences.set', { language: 'zh-CN' });
    t.client.setSessionToken(t.service.openTrustedSession({ role: 'rep', repId: rep.id }));
    expect(await t.client.call('preferences.get', {})).toEqual({ language: null });
    await t.client.call('preferences.set', { language: 'en' });
    expect(await t.client.call('preferences.get', {})).toEqual({ language: 'en' });
    t.client.setSessionToken(t.service.openTrustedSession({ role: 'lead' }));
    expect(await t.client.call('preferences.get', {})).toEqual({ language: 'zh-CN' });
  });
});

describe('partial updates', () => {
  const tempDir = useTempDir();

  it('change only the fields a patch names, never resetting the others to defaults', async () => {
    const t = createTestService(tempDir());
    try {
      const lead = await t.client.call('leads.create', {
        name: '吴敏',
        stage: 'sql',
        costFen: 5_000,
        customFields: { 城市: '杭州' },
        events: [{ kind: 'visit', at: 1 }],
      });
      const updated = await t.client.call('leads.update', { id: lead.id, patch: { name: '吴敏 (采购)' } });
      expect(updated).toMatchObject({
        stage: 'sql',
        costFen: 5_000,
        customFields: { 城市: '杭州' },
        events: [{ kind: 'visit', at: 1 }],
      });

      const rep = await t.client.call('reps.create', {
        name: '黄磊',
        tier: 'senior',
        skills: ['金融'],
        weight: 4,
        isOutOfOffice: true,
      });
      const edited = await t.client.call('reps.update', { id: rep.id, patch: { capOpen: 20 } });
      expect(edited).toMatchObject({ skills: ['金融'], weight: 4, isOutOfOffice: true, capOpen: 20 });
    } finally {
      t.close();
    }
  });
});
