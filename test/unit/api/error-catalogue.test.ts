import { describe, expect, it } from 'vitest';
import { CALL_NAMES, calls } from '../../../core/api/contract';
import type { CallSpec } from '../../../core/api/contract-kit';
import { allErrorDefs, findErrorDef } from '../../../core/api/errors';

/** A message may quote a detail in its own language's form (nameZh beside name): those count as the same. */
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!.replace(/(Zh|En)$/, '')).sort();

describe('the refusal catalogue', () => {
  it('words every refusal in both languages with the same placeholders', () => {
    const defs = allErrorDefs();
    expect(defs.length).toBeGreaterThan(40);
    for (const def of defs) {
      expect(def.en.trim(), def.reason).not.toBe('');
      expect(def.zh.trim(), def.reason).not.toBe('');
      expect(/[\u4e00-\u9fff]/.test(def.zh), `${def.reason} zh is Chinese`).toBe(true);
      expect(placeholders(def.zh), def.reason).toEqual(placeholders(def.en));
    }
  });

  it('knows every refusal a call declares', () => {
    for (const name of CALL_NAMES) {
      for (const def of (calls[name] as CallSpec).errors) {
        expect(findErrorDef(def.reason), `${name} ${def.reason}`).toBe(def);
      }
    }
  });
});
