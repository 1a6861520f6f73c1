// Test projects mirror the layers: pure domain, store on real SQLite files, API over real transports,
// renderer components in jsdom, and end-to-end in Debian Chromium against the headless hub.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['test/unit/domain/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'store', include: ['test/unit/store/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'import',
          include: ['test/unit/import/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/unit/api/**/*.test.ts', 'test/unit/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['test/unit/renderer/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/unit/renderer/setup.ts'],
        },
      },
      {
        // A LAN hub and rep PCs as real processes on loopback (HTTPS with the hub's own CA), and Chromium as a rep.
        test: {
          name: 'lan',
          include: ['test/unit/lan/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
