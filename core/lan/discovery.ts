// mDNS/DNS-SD: the hub advertises itself as _fairlead._tcp so reps' PCs can find it; only a hint (a firewall may
// block multicast), so an address can always be typed instead.
import { Bonjour, type Service } from 'bonjour-service';

export const SERVICE_TYPE = 'fairlead';

export interface FoundHub {
  readonly name: string;
  readonly host: string;
  readonly addresses: readonly string[];
  readonly port: number;
  /** The first hex digits of the hub CA's fingerprint, to match against a pairing code. */
  readonly fingerprintPrefix: string | null;
}

/** The slice of bonjour-service used here, so tests can pass a fake instead of sending multicast. */
export interface MdnsLike {
  publish(config: { name: string; type: string; port: number; txt?: Record<string, string> }): {
    stop?: CallableFunction;
  };
  find(config: { type: string }, onUp: (service: Service) => void): { stop(): void };
  unpublishAll(callback?: CallableFunction): void;
  destroy(callback?: CallableFunction): void;
}

export const realMdns = (): MdnsLike => new Bonjour() as unknown as MdnsLike;

export interface Advertisement {
  stop(): Promise<void>;
}

export function advertiseHub(
  options: { readonly name: string; readonly port: number; readonly fingerprintPrefix: string },
  mdns: MdnsLike = realMdns(),
): Advertisement {
  mdns.publish({
    name: options.name,
    type: SERVICE_TYPE,
    port: options.port,
    txt: { v: '1', fp: options.fingerprintPrefix },
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        mdns.unpublishAll(() => mdns.destroy(() => resolve()));
      }),
  };
}

/** Hubs answering on the LAN within `timeoutMs`. */
export function findHubs(timeoutMs: number, mdns: MdnsLike = realMdns()): Promise<FoundHub[]> {
  return new Promise((resolve) => {
    const found = new Map<string, FoundHub>();
    const browser = mdns.find({ type: SERVICE_TYPE }, (service) => {
      const txt = (service.txt ?? {}) as Record<string, unknown>;
      found.set(`${service.host}:${service.port}`, {
        name: service.name,
        host: service.host,
        addresses: service.addresses ?? [],
        port: service.port,
        fingerprintPrefix: typeof txt['fp'] === 'string' ? txt['fp'] : null,
      });
    });
    setTimeout(() => {
      browser.stop();
      mdns.destroy();
      resolve([...found.values()]);
    }, timeoutMs);
  });
}
