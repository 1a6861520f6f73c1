// One rule for nameless leads, as the import applies it: a lead is called by its name or its company.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/api/errors';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

describe('a lead without a person’s name', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  async function refusalOf(promise: Promise<unknown>): Promise<ApiError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }

  it('is created when it has a company', async () => {
    const lead = await t.client.call('leads.create', {
      name: '',
      company: '杭州某某科技',
      phone: '13800138000',
    });
    expect(lead).toMatchObject({ name: '', company: '杭州某某科技' });
  });

  it('is refused with neither a name nor a company, naming the name field', async () => {
    const refusal = await refusalOf(t.client.call('leads.create', { name: ' ', phone: '13800138000' }));
    expect(refusal.field).toBe('name');
  });

  it('cannot lose its company by an edit once its name is empty', async () => {
    const lead = await t.client.call('leads.create', {
      name: '',
      company: '杭州某某科技',
      phone: '13800138000',
    });
    const refusal = await refusalOf(t.client.call('leads.update', { id: lead.id, patch: { company: '' } }));
    expect(refusal.reason).toBe('leads.nameOrCompany');
  });

  it('is titled by its company on the board, where cards have no other title', async () => {
    const lead = await t.client.call('leads.create', {
      name: '',
      company: '杭州某某科技',
      phone: '13800138000',
    });
    const board = await t.client.call('funnel.board', {});
    const card = board.columns.flatMap((column) => column.cards).find((c) => c.id === lead.id);
    expect(card).toMatchObject({ name: '杭州某某科技', company: '杭州某某科技' });
  });
});
