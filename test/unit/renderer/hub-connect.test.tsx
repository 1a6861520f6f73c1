// Settings → Network in the desktop app: the team lead of a standalone PC connects it to the hub with the hub's
// address and a pairing code (the fingerprint the code expects shown first), then sees the state and disconnects;
// a browser never sees the form; a refusal is shown in the page's language.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../core/api/contract';
import { ApiError, refusalData } from '../../../core/api/errors';
import { REP_CLIENT_ERRORS } from '../../../core/lan/rep-client-errors';
import { fingerprintPrefixOfCode } from '../../../renderer/src/features/identity/HubConnectForm';
import { NetworkSection } from '../../../renderer/src/features/identity/NetworkSection';
import { ConnectionBanner } from '../../../renderer/src/shell/ConnectionBanner';
import { createFakeClient, renderWithApp, SIGNED_IN_LEAD, STANDALONE_CLIENT } from './render-app';

type ClientStatus = CallOutput<'client.status'>;

const STANDALONE = STANDALONE_CLIENT;
const FINGERPRINT =
  '1A:2B:3C:4D:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';
const CONNECTED: ClientStatus = {
  mode: 'hub-client',
  hubUrl: 'https://192.168.1.20:5174',
  state: 'connected',
  unreachableSince: null,
  caFingerprint256: FINGERPRINT,
  signedOutRep: null,
};
const REP = { role: 'rep', repId: 'rep-1', name: '王芳' } as const;

function fill(label: RegExp | string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('connecting this PC to a hub', () => {
  it('reads the fingerprint prefix a pairing code carries, whatever its case and dashes', () => {
    expect(fingerprintPrefixOfCode('abcde-fghjk-1a2b3c4d')).toBe('1A2B3C4D');
    expect(fingerprintPrefixOfCode('ABCDE FGHJK 1A2B3C4D')).toBe('1A2B3C4D');
    expect(fingerprintPrefixOfCode('ABCDE-FGHJK-1A2B3C')).toBeNull();
    expect(fingerprintPrefixOfCode('ABCDE-FGHJK-1A2B3C4Z')).toBeNull();
  });

  it('shows the fingerprint the code expects, then the hub’s whole one, and connects with that one confirmed', async () => {
    let isConnected = false;
    let actor: CallOutput<'session.status'>['actor'] = { role: 'lead' };
    const client = createFakeClient({
      'session.status': () => ({ ...SIGNED_IN_LEAD, actor }),
      'client.status': () => (isConnected ? CONNECTED : STANDALONE),
      'client.probe': ({ hubUrl }) => ({ hubUrl, caFingerprint256: FINGERPRINT }),
      'client.connect': () => {
        isConnected = true;
        actor = REP;
        return { status: CONNECTED, actor: REP };
      },
    });
    renderWithApp(<NetworkSection isBrowser={false} />, client, 'en');
    await screen.findByTestId('hub-connect-form');
    fill(/^Hub address/, 'https://192.168.1.20:5174');
    expect(screen.queryByTestId('expected-fingerprint')).toBeNull();
    fill(/^Pairing code/, 'abcde-fghjk-1a2b3c4d');
    expect((await screen.findByTestId('expected-fingerprint')).textContent).toContain('1A:2B:3C:4D…');
    fill(/^Name of this device/, '王芳的电脑');
    expect(screen.queryByRole('button', { name: 'It is the same: connect' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Check the hub' }));
    const shown = await screen.findByTestId('hub-fingerprint');
    expect(shown.textContent).toContain(FINGERPRINT);
    expect(shown.textContent).toContain('It begins as the pairing code says');
    fireEvent.click(screen.getByRole('button', { name: 'It is the same: connect' }));

    const state = await screen.findByTestId('hub-client-status');
    expect(state.textContent).toContain('Connected to the hub at https://192.168.1.20:5174');
    expect(state.textContent).toContain(FINGERPRINT);
    expect(client.calls.find((call) => call.name === 'client.connect')?.input).toEqual({
      hubUrl: 'https://192.168.1.20:5174',
      code: 'abcde-fghjk-1a2b3c4d',
      deviceName: '王芳的电脑',
      caFingerprint256: FINGERPRINT,
    });
  });

  it('offers no connect for a hub whose fingerprint does not begin as the code says, nor after the address changes', async () => {
    const client = createFakeClient({
      'client.status': () => STANDALONE,
      'client.probe': ({ hubUrl }) => ({
        hubUrl,
        caFingerprint256: hubUrl.includes('.20') ? FINGERPRINT : FINGERPRINT.replace('1A', 'FF'),
      }),
    });
    renderWithApp(<NetworkSection isBrowser={false} />, client, 'zh-CN');
    await screen.findByTestId('hub-connect-form');
    fill(/^主机地址/, 'https://192.168.1.66:5174');
    fill(/^配对码/, 'ABCDE-FGHJK-1A2B3C4D');
    fireEvent.click(screen.getByRole('button', { name: '核对主机' }));
    expect((await screen.findByTestId('hub-fingerprint')).textContent).toContain(
      '开头不是配对码所示的 1A:2B:3C:4D：这不是您团队的主机',
    );
    expect(screen.queryByRole('button', { name: '指纹一致，连接' })).toBeNull();
    fill(/^主机地址/, 'https://192.168.1.20:5174');
    expect(screen.queryByTestId('hub-fingerprint')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '核对主机' }));
    await screen.findByRole('button', { name: '指纹一致，连接' });
    fill(/^主机地址/, 'https://192.168.1.21:5174');
    expect(screen.queryByRole('button', { name: '指纹一致，连接' })).toBeNull();
    expect(client.calls.some((call) => call.name === 'client.connect')).toBe(false);
  });

  it('shows a rep on a connected PC the state and lets them disconnect, in Chinese', async () => {
    let isConnected = true;
    const client = createFakeClient({
      'session.status': () => ({ ...SIGNED_IN_LEAD, actor: isConnected ? REP : { role: 'lead' } }),
      'client.status': () =>
        isConnected ? { ...CONNECTED, state: 'unreachable', unreachableSince: 0 } : STANDALONE,
      'client.disconnect': () => {
        isConnected = false;
        return STANDALONE;
      },
    });
    renderWithApp(<NetworkSection isBrowser={false} />, client, 'zh-CN');
    const state = await screen.findByTestId('hub-client-status');
    expect(state.textContent).toContain('已连接到主机 https://192.168.1.20:5174');
    expect(state.textContent).toMatch(/自 \d\d:\d\d 起无法连接 — 正在重试/);
    fireEvent.click(screen.getByRole('button', { name: '断开与主机的连接' }));
    // Back on this PC's own workspace as its team lead: the connect form again.
    await screen.findByTestId('hub-connect-form');
    expect(client.calls.map((call) => call.name)).toContain('client.disconnect');
  });

  it('words a refused connection in the page’s language', async () => {
    const client = createFakeClient({
      'client.status': () => STANDALONE,
      'client.probe': ({ hubUrl }) => ({ hubUrl, caFingerprint256: FINGERPRINT }),
      'client.connect': () => {
        throw new ApiError(refusalData(REP_CLIENT_ERRORS.hubChanged, { fingerprint: 'FF:FF' }));
      },
    });
    renderWithApp(<NetworkSection isBrowser={false} />, client, 'zh-CN');
    await screen.findByTestId('hub-connect-form');
    fill(/^主机地址/, 'https://192.168.1.20:5174');
    fill(/^配对码/, 'ABCDE-FGHJK-1A2B3C4D');
    fireEvent.click(screen.getByRole('button', { name: '核对主机' }));
    fireEvent.click(await screen.findByRole('button', { name: '指纹一致，连接' }));
    await waitFor(() =>
      expect(screen.getByTestId('hub-connect-error').textContent).toContain('与您核对过的不同'),
    );
  });

  it('is not offered in a browser, which is on its hub already', async () => {
    const client = createFakeClient({ 'client.status': () => STANDALONE });
    renderWithApp(<NetworkSection isBrowser />, client, 'en');
    await screen.findByText('npm run hub -- --lan');
    expect(screen.queryByTestId('hub-connect-section')).toBeNull();
    expect(client.calls.some((call) => call.name === 'client.status')).toBe(false);
  });

  it('puts the plain banner over the desktop app while its hub is unreachable, and none while connected', async () => {
    const since = new Date(2026, 11, 3, 10, 42).getTime();
    const unreachable = createFakeClient({
      'client.status': () => ({ ...CONNECTED, state: 'unreachable', unreachableSince: since }),
    });
    const shown = renderWithApp(<ConnectionBanner />, unreachable, 'en');
    expect((await screen.findByTestId('connection-banner')).textContent).toBe(
      'Hub unreachable since 10:42 — retrying',
    );
    shown.unmount();
    const connected = createFakeClient({ 'client.status': () => CONNECTED });
    renderWithApp(<ConnectionBanner />, connected, 'en');
    await waitFor(() => expect(connected.calls.map((call) => call.name)).toContain('client.status'));
    expect(screen.queryByTestId('connection-banner')).toBeNull();
  });
});
