import { describe, expect, it } from 'vitest';
import { DEMO_MOVE_TEXT } from '../../../../core/domain/demo/reasons';
import { generateDemoWorkspace } from '../../../../core/domain/demo/generate-demo-workspace';
import {
  explanationSummary,
  type SummaryToken,
} from '../../../../core/domain/distribution/explanation-summary';
import type { Explanation } from '../../../../core/domain/distribution/types';
import en from '../../../../renderer/src/features/distribution/i18n.en.json';
import zhCN from '../../../../renderer/src/features/distribution/i18n.zh-CN.json';

// Wednesday 2026-03-18 11:00 in China.
const NOW = Date.UTC(2026, 2, 18, 3, 0, 0);
const { reps, assignments } = generateDemoWorkspace({ seed: 20260318, now: NOW });
const auto = assignments.filter((entry) => entry.kind === 'auto');
const moves = assignments.filter((entry) => entry.kind !== 'auto');
const CJK = /[\u4e00-\u9fff]/;

function isEngineExplanation(value: unknown): value is Explanation {
  return typeof value === 'object' && value !== null && (value as { version?: unknown }).version === 1;
}

/** The bundle keys the assignment history (renderer describeTokens) looks up for one token. */
function bundleKeys(token: SummaryToken): string[] {
  const p = token.params;
  const tokenKey = `tokens.${token.key.replaceAll('.', '_')}`;
  switch (token.key) {
    case 'condition':
      return [tokenKey, `ops.${String(p['op'])}`];
    case 'affinity.skipped':
      return [tokenKey, `exclusions.${String(p['reason'])}`];
    case 'method.tier-ladder':
      return [tokenKey, `tiers.${String(p['wanted'])}`];
    case 'method.tier-ladder.fallback':
      return [tokenKey, `tiers.${String(p['wanted'])}`, `tiers.${String(p['used'])}`];
    case 'excluded':
      return [tokenKey, `exclusions.${String(p['code'])}`];
    case 'outcome.pool':
      return [tokenKey, `poolReasons.${String(p['reason'])}`];
    default:
      return [tokenKey];
  }
}

function lookUp(bundle: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => {
    if (typeof node !== 'object' || node === null) return undefined;
    return (node as Record<string, unknown>)[part];
  }, bundle);
}

describe('demo assignment history', () => {
  it('routes most leads automatically, with several of the engine’s methods', () => {
    expect(auto.length).toBeGreaterThan(400);
    const methods = new Set(auto.map((entry) => entry.method));
    for (const method of [
      'tier-ladder',
      'load-balanced',
      'skill-match',
      'weighted',
      'round-robin',
      'public-pool',
    ])
      expect(methods.has(method as never), method).toBe(true);
  });

  it('stores the engine’s own explanation with each automatic entry, and its English summary as the reason', () => {
    for (const entry of auto) {
      expect(isEngineExplanation(entry.explanation), entry.id).toBe(true);
      const explanation = entry.explanation as Explanation;
      expect(explanation.leadId).toBe(entry.leadId);
      expect(explanation.repId).toBe(entry.repId);
      expect(explanation.at).toBe(entry.at);
      expect(explanation.rule?.id).toBe(entry.ruleId);
      expect(entry.reason).toBe(explanationSummary(explanation).text);
    }
  });

  it('explains every automatic entry only with words both UI languages translate', () => {
    const bundles = { en, 'zh-CN': zhCN };
    const keys = new Set(
      auto.flatMap((entry) =>
        explanationSummary(entry.explanation as Explanation).tokens.flatMap(bundleKeys),
      ),
    );
    expect(keys.size).toBeGreaterThan(5);
    for (const [language, bundle] of Object.entries(bundles)) {
      for (const key of keys) {
        const text = lookUp(bundle, `distribution.${key}`);
        expect(typeof text === 'string' && text.length > 0, `${language}: distribution.${key}`).toBe(true);
      }
    }
  });

  it('re-routes a recycled lead through the engine, which leaves out the rep it was recycled from', () => {
    const rerouted = auto.filter((entry) => entry.fromRepId !== null);
    expect(rerouted.length).toBeGreaterThan(3);
    for (const entry of rerouted) {
      const explanation = entry.explanation as Explanation & { fromRepId?: string };
      expect(explanation.fromRepId).toBe(entry.fromRepId);
      const left = explanation.candidates.find((c) => c.repId === entry.fromRepId);
      expect(left?.exclusion?.code).toBe('recycled-from');
      expect(entry.repId).not.toBe(entry.fromRepId);
    }
  });

  it('gives each hand-made move (recycle, claim, reassignment) its reason in Chinese and in English', () => {
    const kinds = new Set(moves.map((entry) => entry.kind));
    expect([...kinds].sort()).toEqual(['claim', 'manual', 'recycle']);
    for (const entry of moves) {
      expect(isEngineExplanation(entry.explanation)).toBe(false);
      if (isEngineExplanation(entry.explanation)) continue;
      const { text, kind, fromRepId, toRepId } = entry.explanation;
      expect(kind).toBe(entry.kind);
      expect(fromRepId).toBe(entry.fromRepId);
      expect(toRepId).toBe(entry.repId);
      expect(text['zh-CN']).toMatch(CJK);
      expect(text.en).not.toMatch(CJK);
      expect(entry.reason).toBe(text.en);
    }
  });

  it('has a non-empty Chinese and English text for every move reason', () => {
    for (const [code, text] of Object.entries(DEMO_MOVE_TEXT)) {
      expect(text['zh-CN'].trim(), code).not.toBe('');
      expect(text.en.trim(), code).not.toBe('');
    }
  });

  it('hands key accounts only to senior reps', () => {
    const tierOf = new Map(reps.map((rep) => [rep.id as string, rep.tier]));
    const manual = moves.filter((entry) => entry.kind === 'manual');
    expect(manual.length).toBeGreaterThan(0);
    for (const entry of manual) expect(tierOf.get(entry.repId ?? '')).toBe('senior');
  });
});
