// Largest-remainder rounding: integer parts that add up exactly to a rounded integer total.

/**
 * Rounds each exact part to an integer so that the integers sum to `total`.
 * Each part is floored, then the parts with the largest fractional remainders get +1 until the sum is `total`;
 * ties go to the earlier part. When `total` is Math.round(Σ parts) each part moves by less than 1;
 * a clamped total is spread the same way. Invariant: the result always sums to `total` (when parts is non-empty).
 */
export function apportionLargestRemainder(exact: readonly number[], total: number): number[] {
  const out = new Array<number>(exact.length);
  let floorSum = 0;
  for (let i = 0; i < exact.length; i++) {
    const f = Math.floor(exact[i] ?? 0) || 0;
    out[i] = f;
    floorSum += f;
  }
  let left = total - floorSum;
  if (left === 0 || exact.length === 0) return out;
  const step = left > 0 ? 1 : -1;
  // Parts are few (one per fired criterion): a scan per unit beats sorting. `bumped` keeps each part to one step
  // per round; a clamped total can need more rounds.
  const bumped = new Uint8Array(exact.length);
  while (left !== 0) {
    let best = -1;
    let bestRemainder = 0;
    for (let i = 0; i < exact.length; i++) {
      if (bumped[i] === 1) continue;
      const remainder = (exact[i] ?? 0) - (out[i] ?? 0);
      if (best < 0 || (step > 0 ? remainder > bestRemainder : remainder < bestRemainder)) {
        best = i;
        bestRemainder = remainder;
      }
    }
    if (best < 0) {
      bumped.fill(0);
      continue;
    }
    bumped[best] = 1;
    out[best] = (out[best] ?? 0) + step;
    left -= step;
  }
  return out;
}
