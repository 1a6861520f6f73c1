// What electron-builder.yml promises the packaged app: Electron fuses flipped, icons from resources/, asar.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The `key: value` lines nested one level under each top-level key of electron-builder.yml. Enough YAML for this
 * file's maps of scalars (lists and comments skipped); a value is the text after the colon, unquoted.
 */
function readNestedScalars(yaml: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const line of yaml.split('\n')) {
    const text = line.replace(/\s+#.*$/, '');
    const top = /^([\w-]+):\s*$/.exec(text);
    if (top?.[1]) sections.set(top[1], (current = new Map()));
    else if (/^\S/.test(text)) current = null;
    const nested = /^ {2}([\w-]+):\s*(\S.*)$/.exec(text);
    if (current && nested?.[1] && nested[2]) current.set(nested[1], nested[2].replace(/^['"]|['"]$/g, ''));
  }
  return sections;
}

const config = readNestedScalars(readFileSync('electron-builder.yml', 'utf8'));

describe('electron-builder.yml', () => {
  it('sets the Electron fuses the security checklist asks for', () => {
    expect(Object.fromEntries(config.get('electronFuses') ?? [])).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('gives each platform an icon that exists in resources/', () => {
    const icons = ['win', 'mac', 'linux'].map((platform) => config.get(platform)?.get('icon'));
    expect(icons).toEqual(['resources/icon.ico', 'resources/icon.icns', 'resources/icon.png']);
    for (const icon of icons) expect(existsSync(icon ?? ''), String(icon)).toBe(true);
  });

  it('packages the window icon the main process loads', () => {
    const yaml = readFileSync('electron-builder.yml', 'utf8');
    expect(yaml).toMatch(/^ {2}- resources\/icon\.png\b/m);
    expect(readFileSync('electron/main.ts', 'utf8')).toContain("'../../resources/icon.png'");
  });

  it('reads the fuses it was given, not a default (the parser sees a changed value)', () => {
    const changed = readNestedScalars('electronFuses:\n  runAsNode: true # comment\nwin:\n  icon: x.ico\n');
    expect(changed.get('electronFuses')?.get('runAsNode')).toBe('true');
    expect(changed.get('win')?.get('icon')).toBe('x.ico');
  });
});
