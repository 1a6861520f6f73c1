// app://fairlead/ serves only the built renderer's files, each with the CSP header (a real temp folder).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, createAppProtocolHandler, resolveAppFile } from '../../../electron/app-protocol';
import { useTempDir } from '../../helpers/temp-dir';

const CSP = "default-src 'self'";

describe('the app:// protocol', () => {
  const tempDir = useTempDir();

  function rendererFolder(): string {
    const root = tempDir();
    const renderer = join(root, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Fairlead</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.sqlite'), 'not for the page');
    return renderer;
  }

  it('serves the index page and assets with their types and the CSP header', async () => {
    const handle = createAppProtocolHandler({ rootDir: rendererFolder(), contentSecurityPolicy: CSP });
    const page = await handle(new Request(APP_INDEX_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(await page.text()).toContain('<title>Fairlead</title>');
    const script = await handle(new Request('app://fairlead/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request('app://fairlead/'))).status).toBe(200);
  });

  it.each([
    'app://fairlead/../secret.sqlite',
    'app://fairlead/%2e%2e/secret.sqlite',
    'app://fairlead/assets/%2e%2e%2f%2e%2e%2fsecret.sqlite',
    'app://fairlead/..%5csecret.sqlite',
    'app://fairlead/index.html%00.js',
    'app://fairlead/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://fairlead/missing.js',
    'app://fairlead/assets',
  ])('answers 404 for %s', async (url) => {
    const handle = createAppProtocolHandler({ rootDir: rendererFolder(), contentSecurityPolicy: CSP });
    const response = await handle(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the page');
  });

  it('resolves only paths inside the renderer folder', () => {
    const root = rendererFolder();
    expect(resolveAppFile('app://fairlead/assets/app.js', root)).toBe(join(root, 'assets', 'app.js'));
    // The URL parser folds a plain `..` at the root, so it stays inside; an encoded one must be refused here.
    expect(resolveAppFile('app://fairlead/../secret.sqlite', root)).toBe(join(root, 'secret.sqlite'));
    expect(resolveAppFile('app://fairlead/%2e%2e%2fsecret.sqlite', root)).toBeNull();
    expect(resolveAppFile('not a url', root)).toBeNull();
  });

  it('refuses anything but GET', async () => {
    const handle = createAppProtocolHandler({ rootDir: rendererFolder(), contentSecurityPolicy: CSP });
    expect((await handle(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(404);
  });
});
