// Where a rep PC keeps its pairing: the hub's address, its pinned CA and the device token. Node keeps it in a file
// readable by its user only; Electron passes a store backed by safeStorage.
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export const pairedDeviceSchema = z
  .object({
    hubUrl: z.url(),
    caPem: z.string().min(1).max(16_384),
    caFingerprint256: z.string().regex(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/),
    deviceId: z.string().min(1).max(100),
    deviceToken: z.string().min(20).max(100),
    /** Set when the rep signed out on this PC: it then stays signed out (even across restarts) until their PIN. */
    signedOut: z
      .object({ repId: z.string().min(1).max(100), name: z.string().max(200) })
      .strict()
      .optional(),
  })
  .strict();
export type PairedDevice = z.output<typeof pairedDeviceSchema>;

export interface DeviceStore {
  load(): Promise<PairedDevice | null>;
  save(device: PairedDevice): Promise<void>;
  /** Forgets the pairing (after a revocation, or when the rep pairs again). */
  clear(): Promise<void>;
}

/** A JSON file created 0600 (written aside, then renamed, so a crash never leaves half a token). */
export function createFileDeviceStore(path: string): DeviceStore {
  return {
    async load() {
      if (!existsSync(path)) return null;
      const parsed = pairedDeviceSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      return parsed.success ? parsed.data : null;
    },
    async save(device) {
      const aside = `${path}.${process.pid}.tmp`;
      writeFileSync(aside, JSON.stringify(pairedDeviceSchema.parse(device)), { mode: 0o600 });
      chmodSync(aside, 0o600);
      renameSync(aside, path);
    },
    async clear() {
      rmSync(path, { force: true });
    },
  };
}
