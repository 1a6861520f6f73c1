// Settings → Devices and Network for the team lead: the paired devices with their state, a pairing code shown big
// with its countdown and the CA fingerprint, revoking after a confirmation; standalone versus hub mode.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallOutput } from '../../../core/api/contract';
import { DevicesSection } from '../../../renderer/src/features/identity/DevicesSection';
import { formatCountdown } from '../../../renderer/src/features/identity/AddDevice';
import { NetworkSection } from '../../../renderer/src/features/identity/NetworkSection';
import { createFakeClient, pickOption, renderWithApp, SIGNED_IN_LEAD, STANDALONE_CLIENT } from './render-app';

const FINGERPRINT =
  'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';
const HUB: CallOutput<'session.status'> = { ...SIGNED_IN_LEAD, lan: { caFingerprint256: FINGERPRINT } };

type Device = CallOutput<'devices.list'>[number];

function device(overrides: Partial<Device>): Device {
  return {
    id: 'dev-1',
    person: 'rep:rep-1',
    personName: 'Li Na',
    name: 'Chrome on Windows',
    createdAt: Date.UTC(2025, 0, 6, 1, 0),
    lastSeenAt: Date.UTC(2025, 0, 6, 2, 30),
    lastAddress: '192.168.1.23',
    revokedAt: null,
    ...overrides,
  };
}

const REPS = [
  {
    id: 'rep-1',
    name: 'Li Na',
    hasPin: true,
  },
] as unknown as CallOutput<'reps.list'>;

afterEach(() => vi.restoreAllMocks());

describe('the devices panel', () => {
  it('lists each device with its person, address and whether it is revoked', async () => {
    const client = createFakeClient({
      'session.status': () => HUB,
      'devices.list': () => [device({}), device({ id: 'dev-2', name: 'Old laptop', revokedAt: Date.now() })],
      'reps.list': () => REPS,
    });
    renderWithApp(<DevicesSection />, client, 'en');
    const table = await screen.findByTestId('devices');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toContain('Li Na');
    expect(rows[1]?.textContent).toContain('192.168.1.23');
    expect(rows[1]?.textContent).toContain('Active');
    expect(rows[2]?.textContent).toContain('Revoked');
    expect(within(rows[2]!).queryByRole('button', { name: 'Revoke' })).toBeNull();
  });

  it('shows a new pairing code big, with its countdown and the CA fingerprint', async () => {
    const client = createFakeClient({
      'session.status': () => HUB,
      'devices.list': () => [],
      'reps.list': () => REPS,
      'devices.createPairingCode': () => ({
        code: 'ABCDE-FGHJK-ABCDEF01',
        expiresAt: Date.now() + 10 * 60_000,
        caFingerprint256: FINGERPRINT,
      }),
    });
    renderWithApp(<DevicesSection />, client, 'en');
    await screen.findByText('No device is paired yet.');
    await pickOption('Rep', 'Li Na');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create pairing code' })));
    expect((await screen.findByTestId('pairing-code')).textContent).toBe('ABCDE-FGHJK-ABCDEF01');
    expect(screen.getByTestId('pairing-countdown').textContent).toMatch(/^Expires in (10:00|9:5\d)$/);
    expect(screen.getByTestId('pairing-code-card').textContent).toContain(FINGERPRINT);
    expect(client.calls.find((call) => call.name === 'devices.createPairingCode')?.input).toEqual({
      repId: 'rep-1',
    });
  });

  it('cannot make a code in standalone mode, and says why', async () => {
    const client = createFakeClient({ 'devices.list': () => [], 'reps.list': () => REPS });
    renderWithApp(<DevicesSection />, client, 'zh-CN');
    await screen.findByText('配对设备需要开启主机模式，请看上方“网络”。');
    expect(screen.getByRole('button', { name: '生成配对码' }).hasAttribute('disabled')).toBe(true);
  });

  it('revokes a device only after the team lead confirms', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const client = createFakeClient({
      'session.status': () => HUB,
      'devices.list': () => [device({})],
      'reps.list': () => REPS,
      'devices.revoke': ({ id }) => device({ id, revokedAt: Date.now() }),
    });
    renderWithApp(<DevicesSection />, client, 'en');
    const revoke = await screen.findByRole('button', { name: 'Revoke' });
    fireEvent.click(revoke);
    expect(client.calls.some((call) => call.name === 'devices.revoke')).toBe(false);
    fireEvent.click(revoke);
    await waitFor(() =>
      expect(client.calls.find((call) => call.name === 'devices.revoke')?.input).toEqual({ id: 'dev-1' }),
    );
    expect(confirm.mock.calls[0]?.[0]).toContain('Chrome on Windows');
  });

  it('counts down in minutes and seconds and never below zero', () => {
    expect(formatCountdown(600_000)).toBe('10:00');
    expect(formatCountdown(61_500)).toBe('1:02');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});

describe('the network section', () => {
  it('shows hub mode with the CA fingerprint and the certificate to download', async () => {
    renderWithApp(<NetworkSection isBrowser />, createFakeClient({ 'session.status': () => HUB }), 'en');
    expect((await screen.findByTestId('ca-fingerprint')).textContent).toBe(FINGERPRINT);
    expect(screen.getByRole('link', { name: 'Download the CA certificate' }).getAttribute('href')).toBe(
      '/api/ca.pem',
    );
  });

  it('explains how to start the hub for the LAN when standalone', async () => {
    renderWithApp(<NetworkSection isBrowser />, createFakeClient({}), 'zh-CN');
    await screen.findByText('单机模式：只有这台电脑使用此工作区。');
    expect(screen.getByText('npm run hub -- --lan')).toBeTruthy();
    expect(screen.queryByTestId('ca-fingerprint')).toBeNull();
  });

  it('in the desktop app, switches hub mode on and shows the addresses reps connect to', async () => {
    let on = false;
    const hubMode = () => ({
      on,
      switchable: true,
      names: on ? ['lead-pc.local', '192.168.1.20'] : [],
      port: on ? 5174 : null,
      caFingerprint256: on ? FINGERPRINT : null,
    });
    const client = createFakeClient({
      'session.status': () => (on ? HUB : SIGNED_IN_LEAD),
      'network.hubMode': hubMode,
      'network.setHubMode': (input) => {
        on = input.on;
        return hubMode();
      },
      'client.status': () => STANDALONE_CLIENT,
    });
    renderWithApp(<NetworkSection isBrowser={false} />, client, 'zh-CN');
    const toggle = await screen.findByRole('switch', { name: /在办公室局域网共享此工作区/ });
    // No command line for a desktop user.
    expect(screen.queryByText('npm run hub -- --lan')).toBeNull();
    fireEvent.click(toggle);
    expect((await screen.findByTestId('hub-mode-addresses')).textContent).toBe(
      'https://lead-pc.local:5174\nhttps://192.168.1.20:5174',
    );
    expect(client.calls.filter((c) => c.name === 'network.setHubMode').map((c) => c.input)).toEqual([
      { on: true },
    ]);
    expect((await screen.findByTestId('ca-fingerprint')).textContent).toBe(FINGERPRINT);
  });

  it('in a browser on the headless hub, has no switch: the hub was started with its mode', async () => {
    const client = createFakeClient({
      'network.hubMode': () => ({
        on: false,
        switchable: false,
        names: [],
        port: null,
        caFingerprint256: null,
      }),
    });
    renderWithApp(<NetworkSection isBrowser />, client, 'en');
    await screen.findByText('npm run hub -- --lan');
    expect(screen.queryByTestId('hub-mode')).toBeNull();
  });
});
