// The actor menu of a rep's window: on a desktop PC paired with the hub there is no "back to the team lead" (the
// main process would refuse that sign-in; the PC works only as its rep), while a shared standalone PC and a browser
// on the hub's page keep the switch, which asks the team lead's password.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../core/api/contract';
import { ActorMenu } from '../../../renderer/src/shell/ActorMenu';
import { createFakeClient, renderWithApp, SIGNED_IN_LEAD } from './render-app';

type ClientStatus = CallOutput<'client.status'>;
const REP = { role: 'rep', repId: 'rep-1', name: '王芳' } as const;

function statusOf(mode: ClientStatus['mode']): ClientStatus {
  return {
    mode,
    hubUrl: mode === 'hub-client' ? 'https://192.168.1.20:5174' : null,
    state: mode === 'hub-client' ? 'connected' : null,
    unreachableSince: null,
    caFingerprint256: null,
    signedOutRep: null,
  };
}

function clientFor(mode: ClientStatus['mode']) {
  return createFakeClient({
    'session.status': () => ({ ...SIGNED_IN_LEAD, actor: REP }),
    'client.status': () => statusOf(mode),
  });
}

describe('the actor menu of a rep', () => {
  it('on a PC paired with the hub offers no switch to the team lead and says why (zh)', async () => {
    const client = clientFor('hub-client');
    renderWithApp(<ActorMenu actor={REP} />, client, 'zh-CN');
    await screen.findByTestId('actor-menu');
    await waitForCall(client.calls, 'client.status');
    fireEvent.click(screen.getByTestId('actor-menu'));
    const note = await screen.findByTestId('paired-pc-note');
    expect(note.textContent).toContain('销售主管请在主机电脑上或浏览器中登录');
    expect(screen.queryByText('切换回销售主管')).toBeNull();
    expect(screen.getByTestId('sign-out')).toBeTruthy();
  });

  it('on a standalone desktop PC keeps “back to the team lead”', async () => {
    const client = clientFor('standalone');
    renderWithApp(<ActorMenu actor={REP} />, client, 'en');
    await waitForCall(client.calls, 'client.status');
    fireEvent.click(screen.getByTestId('actor-menu'));
    expect(await screen.findByText('Back to the team lead')).toBeTruthy();
    expect(screen.queryByTestId('paired-pc-note')).toBeNull();
  });
});

async function waitForCall(calls: { name: string }[], name: string): Promise<void> {
  await waitFor(() => expect(calls.some((call) => call.name === name)).toBe(true));
}
