// The contract's shape matches the folder tree: a call `x.y` is declared by core/api/<x in kebab-case>/calls.ts
// (the map that file exports holds that very declaration), every namespace's calls.ts is assembled, and a name
// declared twice stops the contract from loading.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleNamespaces } from '../../../core/api/assemble-namespaces';
import { calls, CALL_NAMES } from '../../../core/api/contract';

const API_DIR = join(import.meta.dirname, '../../../core/api');

function kebab(namespace: string): string {
  return namespace.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Every object a namespace's calls.ts exports whose keys look like call names, merged. */
async function declaredIn(folder: string): Promise<Map<string, unknown>> {
  const module = (await import(join(API_DIR, folder, 'calls.ts'))) as Record<string, unknown>;
  const declared = new Map<string, unknown>();
  for (const value of Object.values(module)) {
    if (typeof value !== 'object' || value === null) continue;
    for (const [name, spec] of Object.entries(value)) {
      if (
        /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(name) &&
        typeof spec === 'object' &&
        spec &&
        'input' in spec
      ) {
        declared.set(name, spec);
      }
    }
  }
  return declared;
}

describe('the contract and the folder tree', () => {
  it('declares every call x.y in core/api/<x>/calls.ts', async () => {
    const misplaced: string[] = [];
    const byFolder = new Map<string, Map<string, unknown>>();
    for (const name of CALL_NAMES) {
      const folder = kebab(name.split('.')[0]!);
      if (!existsSync(join(API_DIR, folder, 'calls.ts'))) {
        misplaced.push(`${name}: no core/api/${folder}/calls.ts`);
        continue;
      }
      if (!byFolder.has(folder)) byFolder.set(folder, await declaredIn(folder));
      if (byFolder.get(folder)!.get(name) !== calls[name]) {
        misplaced.push(`${name}: not declared by core/api/${folder}/calls.ts`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('assembles every call each namespace folder declares', async () => {
    const folders = readdirSync(API_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(API_DIR, entry.name, 'calls.ts')))
      .map((entry) => entry.name);
    expect(folders.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const folder of folders) {
      for (const name of (await declaredIn(folder)).keys()) {
        if (!Object.hasOwn(calls, name))
          missing.push(`${folder}/calls.ts declares ${name}, the contract lacks it`);
        else if (kebab(name.split('.')[0]!) !== folder) missing.push(`${name} is declared in ${folder}/`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('refuses a call name declared twice', () => {
    const spec = calls['session.status'];
    expect(() => assembleNamespaces('call', { 'a.b': spec }, { 'a.c': spec }, { 'a.b': spec })).toThrow(
      'The call a.b is declared twice.',
    );
    expect(Object.keys(assembleNamespaces('call', { 'a.b': spec }, { 'a.c': spec }))).toEqual(['a.b', 'a.c']);
  });
});
