// electron-vite builds three things: the main process (plus the core utility process), the sandboxed preload,
// and the renderer (the same config `npm run build:renderer` uses for the hub).
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from './vite.renderer.config';

export default defineConfig({
  main: {
    build: {
      // Kysely 0.29 is ESM-only and small: bundle it. better-sqlite3 is native and stays external.
      externalizeDeps: { exclude: ['kysely', 'zod'] },
      rollupOptions: {
        input: { index: 'electron/main.ts', 'core-process': 'electron/core-process.ts' },
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
