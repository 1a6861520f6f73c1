// Imported leads are new leads: once the batch is visible, distribution assigns them with explanations.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { importBytes } from './import-helpers';

describe('distribution after an import', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  it('assigns every imported lead to an available rep, each with an assignment record', async () => {
    const available = await t.client.call('reps.create', { name: '王芳', tier: 'senior', regions: ['华东'] });
    const onLeave = await t.client.call('reps.create', { name: '李强', tier: 'mid', isOutOfOffice: true });
    const rows = ['姓名,手机,地区'];
    for (let i = 0; i < 30; i += 1) rows.push(`客户${i},1380013${String(8000 + i)},华东`);
    const { result } = await importBytes(t.client, t.service, '导入.csv', Buffer.from(rows.join('\n')));
    expect(result.inserted).toBe(30);

    const distribution = t.service.jobs.list().find((job) => job.kind === 'distribute');
    expect(distribution).toBeDefined();
    // It names its import's batch from its start (the done step finds it by that while it runs), and the client
    // sees it so.
    expect(distribution?.batchId).toBe(result.batchId);
    const listed = await t.client.call('jobs.list', {});
    expect(listed.find((job) => job.kind === 'distribute')?.batchId).toBe(result.batchId);
    expect(await t.service.jobs.waitFor(distribution?.id ?? '')).toMatchObject({ state: 'done' });

    expect((await t.client.call('leads.list', { owner: available.id })).total).toBe(30);
    expect((await t.client.call('leads.list', { owner: onLeave.id })).total).toBe(0);
    const [first] = (await t.client.call('leads.list', { owner: available.id, limit: 1 })).rows;
    const detail = await t.client.call('leads.get', { id: first?.id ?? '' });
    expect(detail.assignments.at(-1)).toMatchObject({ repId: available.id, kind: 'import' });
  });
});
