// electron-vite builds three things: the main process (plus the core utility process), the sandboxed preload,
// and the renderer (the same config `npm run build:renderer` uses for the hub).
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from './vite.renderer.config';
import workerModules from './core/worker-modules.json';

export default defineConfig({
  main: {
    build: {
      // Kysely 0.29 is ESM-only and small: bundle it. better-sqlite3 is native and stays external.
      externalizeDeps: { exclude: ['kysely', 'zod'] },
      rollupOptions: {
        // Worker threads are files of their own beside core-process.js (core/store/sqlite-worker.ts finds them).
        input: { index: 'electron/main.ts', 'core-process': 'electron/core-process.ts', ...workerModules },
        // Shared chunks beside the entries, not in chunks/: code that starts a worker finds it next to itself.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with nothing external.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: 'electron/preload.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rollupOptions: { input: fileURLToPath(new URL('./renderer/index.html', import.meta.url)) },
    },
  },
});
