// The window's location hash as React state: the pages, tabs and click-throughs (#/leads?drill=…) live in it.
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current hash (`#/leads?…`), re-rendering on every change. */
export function useLocationHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

/** The query part of a hash (`#/leads?drill=…` → its parameters); null when it has none. */
export function hashParams(hash: string): URLSearchParams | null {
  const at = hash.indexOf('?');
  return at < 0 ? null : new URLSearchParams(hash.slice(at + 1));
}

/** An id as a link may carry it (the contract's ids are at most 64 plain characters); anything else is ignored. */
export function isLinkId(value: string | null): value is string {
  return value !== null && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}
