// A rep's recycle warnings through the real service: a lead they may still lock offers the lock; one whose lock the
// hub would refuse (the rep already holds the pool's one lock) says why, in the words pool.lock refuses with.
import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../core/domain/clock';
import type { AppClient } from '../../../core/api/transport/app-client';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import { RecycleWarnings } from '../../../renderer/src/features/pool/RecycleWarnings';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, assignLead, beijing, plainPolicy } from '../api/work-fixtures';
import { renderWithApp } from './render-app';

const THREE = { A: 3, B: 3, C: 3, D: 3, ungraded: 3 };

describe('recycle warnings, as a rep', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let wang: string;

  beforeAll(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    wang = (await t.client.call('reps.create', { name: '王芳', tier: 'mid' })).id;
    const pool = (await t.client.call('pool.pools', {})).pools[0];
    if (pool === undefined) throw new Error('no pool');
    const { id, isDefault: _isDefault, ...settings } = pool;
    await t.client.call('pool.savePool', {
      id,
      settings: {
        ...settings,
        recycle: { ...settings.recycle, rules: [{ kind: 'no_follow_up', days: THREE }], warnHours: 24 },
        locks: { maxPerRep: 1, days: 14 },
      },
    });
    const start = t.clock.now;
    for (const name of ['陈静', '周杰']) assignLead(t, await addLead(t, name), wang);
    t.clock.now = start + 2 * DAY_MS;
  });

  afterAll(() => t.close());

  function repClient(): AppClient {
    const inProcess = createInProcessClient(t.service, { as: { role: 'rep', repId: wang } });
    return { call: (name, input) => inProcess.call(name, input), subscribe: () => () => undefined };
  }

  it('offers the lock on each lead while the rep may lock, and says why not once they hold the pool’s one', async () => {
    const view = renderWithApp(<RecycleWarnings />, repClient(), 'zh-CN');
    await waitFor(() => expect(screen.getAllByTestId('lock-lead')).toHaveLength(2));
    view.unmount();

    const { warnings } = await repClient().call('pool.warnings', {});
    const [first, second] = warnings;
    if (first === undefined || second === undefined) throw new Error('two warnings expected');
    await repClient().call('pool.lock', { leadId: first.leadId });
    const refused = await repClient()
      .call('pool.lock', { leadId: second.leadId })
      .then(
        () => null,
        (error: Error) => error.message,
      );
    expect(refused).not.toBeNull();

    renderWithApp(<RecycleWarnings />, repClient(), 'zh-CN');
    const note = await screen.findByTestId('lock-refused');
    // The locked lead is no longer warned; the other says the lock cap, as the hub words it in Chinese.
    expect(screen.queryAllByTestId('lock-lead')).toHaveLength(0);
    expect(note.textContent).toBe('公海“公海”的锁定上限：你已锁定 1 条（上限 1 条）。');
  });
});
