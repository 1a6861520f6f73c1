// The Transparency page's assignment history and appeals through the real service, as a rep sees them: another
// rep's lead by name and company but no phone anywhere on the page (the engine's words quote it masked), the rep
// filter, an appeal raised from one of their own rows, the rep's own appeals with the team lead's answer and nobody
// else's; the team lead gets the link to where appeals are resolved.
import { Stack } from '@mantine/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppClient } from '../../../core/api/transport/app-client';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import { AppealOutcomes } from '../../../renderer/src/features/transparency/AppealOutcomes';
import { AssignmentLog } from '../../../renderer/src/features/transparency/AssignmentLog';
import { createTestService, type TestService } from '../../helpers/service';
import { phoneSplitRules } from '../../helpers/phone-split-rules';
import { useTempDir } from '../../helpers/temp-dir';
import { pickOption, renderWithApp } from './render-app';

const PHONE = '13912345678';

describe('the assignment history and appeals on the Transparency page', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let wang: string;
  let li: string;
  let vip: string;
  let chen: string;
  let zhao: string;

  function clientAs(as: { role: 'rep'; repId: string } | null): AppClient {
    const inProcess = as === null ? t.client : createInProcessClient(t.service, { as });
    return { call: (name, input) => inProcess.call(name, input), subscribe: () => () => undefined };
  }

  beforeAll(async () => {
    t = createTestService(tempDir(), Date.UTC(2026, 11, 2, 1));
    wang = (await t.client.call('reps.create', { name: '王芳', tier: 'mid' })).id;
    li = (await t.client.call('reps.create', { name: '李强', tier: 'mid' })).id;
    await t.client.call('distribution.saveRules', {
      rules: phoneSplitRules(li, wang),
    });
    const create = async (name: string, extra: Record<string, string> = {}) => {
      t.clock.now += 3_600_000;
      return (await t.client.call('leads.create', { name, company: `${name}有限公司`, ...extra })).id;
    };
    vip = await create('周总', { phone: PHONE, source: '展会' });
    chen = await create('陈静', { source: '官网表单' });
    zhao = await create('赵敏', { source: '官网表单' });
    const mine = await createInProcessClient(t.service, { as: { role: 'rep', repId: wang } }).call(
      'appeals.raise',
      { leadId: chen, message: '我这周已经满负荷了' },
    );
    await createInProcessClient(t.service, { as: { role: 'rep', repId: li } }).call('appeals.raise', {
      leadId: vip,
      message: '李强的申诉',
    });
    await t.client.call('appeals.resolve', {
      id: mine.id,
      decision: 'reject',
      reply: '本周分配仍在上限之内',
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t.clock.now);
  });
  afterAll(() => {
    vi.useRealTimers();
    t.close();
  });

  it('shows a rep another rep’s lead by name with no phone on the page, and filters by rep', async () => {
    const view = renderWithApp(<AssignmentLog />, clientAs({ role: 'rep', repId: wang }), 'zh-CN');
    const table = await screen.findByTestId('assignment-log-table', {}, { timeout: 20_000 });
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(3));
    const row = table.querySelector<HTMLElement>(`tr[data-lead-id="${vip}"]`);
    expect(row?.textContent).toContain('周总');
    expect(row?.textContent).toContain('李强');
    // Every step of the engine's reasoning, the one quoting the phone included.
    fireEvent.click(within(row as HTMLElement).getByRole('button', { name: /查看全部/ }));
    await waitFor(() => expect(row?.textContent).toContain('139****5678'));
    for (const secret of [PHONE, '1234 5678']) expect(view.container.textContent).not.toContain(secret);
    expect(screen.getByTestId('assignment-log-total').textContent).toContain('共 3 条');

    await pickOption('销售', '李强');
    await waitFor(() => {
      const reps = [...table.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-rep-id'));
      expect(reps).toEqual([li]);
    });
    expect(screen.getByTestId('assignment-log-total').textContent).toContain('共 1 条');
  }, 60_000);

  it('lets a rep filter their own hand-overs by response time, and only their own', async () => {
    // 王芳 calls 陈静: that hand-over's outcome is known.
    await clientAs({ role: 'rep', repId: wang }).call('followUps.log', {
      leadId: chen,
      channel: 'call',
      said: '约了下周演示',
    });
    renderWithApp(<AssignmentLog />, clientAs({ role: 'rep', repId: wang }), 'zh-CN');
    const table = await screen.findByTestId('assignment-log-table', {}, { timeout: 20_000 });
    await waitFor(() => expect(table.querySelectorAll('tbody tr').length).toBeGreaterThan(1));
    // The whole team's rows: no response filter for a rep.
    expect(screen.queryByTestId('assignment-log-response')).toBeNull();
    await pickOption('销售', '王芳');
    await screen.findByTestId('assignment-log-response');
    await pickOption('响应时间', '已有结果');
    const own = await t.client.call('distribution.assignments', {
      repId: wang,
      response: 'decided',
      limit: 100,
    });
    expect(own.total).toBeGreaterThan(0);
    const total = screen.getByTestId('assignment-log-total');
    await waitFor(() => expect(total.textContent).toContain(`共 ${own.total} 条`));
    // Each row says its first contact against its target.
    await waitFor(() =>
      expect(screen.queryAllByTestId('assignment-log-response-cell')).toHaveLength(own.rows.length),
    );
    // Another rep's rows: the response filter goes with the rep.
    await pickOption('销售', '李强');
    await waitFor(() => expect(screen.queryByTestId('assignment-log-response')).toBeNull());
    const theirs = await t.client.call('distribution.assignments', { repId: li, limit: 1 });
    await waitFor(() => expect(total.textContent).toContain(`共 ${theirs.total} 条`));
    expect(screen.queryAllByTestId('assignment-log-response-cell')).toHaveLength(0);
  }, 60_000);

  it('lists a rep’s own appeals with the team lead’s answer, and nobody else’s', async () => {
    renderWithApp(<AppealOutcomes />, clientAs({ role: 'rep', repId: wang }), 'zh-CN');
    const table = await screen.findByTestId('transparency-appeals-table', {}, { timeout: 20_000 });
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('陈静');
    expect(rows[0]?.textContent).toContain('已驳回');
    expect(rows[0]?.textContent).toContain('主管回复：本周分配仍在上限之内');
    expect(table.textContent).not.toContain('李强的申诉');
    expect(screen.queryByTestId('transparency-resolve-appeals')).toBeNull();
  }, 30_000);

  it('shows the team lead every appeal and links to where they are resolved', async () => {
    renderWithApp(
      <Stack>
        <AppealOutcomes />
      </Stack>,
      clientAs(null),
      'en',
    );
    const table = await screen.findByTestId('transparency-appeals-table', {}, { timeout: 20_000 });
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(2));
    const link = screen.getByTestId('transparency-resolve-appeals');
    expect(link.getAttribute('href')).toBe('#/rules/distribution/appeals');
    expect(link.textContent).toBe('Resolve 1 open appeal');
  }, 30_000);

  it('lets a rep appeal an assignment of theirs from its row, naming that very assignment', async () => {
    // 赵敏 moves on to 李强, so the rep's row is no longer the lead's latest assignment.
    t.clock.now += 60_000;
    vi.setSystemTime(t.clock.now);
    await t.client.call('distribution.reassign', { leadIds: [zhao], toRepId: li, reason: '平衡工作量' });
    renderWithApp(<AssignmentLog />, clientAs({ role: 'rep', repId: wang }), 'zh-CN');
    const table = await screen.findByTestId('assignment-log-table', {}, { timeout: 20_000 });
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(4));
    expect(table.querySelector(`tr[data-lead-id="${vip}"] [data-testid="appeal-button"]`)).toBeNull();
    const row = table.querySelector<HTMLElement>(`tr[data-lead-id="${zhao}"][data-rep-id="${wang}"]`);
    fireEvent.click(within(row as HTMLElement).getByTestId('appeal-button'));
    fireEvent.change(await screen.findByTestId('appeal-message'), { target: { value: '我在休假' } });
    fireEvent.click(screen.getByTestId('appeal-submit'));
    await waitFor(async () => {
      const appeals = await t.client.call('appeals.list', {});
      expect(appeals.find((a) => a.message === '我在休假')).toMatchObject({
        repId: wang,
        assignmentId: row?.getAttribute('data-assignment-id'),
      });
    });
  }, 30_000);
});
