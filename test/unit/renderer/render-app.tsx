// Test helpers: a fake client answering from a table (signed in as the team lead unless told otherwise), a render
// inside the app's real providers, and a pick from a Mantine Select.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../../core/api/contract';
import { AppProviders } from '../../../renderer/src/AppProviders';
import type { AppClient } from '../../../core/api/transport/app-client';
import { createAppQueryClient } from '../../../renderer/src/api/client-context';
import { createI18n, type Language } from '../../../renderer/src/i18n';

export type FakeAnswers = {
  [K in CallName]?: (input: CallInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
};

export interface FakeClient extends AppClient {
  readonly calls: { name: CallName; input: unknown }[];
}

/** What session.status answers by default: the team lead, signed in, password set, standalone. */
export const SIGNED_IN_LEAD: CallOutput<'session.status'> = {
  actor: { role: 'lead' },
  hasLeadPassword: true,
  appVersion: '0.0.0-test',
  lan: null,
};

/** What client.status answers on a PC working in its own workspace: the core's own answer. */
export { STANDALONE_CLIENT } from '../../../core/api/client/handlers';

export function createFakeClient(overrides: FakeAnswers): FakeClient {
  const answers: FakeAnswers = { 'session.status': () => SIGNED_IN_LEAD, ...overrides };
  const calls: { name: CallName; input: unknown }[] = [];
  return {
    calls,
    async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
      calls.push({ name, input });
      const answer = answers[name] as
        ((input: CallInput<K>) => CallOutput<K> | Promise<CallOutput<K>>) | undefined;
      if (!answer) throw new Error(`The fake client has no answer for ${name}.`);
      return answer(input);
    },
    subscribe: vi.fn(() => () => undefined),
  };
}

export function renderWithApp(ui: ReactElement, client: AppClient, language: Language = 'en') {
  const queryClient = createAppQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false }, mutations: { retry: false } });
  return render(
    <AppProviders client={client} queryClient={queryClient} i18n={createI18n(language)}>
      {ui}
    </AppProviders>,
  );
}

/** Opens a Mantine Select and clicks an option of its own list (the dropdown may still be fading in). */
export async function pickOption(label: string, option: string): Promise<void> {
  const input = screen.getAllByLabelText(label).find((element) => element.tagName === 'INPUT');
  if (!input) throw new Error(`no select labelled ${label}`);
  fireEvent.click(input);
  const listbox = await waitFor(() => {
    const element = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!element) throw new Error(`the ${label} list did not open`);
    return element;
  });
  fireEvent.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

/** Types into a Mantine Autocomplete and answers the options its own list offers (it may still be fading in). */
export async function typeAndListOptions(input: HTMLElement, typed: string): Promise<HTMLElement[]> {
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: typed } });
  const listbox = await waitFor(() => {
    const element = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!element) throw new Error('the list did not open');
    return element;
  });
  return within(listbox).findAllByRole('option', { hidden: true });
}
