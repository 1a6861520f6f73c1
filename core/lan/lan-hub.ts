// The hub on the office LAN: HTTPS/WSS with the hub's own CA (made on first use in `<data folder>/lan`), the CA's
// fingerprint told to the service for pairing codes, and an mDNS advertisement. The headless hub (`npm run hub --
// --lan`) and the desktop app's hub mode (Settings → Network) both start it here.
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { Service } from '../api/service';
import { fingerprintPrefix } from '../api/devices/pairing-code';
import { ensureHubCertificates } from './certificates';
import { advertiseHub, type MdnsLike } from './discovery';
import { startHub } from './hub-server';

/** The port a hub listens on unless told otherwise: reps' PCs keep the address they paired with. */
export const DEFAULT_HUB_PORT = 5174;

/** The names a LAN hub answers to by default: its host name (plain and .local) and its IPv4 LAN addresses. */
function defaultLanNames(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((item) => item !== undefined && item.family === 'IPv4' && !item.internal)
    .map((item) => item!.address);
  return [hostname().toLowerCase(), `${hostname().toLowerCase()}.local`, ...addresses];
}

export interface LanHubOptions {
  readonly service: Service;
  /** The folder holding the workspace's database: the CA and certificates live in its `lan` folder. */
  readonly dataDir: string;
  /** Names and addresses reps' PCs reach this hub by [defaultLanNames()]. */
  readonly names?: readonly string[];
  /** The address listened on [0.0.0.0: every interface]. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly rendererDir: string | null;
  readonly appVersion: string;
  /** Advertise the hub by mDNS (`_fairlead._tcp`); null leaves it unadvertised (an address can be typed). */
  readonly mdns: (() => MdnsLike) | null;
  readonly now: number;
}

export interface LanHub {
  /** https://127.0.0.1:<port>: this computer's own address of the hub. */
  readonly url: string;
  readonly port: number;
  /** The names and addresses reps' PCs reach it by. */
  readonly names: readonly string[];
  readonly caFingerprint256: string;
  /** base64 SHA-256 of the server certificate's public key (Chromium's SPKI pin list for tests). */
  readonly serverSpkiSha256: string;
  /** Stops serving and advertising; pairing codes can no longer be made. */
  close(): Promise<void>;
}

export async function startLanHub(options: LanHubOptions): Promise<LanHub> {
  const names = options.names ?? defaultLanNames();
  const certificates = await ensureHubCertificates(join(options.dataDir, 'lan'), names, options.now);
  const hub = await startHub({
    service: options.service,
    host: options.host ?? '0.0.0.0',
    port: options.port,
    rendererDir: options.rendererDir,
    appVersion: options.appVersion,
    tls: { key: certificates.key, cert: certificates.cert },
    hostNames: names,
    caCertPem: certificates.caCert,
  });
  options.service.lan.setCaFingerprint256(certificates.caFingerprint256);
  const advertisement =
    options.mdns === null
      ? null
      : advertiseHub(
          {
            name: `Fairlead ${hostname()}`,
            port: hub.port,
            fingerprintPrefix: fingerprintPrefix(certificates.caFingerprint256),
          },
          options.mdns(),
        );
  return {
    url: hub.url,
    port: hub.port,
    names,
    caFingerprint256: certificates.caFingerprint256,
    serverSpkiSha256: certificates.serverSpkiSha256,
    async close() {
      options.service.lan.setCaFingerprint256(null);
      await advertisement?.stop();
      await hub.close();
    },
  };
}
