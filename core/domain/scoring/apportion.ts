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
  if (left === 0) return out;
  const remainder = (i: number): number => (exact[i] ?? 0) - (out[i] ?? 0);
  const order = exact.map((_, i) => i);
  order.sort((x, y) => remainder(y) - remainder(x) || x - y);
  // Only reachable when a caller clamps the total; take back from the smallest remainders so the sum still holds.
  if (left < 0) order.reverse();
  const step = left > 0 ? 1 : -1;
  for (let k = 0; left !== 0 && order.length > 0; k = (k + 1) % order.length) {
    const i = order[k] ?? 0;
    out[i] = (out[i] ?? 0) + step;
    left -= step;
  }
  return out;
}
