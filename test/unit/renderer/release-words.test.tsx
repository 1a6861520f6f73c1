// A rep's own release to the pool (放回公海) reads as one in a lead's history: its badge and who put it back in
// their words, not "recycled" and "moved from 王芳 to the public pool" as a recycle by the SLA reads.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AssignmentView } from '../../../core/api/distribution/calls';
import { asRepId } from '../../../core/domain/ids';
import { slaRecycleTexts } from '../../../core/domain/sla/recycle-texts';
import { AssignmentHistory } from '../../../renderer/src/features/distribution/AssignmentHistory';
import { sampleRep } from '../../helpers/sample-data';
import { createFakeClient, renderWithApp } from './render-app';

const AT = Date.UTC(2026, 10, 23, 2, 0, 0);

function step(id: string, overrides: Partial<AssignmentView>): AssignmentView {
  return {
    id,
    leadId: 'lead_1',
    repId: null,
    kind: 'recycle',
    ruleId: null,
    reason: '',
    explanation: null,
    actor: 'system',
    at: AT,
    summary: null,
    fromRepId: 'rep_1',
    releaseNote: null,
    reasonText: null,
    ...overrides,
  };
}

const HISTORY = [
  step('a1', { kind: 'manual', repId: 'rep_1', fromRepId: null, reason: '客户要求', at: AT - 3_600_000 }),
  step('a2', {
    reason: 'No first contact 4 business h after assignment: recycled back to the public pool (grade A lead)',
    explanation: { reason: 'sla', trigger: 'first_contact', limitMinutes: 240, grade: 'A' },
    reasonText: slaRecycleTexts({ trigger: 'first_contact', limitMinutes: 240, grade: 'A' }),
  }),
  step('a3', { repId: 'rep_1', kind: 'manual', fromRepId: null, reason: '重新分配', at: AT + 60_000 }),
  step('a4', { releaseNote: '不在我负责的区域', reason: '…', at: AT + 120_000 }),
];

function render(language: 'en' | 'zh-CN') {
  const client = createFakeClient({
    'distribution.history': () => ({ assignments: HISTORY, appeals: [] }),
    'reps.list': () => [{ ...sampleRep({ id: asRepId('rep_1'), name: '王芳' }), hasPin: false }],
  });
  renderWithApp(<AssignmentHistory leadId="lead_1" />, client, language);
}

describe('a release in a lead’s assignment history', () => {
  it.each([
    ['en', 'Released by rep', '王芳 put it back in the public pool: 不在我负责的区域', 'Recycled'],
    ['zh-CN', '销售释放', '王芳 放回公海：不在我负责的区域', '回收再分配'],
  ] as const)('reads as a release in %s', async (language, badge, words, recycled) => {
    render(language);
    const history = await screen.findByTestId('assignment-history');
    await within(history).findByText(words);
    // Newest first: the release, then the reassignment, then the SLA's recycle, then the first assignment.
    const badges = within(history)
      .getAllByText(/./, { selector: '.mantine-Badge-label' })
      .map((el) => el.textContent);
    expect(badges[0]).toBe(badge);
    expect(badges[2]).toBe(recycled);
    expect(history.textContent).not.toContain(language === 'en' ? 'Reason: …' : '原因：…');
    // The SLA's recycle says why in the reader's language, never the stored English sentence in Chinese.
    expect(history.textContent).toContain(
      language === 'en'
        ? 'No first contact 4 business h after assignment: recycled back to the public pool (grade A lead)'
        : '分配后 4 个工作小时内未首次联系，已收回公海（A 级线索）',
    );
    if (language === 'zh-CN') expect(history.textContent).not.toContain('No first contact');
  });
});
