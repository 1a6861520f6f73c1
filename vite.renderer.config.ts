// Builds the React renderer once for both hosts: Electron loads it from file://, the hub serves it at /.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * React Refresh injects an inline preamble and Vite's client talks over a dev WebSocket; the production CSP
 * forbids inline scripts, so only the dev server relaxes it (shared/style.md, build facts).
 */
export function relaxCspForDevServer(): Plugin {
  return {
    name: 'fairlead-relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    },
  };
}

export const rendererConfig = {
  root: rendererRoot,
  base: './',
  plugins: [react(), relaxCspForDevServer()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir,
    emptyOutDir: true,
    // electron-vite leaves its renderer unminified unless told: both hosts ship the same minified bundle.
    minify: true,
    chunkSizeWarningLimit: 2_000,
  },
} satisfies UserConfig;

export default defineConfig(rendererConfig);
