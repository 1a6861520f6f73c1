// The merge view shows, per record, whose it is, its stage and dates, and offers every mergeable field any record has.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FUNNEL_SETTINGS } from '../../../core/api/sla/settings';
import { asRepId } from '../../../core/domain/ids';
import { MERGEABLE_FIELDS } from '../../../core/domain/mergeable-fields';
import { DEFAULT_SLA_POLICY } from '../../../core/domain/sla/sla-policy';
import { DuplicatesView } from '../../../renderer/src/features/duplicates/DuplicatesView';
import { blankLead } from '../../helpers/blank-lead';
import { createFakeClient, renderWithApp } from './render-app';

const FULL = blankLead('lead_1', {
  name: '王伟',
  phone: '13800138000',
  email: 'wang@example.cn',
  wechat: 'wangwei',
  company: '华拓科技',
  title: '经理',
  industry: '制造',
  region: '华东',
  companySize: 200,
  product: '旗舰版',
  source: '展会',
  campaign: '春季展',
  costFen: 12_345,
  needs: '要看方案',
  stage: 'sql',
  ownerId: asRepId('rep_1'),
  createdAt: Date.UTC(2026, 10, 2, 4),
  updatedAt: Date.UTC(2026, 10, 20, 4),
});
const POOLED = blankLead('lead_2', {
  name: '王伟',
  phone: '138 0013 8000',
  createdAt: Date.UTC(2026, 9, 1, 4),
});

describe('the merge view', () => {
  it('shows each record’s owner, stage and dates and every mergeable field as a choice', async () => {
    const client = createFakeClient({
      'duplicates.groups': () => ({ groups: [{ leads: [FULL, POOLED], by: ['phone'] }], total: 1 }),
      'reps.list': () => [
        {
          id: asRepId('rep_1'),
          name: '李强',
          email: null,
          phone: null,
          tier: 'senior',
          skills: [],
          regions: [],
          weight: 1,
          capOpen: null,
          capDaily: null,
          isActive: true,
          isOutOfOffice: false,
          leave: [],
          joinedOn: '2024-01-01',
          hasPin: true,
        },
      ],
      'work.settings': () => ({
        funnel: DEFAULT_FUNNEL_SETTINGS,
        sla: DEFAULT_SLA_POLICY,
        slaDefaults: DEFAULT_SLA_POLICY,
      }),
    });
    renderWithApp(<DuplicatesView />, client, 'zh-CN');
    const group = await screen.findByTestId('duplicate-group');
    await waitFor(() => expect(within(group).getByText('负责人：李强')).toBeTruthy());
    const facts = within(group).getAllByTestId('duplicate-record-facts');
    expect(facts[0]?.textContent).toContain('阶段：销售认可');
    expect(facts[0]?.textContent).toContain('创建：2026-11-02');
    expect(facts[1]?.textContent).toContain('负责人：公海池');
    expect(facts[1]?.textContent).toContain('创建：2026-10-01');
    // Every mergeable field is a row with one choice per record, labelled by field and lead name, never an id.
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(2 + MERGEABLE_FIELDS.length * 2);
    expect(within(group).getAllByRole('radio', { name: '手机（王伟）' })).toHaveLength(2);
    expect(within(group).getByText('¥123.45')).toBeTruthy();
    expect(group.innerHTML).not.toContain('lead_1');
  });
});
