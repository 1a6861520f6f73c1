// The Transparency page as a rep sees it on the demo workspace, through the real service: every rule in a
// sentence, the clocks per grade, and the fairness figures the Dashboard shows — and a rep may open it.
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import type { AppClient } from '../../../core/api/transport/app-client';
import { TransparencyPage } from '../../../renderer/src/features/transparency/TransparencyPage';
import { isPageFor } from '../../../renderer/src/shell/routes';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { renderWithApp } from './render-app';

describe('the Transparency page for a rep on the demo workspace', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let client: AppClient;

  beforeAll(async () => {
    t = createTestService(tempDir());
    await t.client.call('workspace.loadDemo', {});
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t.clock.now);
    const rep = (await t.client.call('reps.list', {}))[0];
    if (rep === undefined) throw new Error('the demo has no rep');
    const inProcess = createInProcessClient(t.service, { as: { role: 'rep', repId: rep.id } });
    client = { call: (name, input) => inProcess.call(name, input), subscribe: () => () => undefined };
  }, 120_000);
  afterAll(() => {
    vi.useRealTimers();
    t.close();
  });

  it('is in a rep’s navigation, as their own Dashboard is; importing and the team are not', () => {
    expect(isPageFor('transparency', 'rep')).toBe(true);
    expect(isPageFor('dashboard', 'rep')).toBe(true);
    expect(isPageFor('import', 'rep')).toBe(false);
  });

  it('says every rule in a sentence, the clocks per grade, and the fairness in plain words', async () => {
    renderWithApp(<TransparencyPage />, client, 'zh-CN');
    const rules = await t.client.call('distribution.getRules', {});
    const list = await screen.findByTestId('transparency-rules', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(rules.rules.length), {
      timeout: 20_000,
    });
    const first = rules.rules[0];
    expect(within(list).getAllByRole('listitem')[0]?.textContent).toContain(`“${first?.name ?? '?'}”`);

    const sla = await screen.findByTestId('transparency-sla');
    await waitFor(() => expect(within(sla).getAllByRole('row')).toHaveLength(1 + 5), { timeout: 20_000 });
    expect(sla.querySelector('[data-grade="A"]')?.textContent).toContain('分钟');
    // Where a lead taken back goes is the policy's, and a contacted lead is never taken back for a late follow-up.
    const { sla: policy } = await t.client.call('work.settings', {});
    expect(sla.textContent).toContain(policy.recycleTarget === 'pool' ? '放回公海池' : '改分给另一位销售');
    expect(sla.textContent).toContain('联系过之后：跟进间隔超时只提醒你，不提醒主管，也不收回。');

    const readings = await screen.findByTestId('transparency-fairness-readings', {}, { timeout: 20_000 });
    expect(readings.textContent).toMatch(/基尼系数|样本太少/);
    const reps = await screen.findByTestId('transparency-fairness-reps');
    const fairness = await client.call('distribution.fairness', {});
    expect(fairness.leadCount).toBeGreaterThan(0);
    expect(reps.querySelectorAll('tbody tr').length).toBe(Object.keys(fairness.perRep).length);
  }, 60_000);
});
