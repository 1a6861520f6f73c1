import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, CallOutput } from '../../../core/api/contract';
import { asRepId } from '../../../core/domain/ids';
import { defaultScoringModel } from '../../../core/domain/scoring/default-model';
import { LeadSelectionBar } from '../../../renderer/src/features/leads/LeadSelectionBar';
import { LeadsPage } from '../../../renderer/src/features/leads/LeadsPage';
import { blankLead } from '../../helpers/blank-lead';
import { sampleRep } from '../../helpers/sample-data';
import { createFakeClient, renderWithApp, type FakeAnswers } from './render-app';

// jsdom lays nothing out: give the table's scroll box a height so the virtualizer has rows to render.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset['testid'] === 'leads-scroll' ? 600 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

const LEADS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'].map((name, index) =>
  blankLead(`lead_${index + 1}`, { name, createdAt: 1_000 - index }),
);

function answers(actor: Actor = { role: 'lead' }, overrides: FakeAnswers = {}): FakeAnswers {
  return {
    'workspace.status': () => ({
      isEmpty: false,
      hasLeadPassword: true,
      leadCount: LEADS.length,
      repCount: 1,
      schemaVersion: 6,
      appVersion: '0.1.0',
      utcOffsetMinutes: 480,
      actor,
    }),
    'scoring.getModel': (): CallOutput<'scoring.getModel'> => ({
      model: defaultScoringModel(),
      versions: [],
      staleLeads: 0,
    }),
    'reps.list': () => [{ ...sampleRep({ id: asRepId('rep_1'), name: 'Wang Fang' }), hasPin: false }],
    'leads.facets': () => ({ sources: [], industries: [], regions: [] }),
    'leads.list': (input) => {
      const rows = LEADS.filter((lead) => !input.text || lead.name.includes(input.text));
      return { total: rows.length, rows };
    },
    'jobs.list': () => [],
    ...overrides,
  };
}

async function renderLeads(client = createFakeClient(answers())) {
  const view = renderWithApp(<LeadsPage />, client);
  await screen.findByText('Echo');
  await screen.findAllByTestId('lead-select');
  return { client, ...view };
}

const checkbox = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` });
const selectedIds = (container: HTMLElement) =>
  [...container.querySelectorAll('tr[data-selected]')].map((row) => row.getAttribute('data-lead-id'));

describe('selecting leads on the Leads page', () => {
  it('ticks rows without opening them and shows how many are selected', async () => {
    const { client, container } = await renderLeads();
    expect(screen.queryByTestId('lead-selection-bar')).toBeNull();

    fireEvent.click(checkbox('Alpha'));
    fireEvent.click(checkbox('Charlie'));

    expect(screen.getByTestId('lead-selection-count').textContent).toBe('2 selected');
    expect(selectedIds(container)).toEqual(['lead_1', 'lead_3']);
    expect(client.calls.some((call) => call.name === 'leads.get')).toBe(false);
  });

  it('unticks a row on a second click', async () => {
    const { container } = await renderLeads();
    fireEvent.click(checkbox('Bravo'));
    fireEvent.click(checkbox('Delta'));
    fireEvent.click(checkbox('Bravo'));
    expect(screen.getByTestId('lead-selection-count').textContent).toBe('1 selected');
    expect(selectedIds(container)).toEqual(['lead_4']);
  });

  it('selects every row from the last ticked one with shift-click', async () => {
    const { container } = await renderLeads();
    fireEvent.click(checkbox('Bravo'));
    fireEvent.click(checkbox('Echo'), { shiftKey: true });
    expect(selectedIds(container)).toEqual(['lead_2', 'lead_3', 'lead_4', 'lead_5']);
  });

  it('selects all loaded leads from the header box, and clears them from it again', async () => {
    const { container } = await renderLeads();
    fireEvent.click(checkbox('Alpha'));
    const header = screen.getByTestId('lead-select-all') as HTMLInputElement;
    expect(header.indeterminate).toBe(true);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 5 loaded leads' }));
    expect(screen.getByTestId('lead-selection-count').textContent).toBe('5 selected');
    expect(selectedIds(container)).toHaveLength(5);
    expect(header.checked).toBe(true);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Clear the selection' }));
    expect(screen.queryByTestId('lead-selection-bar')).toBeNull();
    expect(selectedIds(container)).toEqual([]);
  });

  it('empties the selection with Clear', async () => {
    const { container } = await renderLeads();
    fireEvent.click(checkbox('Alpha'));
    fireEvent.click(checkbox('Bravo'));
    fireEvent.click(screen.getByTestId('lead-selection-clear'));
    expect(screen.queryByTestId('lead-selection-bar')).toBeNull();
    expect(selectedIds(container)).toEqual([]);
    expect(checkbox('Alpha')).toHaveProperty('checked', false);
  });

  it('forgets the selection when the filters change', async () => {
    await renderLeads();
    fireEvent.click(checkbox('Alpha'));
    fireEvent.change(screen.getByTestId('lead-search'), { target: { value: 'a' } });
    await waitFor(() => expect(screen.queryByText('Echo')).toBeNull());
    expect(await screen.findByRole('checkbox', { name: 'Select Alpha' })).toHaveProperty('checked', false);
    expect(screen.queryByTestId('lead-selection-bar')).toBeNull();
  });

  it('still opens the lead when the row itself is clicked', async () => {
    const { client } = await renderLeads(
      createFakeClient(
        answers(undefined, {
          'leads.get': () => {
            throw new Error('not needed');
          },
        }),
      ),
    );
    fireEvent.click(screen.getByText('Bravo'));
    await waitFor(() => expect(client.calls.some((call) => call.name === 'leads.get')).toBe(true));
    expect(screen.queryByTestId('lead-selection-bar')).toBeNull();
  });

  it('offers the reassign dialog for all selected leads', async () => {
    await renderLeads();
    fireEvent.click(checkbox('Alpha'));
    fireEvent.click(checkbox('Bravo'));
    fireEvent.click(screen.getByTestId('bulk-reassign'));
    expect(await screen.findByText('Reassign 2 leads')).toBeTruthy();
  });

  it('distributes the selected leads and reports who went to the pool and why', async () => {
    const client = createFakeClient(
      answers(undefined, {
        'distribution.distribute': () => ({
          assigned: 1,
          pooled: 1,
          manual: 0,
          skipped: ['lead_3'],
          results: [
            {
              leadId: 'lead_1',
              outcome: 'assigned',
              repId: 'rep_1',
              ruleId: 'r1',
              poolReason: null,
              assignmentId: 'a1',
            },
            {
              leadId: 'lead_2',
              outcome: 'pool',
              repId: null,
              ruleId: 'r2',
              poolReason: 'no-rule-matched',
              assignmentId: 'a2',
            },
          ],
        }),
      }),
    );
    await renderLeads(client);
    fireEvent.click(checkbox('Alpha'));
    fireEvent.click(checkbox('Bravo'));
    fireEvent.click(checkbox('Charlie'));
    fireEvent.click(screen.getByTestId('bulk-distribute'));

    const report = await screen.findByTestId('distribute-result');
    expect(within(report).getByText(/^1 assigned, 1 left in the public pool, 1 skipped/)).toBeTruthy();
    expect(within(report).getByText('Still in the pool: no rule matched (1)')).toBeTruthy();
    expect(client.calls.find((call) => call.name === 'distribution.distribute')?.input).toEqual({
      leadIds: ['lead_1', 'lead_2', 'lead_3'],
    });
    await waitFor(() => expect(screen.queryByTestId('lead-selection-bar')).toBeNull());
  });

  it('says a selection over the 10,000-lead limit of the API is too big and offers no action on it', async () => {
    const ids = new Set(Array.from({ length: 10_001 }, (_, i) => `lead_${i}`));
    renderWithApp(<LeadSelectionBar selected={ids} onClear={() => undefined} />, createFakeClient(answers()));
    expect(await screen.findByTestId('lead-selection-too-many')).toBeTruthy();
    expect(screen.getByText(/At most 10,000 leads at a time/)).toBeTruthy();
    expect((await screen.findByTestId('bulk-reassign')).hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('bulk-distribute').hasAttribute('disabled')).toBe(true);
  });

  it('shows a rep no checkboxes to select with', async () => {
    renderWithApp(
      <LeadsPage />,
      createFakeClient(answers({ role: 'rep', repId: 'rep_1', name: 'Wang Fang' })),
    );
    await screen.findByText('Echo');
    expect(screen.queryByTestId('lead-select')).toBeNull();
    expect(screen.queryByTestId('lead-select-all')).toBeNull();
  });
});
