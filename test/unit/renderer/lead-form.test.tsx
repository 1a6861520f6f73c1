import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../core/api/errors';
import type { CallOutput } from '../../../core/api/contract';
import { LeadForm } from '../../../renderer/src/features/leads/LeadForm';
import {
  parseYuanToFen,
  toLeadInput,
  EMPTY_LEAD_FORM,
} from '../../../renderer/src/features/leads/lead-form-values';
import { createFakeClient, renderWithApp, typeAndListOptions } from './render-app';

function fill(testId: string, value: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

function savedLead(name: string): CallOutput<'leads.create'> {
  return { id: 'lead_1', name } as unknown as CallOutput<'leads.create'>;
}

describe('the lead form', () => {
  it('shows the error beside the email field for a bad email and sends nothing', async () => {
    const client = createFakeClient({ 'leads.create': (input) => savedLead(input.name) });
    const onSaved = vi.fn();
    renderWithApp(<LeadForm onSaved={onSaved} onCancel={() => undefined} />, client);
    fill('lead-form-name', 'Emily Chen');
    fill('lead-form-email', 'emily-at-acme');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));

    const email = screen.getByTestId('lead-form-email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const errorId = email.getAttribute('aria-describedby') ?? '';
    expect(
      document.getElementById(errorId.split(' ').find((id) => id.includes('error')) ?? '')?.textContent,
    ).toBe('Not a valid email address');
    expect(client.calls.filter((call) => call.name === 'leads.create')).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows the message in Chinese when the UI is Chinese', async () => {
    const client = createFakeClient({});
    renderWithApp(<LeadForm onSaved={() => undefined} onCancel={() => undefined} />, client, 'zh-CN');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存' })));
    expect(screen.getByText('请填写姓名或公司')).toBeTruthy();
  });

  it("saves a lead with a company and no person's name, as the import does", async () => {
    const client = createFakeClient({ 'leads.create': (input) => savedLead(input.name) });
    const onSaved = vi.fn();
    renderWithApp(<LeadForm onSaved={onSaved} onCancel={() => undefined} />, client);
    fill('lead-form-company', '杭州某某科技有限公司');
    fill('lead-form-phone', '13800138000');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(client.calls.find((call) => call.name === 'leads.create')?.input).toMatchObject({
      name: '',
      company: '杭州某某科技有限公司',
    });
  });

  it("offers the team's own sources, industries and regions as one types, and keeps a new one typed", async () => {
    const client = createFakeClient({
      'leads.facets': () => ({ sources: ['百度推广', '转介绍'], industries: ['制造'], regions: ['华东'] }),
      'leads.create': (input) => savedLead(input.name),
    });
    const onSaved = vi.fn();
    renderWithApp(<LeadForm onSaved={onSaved} onCancel={() => undefined} />, client, 'zh-CN');
    fill('lead-form-name', '陈静');
    const source = screen.getByTestId('lead-form-source');
    await waitFor(() => expect(client.calls.some((call) => call.name === 'leads.facets')).toBe(true));
    // Only the matching source is offered.
    const offered = await typeAndListOptions(source, '转');
    expect(offered.map((option) => option.textContent)).toEqual(['转介绍']);
    fireEvent.click(offered[0] as HTMLElement);
    expect((source as HTMLInputElement).value).toBe('转介绍');
    // Free text stays possible: a region the team has not used yet.
    fill('lead-form-region', '西北');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存' })));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(client.calls.find((call) => call.name === 'leads.create')?.input).toMatchObject({
      source: '转介绍',
      region: '西北',
    });
  });

  it('shows a refusal from the server beside the field it names', async () => {
    const client = createFakeClient({
      'leads.create': () => {
        throw new ApiError({
          code: 'invalid_input',
          reason: 'input.invalid',
          message: 'phone: not a phone number',
          field: 'phone',
          details: { field: 'phone', detail: 'not a phone number' },
        });
      },
    });
    const onSaved = vi.fn();
    renderWithApp(<LeadForm onSaved={onSaved} onCancel={() => undefined} />, client);
    fill('lead-form-name', 'Emily Chen');
    fill('lead-form-phone', '138 0013 8000');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    await waitFor(() =>
      expect(screen.getByTestId('lead-form-phone').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(screen.getByText('Not a phone number: use digits, spaces, + and -')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('sends the cost in integer fen', async () => {
    const client = createFakeClient({ 'leads.create': (input) => savedLead(input.name) });
    const onSaved = vi.fn();
    renderWithApp(<LeadForm onSaved={onSaved} onCancel={() => undefined} />, client);
    fill('lead-form-name', 'Emily Chen');
    fill('lead-form-cost', '123.45');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(client.calls.find((call) => call.name === 'leads.create')?.input).toMatchObject({
      name: 'Emily Chen',
      costFen: 12345,
    });
  });
});

describe('yuan amounts typed in the form', () => {
  it('become integer fen without float drift', () => {
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('1,234.5')).toBe(123450);
    expect(parseYuanToFen('19.99')).toBe(1999);
  });

  it('are refused when they are not plain amounts', () => {
    expect(parseYuanToFen('-1')).toBeNull();
    expect(parseYuanToFen('1.234')).toBeNull();
    expect(toLeadInput({ ...EMPTY_LEAD_FORM, name: 'A', cost: 'ten' })).toMatchObject({
      ok: false,
      errors: { cost: expect.any(String) },
    });
  });
});
