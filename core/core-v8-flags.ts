// V8 flags of every process that runs the core service (Electron's utility process, the LAN hub, the import
// benchmark). Node 24 lets the young generation grow to 64 MiB per semi-space; short-lived import rows then fill
// 128 MiB before a scavenge and the heap settles ~100 MB higher. 16 MiB kept a 100k-row import's peak RSS at
// ~430 MB instead of ~540 MB at the same speed (measured with test/bench/import.bench.ts on this machine).
// The list lives in core-v8-flags.json so scripts/hub.mjs (plain JavaScript) reads the same flags.
import flags from './core-v8-flags.json';

export const CORE_V8_FLAGS: readonly string[] = flags;
