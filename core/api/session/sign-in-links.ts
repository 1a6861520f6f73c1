// One-time sign-in links for the headless hub's team lead (as Jupyter prints for its server): single use, short-lived.
import { hashToken, newToken } from './secrets';

const LINK_LIFETIME_MS = 15 * 60_000;

export interface SignInLinks {
  /** A new one-time code; any earlier unused code stops working. */
  create(now: number): string;
  /** True once for a live code; the code is spent either way. */
  redeem(code: string, now: number): boolean;
}

export function createSignInLinks(): SignInLinks {
  let live: { hash: string; expiresAt: number } | null = null;
  return {
    create(now) {
      const code = newToken();
      live = { hash: hashToken(code), expiresAt: now + LINK_LIFETIME_MS };
      return code;
    },
    redeem(code, now) {
      const current = live;
      if (!current || current.hash !== hashToken(code)) return false;
      live = null;
      return current.expiresAt > now;
    },
  };
}
