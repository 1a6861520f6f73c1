// A browser a rep paired remembers whose it is (id and name, nothing secret): after a sign-out its sign-in screen
// asks that rep's PIN first; "not me" forgets the rep and goes back to pairing.
import { useQuery } from '@tanstack/react-query';
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../core/api/contract';
import { ApiError, refusalData } from '../../../core/api/errors';
import { SESSION_ERRORS } from '../../../core/api/session/errors';
import { useClient } from '../../../renderer/src/api/client-context';
import { useSignOut } from '../../../renderer/src/api/session';
import { CLIENT_STATUS_KEY } from '../../../renderer/src/features/identity/HubConnectForm';
import { readPairedRep } from '../../../renderer/src/features/identity/paired-rep';
import { SessionGate } from '../../../renderer/src/shell/SessionGate';
import { createFakeClient, renderWithApp, SIGNED_IN_LEAD, type FakeAnswers } from './render-app';

const REP = { role: 'rep', repId: 'rep-1', name: '王芳' } as const;

function gateClient(answers: FakeAnswers, signedIn: CallOutput<'session.status'>['actor'] = null) {
  let actor = signedIn;
  return createFakeClient({
    'session.status': () => ({ ...SIGNED_IN_LEAD, actor }),
    'devices.pair': () => {
      actor = REP;
      return { deviceId: 'dev-1', deviceToken: '', actor: REP, token: '', expiresAt: Date.now() + 60_000 };
    },
    'session.signOut': () => {
      actor = null;
      return { signedOut: true };
    },
    ...answers,
    'session.signIn': async (input) => {
      const answer = answers['session.signIn'];
      if (!answer) throw new Error('no sign-in answer');
      const result = await answer(input);
      actor = result.actor;
      return result;
    },
  });
}

/** A signed-in rep PC's app: it has read the PC's status, and signs out. */
function PcApp() {
  const client = useClient();
  const signOut = useSignOut();
  const status = useQuery({ queryKey: CLIENT_STATUS_KEY, queryFn: () => client.call('client.status', {}) });
  return (
    <button type="button" onClick={() => void signOut()}>
      sign out
      <span>{status.data ? `inside the app: ${status.data.mode}` : ''}</span>
    </button>
  );
}

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
}

describe('signing in again on a paired browser', () => {
  it('remembers the rep who paired, then asks only that rep’s PIN', async () => {
    const client = gateClient({
      'session.signIn': () => ({ actor: REP, token: '', expiresAt: Date.now() + 60_000 }),
    });
    const first = renderWithApp(<SessionGate signInCode={null}>inside the app</SessionGate>, client, 'zh-CN');
    fireEvent.click(await screen.findByText('配对此浏览器'));
    fill('配对码', 'ABCDE-FGHJK-1A2B3C4D');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '配对并登录' })));
    await screen.findByText('inside the app');
    expect(readPairedRep()).toEqual({ repId: 'rep-1', name: '王芳' });
    first.unmount();

    await client.call('session.signOut', {});
    renderWithApp(<SessionGate signInCode={null}>inside the app</SessionGate>, client, 'zh-CN');
    await screen.findByText('此浏览器已为王芳配对，请输入您的 PIN 登录。');
    fill('PIN', '246810');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '登录' })));
    await screen.findByText('inside the app');
    expect(client.calls.find((call) => call.name === 'session.signIn')?.input).toEqual({
      as: 'rep',
      repId: 'rep-1',
      pin: '246810',
    });
  });

  it('words a wrong PIN with the tries left, and "not me" goes back to pairing', async () => {
    localStorage.setItem('fairlead.pairedRep', JSON.stringify({ repId: 'rep-1', name: 'Wang Fang' }));
    const client = gateClient({
      'session.signIn': () => {
        throw new ApiError(refusalData(SESSION_ERRORS.wrongPin, { triesLeft: 4 }, 'pin'));
      },
    });
    renderWithApp(<SessionGate signInCode={null}>{null}</SessionGate>, client, 'en');
    await screen.findByText('This browser is paired for Wang Fang. Sign in with your PIN.');
    fill('PIN', '111111');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));
    expect((await screen.findByTestId('sign-in-error')).textContent).toBe(
      'Wrong PIN. 4 tries left before sign-in is paused.',
    );
    fireEvent.click(screen.getByText('Not Wang Fang? Pair this browser with a new code'));
    await screen.findByLabelText('Pairing code', { exact: false });
    expect(readPairedRep()).toBeNull();
  });

  it('on a browser whose pairing the team lead revoked, says so and asks to pair again', async () => {
    localStorage.setItem('fairlead.pairedRep', JSON.stringify({ repId: 'rep-1', name: '王芳' }));
    const client = gateClient({
      'session.signIn': () => {
        throw new ApiError(refusalData(SESSION_ERRORS.deviceRevoked));
      },
    });
    renderWithApp(<SessionGate signInCode={null}>{null}</SessionGate>, client, 'zh-CN');
    await screen.findByText('此浏览器已为王芳配对，请输入您的 PIN 登录。');
    fill('PIN', '246810');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '登录' })));
    expect((await screen.findByTestId('pairing-revoked')).textContent).toBe(
      '销售主管已取消此浏览器的配对：请向销售主管索取新的配对码，重新配对。',
    );
    await screen.findByLabelText('配对码', { exact: false });
    expect(screen.queryByLabelText('PIN', { exact: false })).toBeNull();
    expect(screen.queryByText('王芳')).toBeNull();
    expect(readPairedRep()).toBeNull();
  });

  it('on a rep’s PC, after its rep signs out, offers only that rep’s PIN, whatever this browser storage holds', async () => {
    localStorage.setItem('fairlead.pairedRep', JSON.stringify({ repId: 'rep-9', name: 'Someone else' }));
    let signedOutRep: { repId: string; name: string } | null = null;
    const client = gateClient(
      {
        'client.status': () => ({
          mode: 'hub-client',
          hubUrl: 'https://192.168.1.20:5174',
          state: 'connected',
          unreachableSince: null,
          caFingerprint256: null,
          signedOutRep,
        }),
        'session.signIn': () => ({ actor: REP, token: '', expiresAt: 0 }),
      },
      REP,
    );
    renderWithApp(
      <SessionGate signInCode={null}>
        <PcApp />
      </SessionGate>,
      client,
      'en',
    );
    // The app asked the PC's status while the rep was signed in (as the actor menu does).
    await screen.findByText('inside the app: hub-client');
    signedOutRep = { repId: 'rep-1', name: 'Wang Fang' };
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /sign out/ })));
    await screen.findByText('This PC is paired for Wang Fang. Sign in with your PIN.');
    expect(screen.queryByText('Team lead')).toBeNull();
    expect(screen.queryByText(/Not Wang Fang/)).toBeNull();
    fill('PIN', '246810');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));
    await screen.findByText('inside the app: hub-client');
    expect(client.calls.find((call) => call.name === 'session.signIn')?.input).toEqual({
      as: 'rep',
      repId: 'rep-1',
      pin: '246810',
    });
  });

  it('ignores what is not a remembered rep', async () => {
    localStorage.setItem('fairlead.pairedRep', '{"repId": 5}');
    renderWithApp(<SessionGate signInCode={null}>{null}</SessionGate>, gateClient({}), 'en');
    await screen.findByLabelText('Team lead password', { exact: false });
    expect(screen.queryByLabelText('PIN', { exact: false })).toBeNull();
  });
});
