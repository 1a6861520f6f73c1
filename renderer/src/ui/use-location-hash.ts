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
