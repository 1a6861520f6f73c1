// The working pages' new words and actions: the agenda (sections, one-key complete), a kanban card's clock and next
// activity in Chinese, contact actions, the pool as a table, the entry check's sentence.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../core/api/contract';
import type { WorkCard } from '../../../core/api/work/schemas';
import { AgendaPage } from '../../../renderer/src/features/agenda/AgendaPage';
import { createCardLabels, LeadCardBody } from '../../../renderer/src/features/funnel/LeadCard';
import { ContactActions } from '../../../renderer/src/features/leads/ContactActions';
import { EntryCheck } from '../../../renderer/src/features/leads/EntryCheck';
import { DeactivateRepDialog } from '../../../renderer/src/features/pool/DeactivateRepDialog';
import { PoolPage } from '../../../renderer/src/features/pool/PoolPage';
import { useWorkTranslation } from '../../../renderer/src/features/funnel/work-i18n';
import { createFakeClient, pickOption, renderWithApp, type FakeAnswers } from './render-app';

const NOW = Date.UTC(2026, 10, 24, 8, 0);
const HOUR = 3_600_000;

function status(role: 'lead' | 'rep'): FakeAnswers {
  return {
    'workspace.status': () => ({
      isEmpty: false,
      hasLeadPassword: true,
      leadCount: 3,
      repCount: 1,
      schemaVersion: 10,
      appVersion: '0.1.0',
      utcOffsetMinutes: 480,
      actor: role === 'rep' ? { role: 'rep', repId: 'rep_1' } : { role: 'lead' },
    }),
    'reps.list': () => [],
  } as FakeAnswers;
}

type AgendaItem = CallOutput<'followUps.agenda'>['items'][number];

function item(id: string, overrides: Partial<AgendaItem>): AgendaItem {
  return {
    id,
    leadId: `lead_${id}`,
    repId: 'rep_1',
    kind: 'call',
    title: '回电确认方案',
    dueAt: NOW + HOUR,
    followUpId: null,
    createdAt: NOW - HOUR,
    doneAt: null,
    cancelledAt: null,
    leadName: '陈静',
    company: '杭州云帆',
    phone: '13800138000',
    stage: 'mql',
    section: 'today',
    ...overrides,
  };
}

describe('the agenda page', () => {
  it('lists overdue first under its heading and completes the selected activity with X', async () => {
    const client = createFakeClient({
      ...status('rep'),
      'followUps.agenda': () => ({
        now: NOW,
        todayEnd: NOW + 8 * HOUR,
        weekEnd: NOW + 5 * 24 * HOUR,
        items: [
          item('a1', { section: 'overdue', dueAt: NOW - (24 + 9) * HOUR, leadName: '周杰', kind: 'visit' }),
          item('a2', { section: 'today' }),
        ],
        quickPicks: {
          in_2_hours: NOW + 2 * HOUR,
          tomorrow_morning: NOW + 17 * HOUR,
          next_monday: NOW + 6 * 24 * HOUR,
        },
      }),
      'followUps.completeActivity': (input) => ({ ...item(input.id, {}), doneAt: NOW }) as never,
    });
    renderWithApp(<AgendaPage />, client, 'zh-CN');
    const rows = await screen.findAllByTestId('agenda-row');
    expect(screen.getAllByTestId('agenda-section').map((el) => el.textContent)).toEqual([
      '已超时（1）',
      '今天（1）',
    ]);
    expect(within(rows[0]!).getByText(/已超时1天9小时/)).toBeTruthy();
    expect(within(rows[0]!).getByText('拜访')).toBeTruthy();
    expect(
      within(rows[0]!)
        .getByRole('link', { name: /138 0013 8000/ })
        .getAttribute('href'),
    ).toBe('tel:13800138000');
    await act(async () => {
      rows[0]!.focus();
      fireEvent.keyDown(rows[0]!, { key: 'x' });
    });
    await waitFor(() =>
      expect(client.calls.find((c) => c.name === 'followUps.completeActivity')?.input).toEqual({ id: 'a1' }),
    );
  });
});

function Card({ card }: { card: WorkCard }) {
  const { t } = useWorkTranslation();
  return <LeadCardBody card={card} now={NOW} labels={createCardLabels(t, 'zh-CN')} />;
}

describe('a kanban card in Chinese', () => {
  it('shows the clock in Chinese units, the next activity and a tel: link for the phone', async () => {
    const card: WorkCard = {
      id: 'l1',
      name: '陈静',
      company: '杭州云帆',
      phone: '0086 155-7267-0604',
      email: null,
      grade: 'A',
      score: 88,
      ownerId: 'rep_1',
      ownerName: '王芳',
      stage: 'sql',
      source: null,
      sla: {
        trigger: 'next_activity',
        dueAt: NOW + (24 + 9) * HOUR,
        escalateAt: null,
        recycleAt: null,
        isOverdue: false,
        isToBeRecycled: false,
      },
      nextActivityId: 'act_1',
      nextKind: 'meeting',
      nextStep: '约决策人会面',
      nextAt: NOW + (24 + 9) * HOUR,
      lastFollowUpAt: NOW - HOUR,
    };
    renderWithApp(<Card card={card} />, createFakeClient(status('rep')), 'zh-CN');
    expect(await screen.findByText('1天9小时后到期')).toBeTruthy();
    expect(screen.getByTestId('card-next').textContent).toMatch(/^会议：约决策人会面 · 2026-11-25/);
    expect(screen.getByRole('link').getAttribute('href')).toBe('tel:008615572670604');
    expect(screen.getByRole('link').textContent).toBe('+86 155 7267 0604');
  });
});

describe('contact actions', () => {
  it('offers call, mail and copy, showing the phone grouped and as typed on hover', async () => {
    renderWithApp(
      <ContactActions phone="198 6246 3722" email="chen@yunfan.cn" wechat="chenjing88" />,
      createFakeClient(status('rep')),
    );
    const call = await screen.findByRole('link', { name: 'Call 198 6246 3722' });
    expect(call.getAttribute('href')).toBe('tel:19862463722');
    expect(screen.getByRole('link', { name: 'Email chen@yunfan.cn' }).getAttribute('href')).toBe(
      'mailto:chen@yunfan.cn',
    );
    for (const name of ['Copy phone', 'Copy email', 'Copy WeChat ID'])
      expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(call.getAttribute('title')).toBe('Call 198 6246 3722');
  });
});

describe('the pool page', () => {
  it('is a table with headers, the count, arrival time, why each lead is there and the claims left', async () => {
    const client = createFakeClient({
      ...status('rep'),
      'pool.list': () => ({
        poolId: 'pool_default',
        total: 1,
        claimsToday: 3,
        claimDailyLimit: 20,
        holding: 0,
        holdingLimit: null,
        rows: [
          {
            id: 'l1',
            name: '赵敏',
            company: null,
            phone: null,
            email: null,
            grade: 'B',
            score: 70,
            ownerId: null,
            ownerName: null,
            stage: 'mql',
            source: '官网',
            sla: null,
            nextActivityId: null,
            nextKind: null,
            nextStep: null,
            nextAt: null,
            lastFollowUpAt: null,
            lastRecycledAt: NOW,
            arrivedAt: NOW,
            poolReason: 'recycled',
            fromRepName: '王芳',
            coolDownUntil: null,
            embargoUntil: null,
            isMasked: false,
          },
        ],
      }),
    });
    renderWithApp(<PoolPage />, client, 'zh-CN');
    const table = await screen.findByTestId('pool-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['线索', '电话', '等级', '阶段', '来源', '进入公海时间', '来源原因', '领取']);
    expect(screen.getByTestId('pool-count').textContent).toBe('共 1 条');
    expect(screen.getByTestId('claim-quota').textContent).toBe('今天还可领取 17 条（每天 20 条）');
    expect(within(table).getByText('从 王芳 回收')).toBeTruthy();
    expect(within(table).getByTestId('arrived-at').textContent).toMatch(/^2026-11-24 \d\d:00$/);
  });
});

describe('the entry check', () => {
  it('tells a rep that the contact is another rep’s customer and who will get it, without naming them', async () => {
    const client = createFakeClient({
      ...status('rep'),
      'leads.checkEntry': () => ({
        matches: [
          {
            leadId: null,
            name: null,
            stage: 'won',
            by: ['phone'],
            isMine: false,
            isOtherRepsLead: true,
            ownerName: null,
          },
        ],
        outcome: { outcome: 'existing_customer', isYou: false, ownerName: null, protectedUntil: null },
      }),
    });
    renderWithApp(
      <EntryCheck fields={{ name: '陈静', phone: '13800138000', email: '', company: '' }} />,
      client,
      'zh-CN',
    );
    const alert = await screen.findByTestId('entry-check', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('这是老客户，保存后将交给原负责人。');
    expect(alert.textContent).toContain('与其他销售的一条线索重复（电话）');
  });
});

describe('deactivating a rep', () => {
  it('says how many open leads they hold and hands them to the rep chosen', async () => {
    const base = {
      hasPin: false,
      email: null,
      phone: null,
      tier: 'mid' as const,
      skills: [],
      regions: [],
      weight: 1,
      capOpen: null,
      capDaily: null,
      isActive: true,
      isOutOfOffice: false,
      leave: [],
      joinedOn: '2024-01-01',
    };
    const client = createFakeClient({
      ...status('lead'),
      'reps.list': () =>
        [
          { ...base, id: 'rep_1', name: '王芳' },
          { ...base, id: 'rep_2', name: '李强' },
        ] as never,
      'pool.openLeadsOf': () => ({ count: 27 }),
      'reps.setActive': (input) => ({ ...base, id: input.id, name: '王芳', isActive: false }) as never,
    });
    renderWithApp(
      <DeactivateRepDialog rep={{ id: 'rep_1', name: '王芳' }} onClose={() => undefined} />,
      client,
      'zh-CN',
    );
    expect(await screen.findByText('王芳 还有 27 条未完成的线索。')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('指定一位销售'));
    await pickOption('选择销售', '李强');
    await act(async () => fireEvent.click(screen.getByTestId('deactivate-confirm')));
    await waitFor(() =>
      expect(client.calls.find((c) => c.name === 'reps.setActive')?.input).toEqual({
        id: 'rep_1',
        isActive: false,
        openLeads: { to: 'rep', repId: 'rep_2' },
      }),
    );
  });
});
