// The rep PC's pairing kept with the OS's protected storage (Electron safeStorage: DPAPI, Keychain, libsecret).
// Where no keyring is available (a headless Linux), it says so and falls back to a file readable only by its
// user, never to plain text anywhere else.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pairedDeviceSchema, type DeviceStore } from '../core/lan/device-store';

/** The slice of Electron's safeStorage used here, so tests can pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function createSafeDeviceStore(
  dataDir: string,
  safeStorage: SafeStorageLike,
  warn: (message: string) => void,
): DeviceStore {
  const encryptedPath = join(dataDir, 'hub-device.bin');
  const plainPath = join(dataDir, 'hub-device.json');

  function writeAtomically(path: string, data: string | Buffer): void {
    const aside = `${path}.tmp`;
    writeFileSync(aside, data, { mode: 0o600 });
    renameSync(aside, path);
  }

  return {
    async load() {
      let text: string | null = null;
      if (existsSync(encryptedPath) && safeStorage.isEncryptionAvailable()) {
        text = safeStorage.decryptString(readFileSync(encryptedPath));
      } else if (existsSync(plainPath)) {
        text = readFileSync(plainPath, 'utf8');
      }
      if (text === null) return null;
      const parsed = pairedDeviceSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    },
    async save(device) {
      const text = JSON.stringify(pairedDeviceSchema.parse(device));
      if (safeStorage.isEncryptionAvailable()) {
        writeAtomically(encryptedPath, safeStorage.encryptString(text));
        rmSync(plainPath, { force: true });
      } else {
        warn(
          'The OS offers no protected storage here (no keyring): the hub pairing is kept in a file only your user can read.',
        );
        writeAtomically(plainPath, text);
      }
    },
    async clear() {
      rmSync(encryptedPath, { force: true });
      rmSync(plainPath, { force: true });
    },
  };
}
