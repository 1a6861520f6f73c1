// Overlapping keyword criteria on one field score once: "总经理" is a decision-maker, not also a "经理".

/** Every occurrence [start, end) of the keywords in `text`. */
function occurrences(text: string, keywords: readonly string[]): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  for (const k of keywords) {
    for (let at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1)) out.push([at, at + k.length]);
  }
  return out;
}

/**
 * Clears the hit of every keyword criterion whose matches all lie inside a longer match of another firing
 * keyword criterion on the same value: the longer, more specific keyword is the best match and the only one
 * that scores. Matches elsewhere in the value still count ("销售总监兼项目经理" is both). `keywords[i]` is
 * criterion i's normalised keywords, or null for other operators; `hits` is changed in place.
 */
export function dropOverlappedKeywordHits(
  norm: string,
  keywords: ReadonlyArray<readonly string[] | null>,
  hits: Uint8Array,
): void {
  const spans = keywords.map((list, i) => (list !== null && hits[i] === 1 ? occurrences(norm, list) : null));
  const firing = spans.flatMap((s, i) => (s === null ? [] : [i]));
  if (firing.length < 2) return;
  for (const i of firing) {
    const own = spans[i] ?? [];
    const isInsideLonger = ([start, end]: readonly [number, number]) =>
      firing.some(
        (j) => j !== i && (spans[j] ?? []).some(([s, e]) => s <= start && end <= e && e - s > end - start),
      );
    if (own.length > 0 && own.every(isInsideLonger)) hits[i] = 0;
  }
}
