// The done step's line on where an import's new leads went follows that import's own distribution job, by the batch
// the job names from its start — never another import's distribution running at the same time, started later.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../core/api/contract';
import { ImportDistributionNotice } from '../../../renderer/src/features/import/wizard/ImportDistributionNotice';
import { createFakeClient, renderWithApp } from './render-app';

const AT = Date.UTC(2026, 11, 5, 2, 0);

type DistributionJob = Extract<JobStatus, { kind: 'distribute' }>;

function distribution(batchId: string, startedAt: number, done: number, total: number): DistributionJob {
  return {
    id: `job-${batchId}`,
    kind: 'distribute',
    actor: 'team-lead',
    state: 'running',
    done,
    total,
    message: null,
    result: null,
    error: null,
    startedAt,
    finishedAt: null,
    batchId,
  };
}

describe('the import’s distribution notice', () => {
  it('shows its own batch’s progress while another import’s distribution, started later, also runs', async () => {
    // Newest first, as jobs.list answers: the other import's job comes first and started after this one's.
    const jobs = [distribution('batch-2', AT + 60_000, 5, 10), distribution('batch-1', AT, 1, 3)];
    renderWithApp(
      <ImportDistributionNotice batchId="batch-1" />,
      createFakeClient({ 'jobs.list': () => jobs }),
      'en',
    );
    expect((await screen.findByText(/: 1 of 3$/)).textContent).toBe(
      'Handing the new leads out by the rules: 1 of 3',
    );
    expect(screen.queryByText(/5 of 10/)).toBeNull();
  });

  it('says where its leads went once its own job is done, in Chinese', async () => {
    const done: DistributionJob = {
      ...distribution('batch-1', AT, 3, 3),
      state: 'done',
      finishedAt: AT + 1_000,
      result: { batchId: 'batch-1', leads: 3, assigned: 2 },
    };
    const jobs = [distribution('batch-2', AT + 60_000, 5, 10), done];
    renderWithApp(
      <ImportDistributionNotice batchId="batch-1" />,
      createFakeClient({ 'jobs.list': () => jobs }),
      'zh-CN',
    );
    const notice = await screen.findByTestId('import-distributed');
    expect(notice.textContent).toBe(
      '已按规则分配：2 条分给销售，1 条留在公海（规则把它们放入公海，或没有合适的销售可以接）。',
    );
  });
});
