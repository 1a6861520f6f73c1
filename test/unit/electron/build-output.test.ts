import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// These check what electron-vite built (`npm test` builds before it tests): the sandboxed preload and the CSP.
const preloadPath = 'out/preload/index.cjs';
const indexPath = 'out/renderer/index.html';

describe('the built desktop app', () => {
  it('has a preload that is one CommonJS file requiring nothing but electron', () => {
    expect(existsSync(preloadPath), `${preloadPath} is missing: run npm run build`).toBe(true);
    const code = readFileSync(preloadPath, 'utf8');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*import\s/m);
  });

  it('ships the renderer with a strict Content-Security-Policy and no remote content', () => {
    expect(existsSync(indexPath), `${indexPath} is missing: run npm run build`).toBe(true);
    const html = readFileSync(indexPath, 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
  });

  it('keeps better-sqlite3 external to the core bundle so its prebuilt binary loads in Electron', () => {
    const core = readFileSync('out/main/core-process.js', 'utf8');
    expect(core).toMatch(/from "better-sqlite3"|require\("better-sqlite3"\)/);
    expect(core).not.toMatch(/from "kysely"/);
  });

  it('builds each worker thread as a file of its own beside the core that starts it by path', () => {
    const workers = JSON.parse(readFileSync('core/worker-modules.json', 'utf8')) as Record<string, string>;
    const core = readFileSync('out/main/core-process.js', 'utf8');
    for (const name of Object.keys(workers)) {
      expect(existsSync(`out/main/${name}.js`), `out/main/${name}.js`).toBe(true);
      expect(core).toContain(`new URL("./${name}", import.meta.url)`);
    }
    expect(existsSync('out/main/chunks')).toBe(false);
  });
});
