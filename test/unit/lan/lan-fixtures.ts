// What the LAN tests share: a rep PC's pairing store in a temp folder, and the team lead's steps to add a rep and
// a pairing code for them.
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AppClient } from '../../../core/api/transport/app-client';
import { ApiError } from '../../../core/api/errors';
import { createFileDeviceStore, type DeviceStore } from '../../../core/lan/device-store';

export async function addRep(lead: AppClient, name: string, pin?: string): Promise<string> {
  const rep = await lead.call('reps.create', { name, tier: 'mid', ...(pin ? { pin } : {}) });
  return rep.id;
}

export async function pairingCodeFor(lead: AppClient, repId: string): Promise<string> {
  return (await lead.call('devices.createPairingCode', { repId })).code;
}

export function storeIn(dir: string, name = 'device.json'): { path: string; store: DeviceStore } {
  const path = join(dir, name);
  return { path, store: createFileDeviceStore(path) };
}

/** The refusal a promise rejects with (and that it does reject). */
export async function refusalOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
