// The desktop renderer's Content-Security-Policy: nothing but the app's own files, and network connections only to
// the app itself and, once this PC is paired with one, the hub.

/**
 * The policy for the app:// pages. `hubOrigin` (e.g. https://192.168.1.10:5174) adds that origin and its WebSocket
 * twin (wss://…) to connect-src; anything but an https origin without path is refused, so a typo cannot widen the
 * policy to a whole scheme.
 */
export function buildContentSecurityPolicy(options: { readonly hubOrigin?: string | null } = {}): string {
  const connect = ["'self'"];
  if (options.hubOrigin) {
    const hub = new URL(options.hubOrigin);
    // A host name or address only: WHATWG URLs accept `*`, which a CSP would read as a wildcard.
    const isPlainHost = /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(hub.hostname);
    if (hub.protocol !== 'https:' || !isPlainHost || hub.origin !== options.hubOrigin.replace(/\/$/, '')) {
      throw new Error(
        `The hub origin must be an https origin such as https://192.168.1.10:5174, not ${options.hubOrigin}`,
      );
    }
    connect.push(hub.origin, `wss://${hub.host}`);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Mantine injects <style> elements for its CSS variables (shared/style.md, build facts).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
