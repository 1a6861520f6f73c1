// V8 flags of the window's renderer (Chromium's `js-flags`, set by main.ts before the app is ready; the kanban
// benchmark starts Chromium with the same). A young generation of 1 MiB per semi-space: the Funnel's scroll makes
// short-lived card objects, and each scavenge copies what is still alive, so a smaller young generation means more,
// shorter pauses — the longest event-loop gap over the benchmark's scroll 19.6–32.2 ms with it against 41.7–51.4 ms
// with Chromium's default, alternately on this machine (README, "Kanban scrolling").
import flags from './renderer-v8-flags.json';

const RENDERER_V8_FLAGS: readonly string[] = flags;

/** The `js-flags` switch's value. */
export const rendererJsFlags = (): string => RENDERER_V8_FLAGS.join(' ');
