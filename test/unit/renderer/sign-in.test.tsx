// Signing in: nobody signed in sees only the sign-in screen; the team lead's password and pairing a browser sign in;
// a one-time link is redeemed once and leaves the address; refusals are worded by reason in the UI's language; a
// call answering `unauthenticated` brings the sign-in screen back.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../core/api/contract';
import { DEVICES_ERRORS } from '../../../core/api/devices/errors';
import { ApiError, COMMON_ERRORS, refusalData } from '../../../core/api/errors';
import { SESSION_ERRORS } from '../../../core/api/session/errors';
import { useClient } from '../../../renderer/src/api/client-context';
import { SessionGate } from '../../../renderer/src/shell/SessionGate';
import { takeSignInCode } from '../../../renderer/src/shell/sign-in-link';
import { createFakeClient, renderWithApp, SIGNED_IN_LEAD, type FakeAnswers } from './render-app';

const NOBODY: CallOutput<'session.status'> = { ...SIGNED_IN_LEAD, actor: null };

/** A stand-in for the app behind the gate, with a button making one ordinary call. */
function Inside() {
  const client = useClient();
  return (
    <button type="button" onClick={() => void client.call('leads.facets', {}).catch(() => undefined)}>
      inside the app
    </button>
  );
}

function signedInAs(actor: CallOutput<'session.signIn'>['actor']): CallOutput<'session.signIn'> {
  return { actor, token: '', expiresAt: Date.now() + 3_600_000 };
}

/** session.status answers "nobody" until a sign-in or a pairing succeeds, as the hub does. */
function gateClient(answers: FakeAnswers) {
  let actor: CallOutput<'session.status'>['actor'] = null;
  return createFakeClient({
    'session.status': () => ({ ...NOBODY, actor }),
    ...answers,
    'session.signIn': async (input) => {
      const answer = answers['session.signIn'];
      const result = answer ? await answer(input) : signedInAs({ role: 'lead' });
      actor = result.actor;
      return result;
    },
    'devices.pair': async (input) => {
      const answer = answers['devices.pair'];
      if (!answer) throw new Error('no pairing answer');
      const result = await answer(input);
      actor = result.actor;
      return result;
    },
  });
}

async function fill(label: string, value: string): Promise<void> {
  fireEvent.change(await screen.findByLabelText(label, { exact: false }), { target: { value } });
}

describe('the sign-in screen', () => {
  it('is all a signed-out visitor sees, and the team lead password opens the app', async () => {
    const client = gateClient({});
    renderWithApp(
      <SessionGate signInCode={null}>
        <Inside />
      </SessionGate>,
      client,
    );
    await screen.findByText('Sign in to Fairlead');
    expect(screen.queryByText('inside the app')).toBeNull();
    await fill('Team lead password', 'correct horse');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));
    await screen.findByText('inside the app');
    expect(client.calls.find((call) => call.name === 'session.signIn')?.input).toEqual({
      as: 'lead',
      password: 'correct horse',
    });
  });

  it('words a wrong password by its reason in English, with the tries left', async () => {
    const client = gateClient({
      'session.signIn': () => {
        throw new ApiError(refusalData(SESSION_ERRORS.wrongPassword, { triesLeft: 3 }, 'password'));
      },
    });
    renderWithApp(<SessionGate signInCode={null}>{null}</SessionGate>, client, 'en');
    await fill('Team lead password', 'nope');
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Sign in' })));
    expect((await screen.findByTestId('sign-in-error')).textContent).toBe(
      'Wrong password. 3 tries left before sign-in is paused.',
    );
  });

  it('words the same refusal in Chinese when the UI is Chinese', async () => {
    const client = gateClient({
      'session.signIn': () => {
        throw new ApiError(refusalData(SESSION_ERRORS.lockedOut, { retryAfterSeconds: 30 }));
      },
    });
    renderWithApp(<SessionGate signInCode={null}>{null}</SessionGate>, client, 'zh-CN');
    await fill('销售主管密码', 'nope');
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: '登录' })));
    expect((await screen.findByTestId('sign-in-error')).textContent).toBe('错误次数过多，请在 30 秒后重试。');
  });

  it('pairs this browser with a code, named after the browser unless renamed', async () => {
    const client = gateClient({
      'devices.pair': () => ({
        deviceId: 'dev-1',
        deviceToken: '',
        actor: { role: 'rep', repId: 'rep-1', name: 'Li Na' },
        token: '',
        expiresAt: Date.now() + 3_600_000,
      }),
    });
    renderWithApp(
      <SessionGate signInCode={null}>
        <Inside />
      </SessionGate>,
      client,
    );
    fireEvent.click(await screen.findByText('Pair this browser'));
    expect(
      (screen.getByLabelText('Name of this device', { exact: false }) as HTMLInputElement).value,
    ).toMatch(/ on /);
    await fill('Pairing code', ' ABCDE-FGHJK-1A2B3C4D ');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Pair and sign in' })));
    await screen.findByText('inside the app');
    const sent = client.calls.find((call) => call.name === 'devices.pair')?.input as { code: string };
    expect(sent.code).toBe('ABCDE-FGHJK-1A2B3C4D');
  });

  it('shows a refused pairing code in the UI language', async () => {
    const client = gateClient({
      'devices.pair': () => {
        throw new ApiError(refusalData(DEVICES_ERRORS.codeInvalid, {}, 'code'));
      },
    });
    renderWithApp(<SessionGate signInCode={null}>{null}</SessionGate>, client, 'zh-CN');
    fireEvent.click(await screen.findByText('配对此浏览器'));
    await fill('配对码', 'ABCDE-FGHJK-1A2B3C4D');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '配对并登录' })));
    expect((await screen.findByTestId('sign-in-error')).textContent).toContain('配对码无效');
  });

  it('redeems a one-time link once, then shows the app', async () => {
    let actor: CallOutput<'session.status'>['actor'] = null;
    const client = createFakeClient({
      'session.redeemLink': () => {
        actor = { role: 'lead' };
        return signedInAs({ role: 'lead' });
      },
      'session.status': () => ({ ...NOBODY, actor }),
    });
    renderWithApp(
      <SessionGate signInCode="one-time-code-0123456789">
        <Inside />
      </SessionGate>,
      client,
    );
    await screen.findByText('inside the app');
    expect(client.calls.filter((call) => call.name === 'session.redeemLink')).toHaveLength(1);
  });

  it('says why a used link did not sign in, on the sign-in screen', async () => {
    const client = gateClient({
      'session.redeemLink': () => {
        throw new ApiError(refusalData(SESSION_ERRORS.linkInvalid));
      },
    });
    renderWithApp(<SessionGate signInCode="one-time-code-0123456789">{null}</SessionGate>, client, 'en');
    expect((await screen.findByTestId('link-error')).textContent).toContain('This sign-in link is not valid');
  });

  it('goes back to the sign-in screen when a call says the session has ended', async () => {
    const client = createFakeClient({
      'leads.facets': () => {
        throw new ApiError(refusalData(COMMON_ERRORS.sessionEnded));
      },
    });
    renderWithApp(
      <SessionGate signInCode={null}>
        <Inside />
      </SessionGate>,
      client,
    );
    fireEvent.click(await screen.findByText('inside the app'));
    await screen.findByText('Sign in to Fairlead');
  });
});

describe('the sign-in link in the address', () => {
  it('is taken out of the address before anything else and returned once', () => {
    window.history.replaceState(null, '', '/#signin=abc123def456ghi789');
    expect(takeSignInCode(window)).toBe('abc123def456ghi789');
    expect(window.location.hash).toBe('');
    expect(takeSignInCode(window)).toBeNull();
  });

  it('leaves an ordinary page address alone', () => {
    window.history.replaceState(null, '', '/#/leads');
    expect(takeSignInCode(window)).toBeNull();
    expect(window.location.hash).toBe('#/leads');
  });
});

describe('the wording of refusals', () => {
  it('falls back to the server message only for a reason this UI does not know', async () => {
    const client = createFakeClient({
      'leads.facets': () => {
        throw new ApiError({ code: 'conflict', reason: 'future.something', message: 'Server says so.' });
      },
    });
    let caught: unknown;
    function Probe() {
      const inner = useClient();
      return (
        <button type="button" onClick={() => void inner.call('leads.facets', {}).catch((e) => (caught = e))}>
          probe
        </button>
      );
    }
    renderWithApp(<Probe />, client, 'zh-CN');
    fireEvent.click(screen.getByText('probe'));
    await waitFor(() => expect(caught).toBeInstanceOf(ApiError));
    expect((caught as ApiError).message).toBe('Server says so.');
    expect((caught as ApiError).reason).toBe('future.something');
  });
});
