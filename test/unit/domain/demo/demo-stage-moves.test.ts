// The demo's stage history: every lead away from raw got there move by move along the funnel, in time order, within
// its life, ending at its stage now (a closed lead at its close).
import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../../../core/domain/demo/generate-demo-workspace';
import { demoStagePath } from '../../../../core/domain/demo/stage-moves';

const NOW = Date.UTC(2026, 2, 18, 3, 0, 0);
const { leads, stageMoves } = generateDemoWorkspace({ seed: 20260318, now: NOW });

describe('demo stage history', () => {
  it('brings every lead from raw to its stage, one step at a time, within its life', () => {
    const movesOf = new Map<string, typeof stageMoves>();
    for (const move of stageMoves) movesOf.set(move.leadId, [...(movesOf.get(move.leadId) ?? []), move]);
    for (const lead of leads) {
      const moves = movesOf.get(lead.id) ?? [];
      if (lead.stage === 'raw') {
        expect(moves).toEqual([]);
        continue;
      }
      expect(moves[0]?.from, lead.id).toBe('raw');
      expect(moves.at(-1)?.to, lead.id).toBe(lead.stage);
      for (const [i, move] of moves.entries()) {
        if (i > 0) {
          expect(move.from).toBe(moves[i - 1]?.to);
          expect(move.at).toBeGreaterThanOrEqual(moves[i - 1]?.at ?? 0);
        }
        expect(move.at).toBeGreaterThanOrEqual(lead.createdAt);
        expect(move.at).toBeLessThanOrEqual(NOW);
        expect(move.actor).toBe(lead.ownerId === null ? 'team-lead' : `rep:${lead.ownerId}`);
      }
      if (lead.closedAt != null) expect(moves.at(-1)?.at).toBe(lead.closedAt);
    }
    expect(new Set(stageMoves.map((move) => move.id)).size).toBe(stageMoves.length);
  });

  it('takes a lost lead as far as its owner’s follow-ups took it', () => {
    expect(demoStagePath('lost', 0)).toEqual(['raw', 'lost']);
    expect(demoStagePath('lost', 2)).toEqual(['raw', 'mql', 'sql', 'lost']);
    expect(demoStagePath('lost', 9)).toEqual(['raw', 'mql', 'sql', 'opportunity', 'lost']);
    expect(demoStagePath('won', 0)).toEqual(['raw', 'mql', 'sql', 'opportunity', 'won']);
    expect(demoStagePath('nurture', 1)).toEqual(['raw', 'mql', 'nurture']);
  });
});
