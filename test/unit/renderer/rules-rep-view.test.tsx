// Rules → Distribution as a rep sees it: the rules as sentences and the test box, not the team lead's editor.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../core/api/contract';
import { DistributionTab } from '../../../renderer/src/features/rules/DistributionTab';
import { createFakeClient, renderWithApp, typeAndListOptions, type FakeAnswers } from './render-app';

type Actor = CallOutput<'workspace.status'>['actor'];

const RULES: CallOutput<'distribution.getRules'> = {
  version: 3,
  rules: [
    {
      id: 'r1',
      name: 'A/B 级线索按能力阶梯分配',
      enabled: true,
      conditions: [{ field: 'grade', op: 'in', values: ['A', 'B'] }],
      target: { kind: 'everyone' },
      method: 'tier-ladder',
    },
    {
      id: 'r2',
      name: '兜底：所有人轮询',
      enabled: true,
      conditions: [],
      target: { kind: 'everyone' },
      method: 'round-robin',
    },
  ],
  savedBy: null,
  savedAt: null,
  versions: [],
};

function answers(actor: Actor): FakeAnswers {
  return {
    'workspace.status': () => ({
      isEmpty: false,
      hasLeadPassword: true,
      leadCount: 20,
      repCount: 2,
      schemaVersion: 11,
      appVersion: '0.1.0',
      utcOffsetMinutes: 480,
      actor,
    }),
    'distribution.getRules': () => RULES,
    'reps.list': () => [],
    'leads.list': () => ({ total: 0, rows: [] }),
    'appeals.list': () => [],
    'import.historyFlags': () => null,
    'leads.facets': () => ({ sources: ['百度推广', '转介绍'], industries: ['制造'], regions: ['华东'] }),
  };
}

describe('the distribution rules for a rep', () => {
  it('reads the rules as sentences and offers the test box, with no field a rep could edit', async () => {
    renderWithApp(
      <DistributionTab />,
      createFakeClient(answers({ role: 'rep', repId: 'rep_1', name: '王芳' })),
    );
    const sentences = await screen.findByTestId('transparency-rules');
    expect(sentences.textContent).toContain('A/B 级线索按能力阶梯分配');
    expect(sentences.textContent).toContain('Version 3');
    expect(screen.getByTestId('test-lead-box')).toBeTruthy();
    // The editor's fields, buttons and drag handles are the team lead's; a rep's page had them, editable to no end.
    expect(screen.queryByTestId('rule-0')).toBeNull();
    expect(screen.queryByTestId('rule-add')).toBeNull();
    expect(screen.queryByLabelText('Drag to reorder')).toBeNull();
    expect(screen.queryByText(/Drag the handle/)).toBeNull();
  });

  it("offers the team lead the team's own values for a condition, as they are matched exactly", async () => {
    const rules = {
      ...RULES,
      rules: [
        {
          ...RULES.rules[1]!,
          id: 'r0',
          conditions: [{ field: 'source' as const, op: 'equals' as const, value: '' }],
        },
        ...RULES.rules,
      ],
    };
    const client = createFakeClient({ ...answers({ role: 'lead' }), 'distribution.getRules': () => rules });
    renderWithApp(<DistributionTab />, client);
    const value = await screen.findByTestId('rule-0-condition-0-value');
    await waitFor(() => expect(client.calls.some((call) => call.name === 'leads.facets')).toBe(true));
    const offered = await typeAndListOptions(value, '转');
    expect(offered.map((option) => option.textContent)).toEqual(['转介绍']);
  });

  it('gives the team lead the editor', async () => {
    renderWithApp(<DistributionTab />, createFakeClient(answers({ role: 'lead' })));
    expect(((await screen.findByTestId('rule-0-name')) as HTMLInputElement).value).toBe(
      'A/B 级线索按能力阶梯分配',
    );
    expect(screen.getByTestId('rule-add')).toBeTruthy();
    expect(screen.queryByTestId('transparency-rules')).toBeNull();
  });
});
