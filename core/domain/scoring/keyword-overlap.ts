// Overlapping keyword criteria on one field score once: "总经理" is a decision-maker, not also a "经理".

/** Every occurrence [start, end) of the keywords in `text`, as flat start/end pairs. */
function occurrences(text: string, keywords: readonly string[]): number[] {
  const out: number[] = [];
  for (const k of keywords) {
    for (let at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1)) out.push(at, at + k.length);
  }
  return out;
}

/** True when [start, end) lies inside a longer span of `spans` (flat start/end pairs). */
function isInsideLonger(start: number, end: number, spans: readonly number[]): boolean {
  for (let k = 0; k < spans.length; k += 2) {
    const s = spans[k] as number;
    const e = spans[k + 1] as number;
    if (s <= start && end <= e && e - s > end - start) return true;
  }
  return false;
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
  // Most values fire one keyword criterion or none: nothing can overlap, and nothing is searched or allocated.
  let firing = 0;
  for (let i = 0; i < keywords.length; i++) {
    const list = keywords[i];
    if (list !== null && list !== undefined && hits[i] === 1) firing += 1;
  }
  if (firing < 2) return;
  const spans: Array<number[] | null> = [];
  for (let i = 0; i < keywords.length; i++) {
    const list = keywords[i];
    spans.push(list !== null && list !== undefined && hits[i] === 1 ? occurrences(norm, list) : null);
  }
  const dropped: number[] = [];
  for (let i = 0; i < spans.length; i++) {
    const own = spans[i];
    if (own === null || own === undefined || own.length === 0) continue;
    let isAllInside = true;
    for (let k = 0; k < own.length && isAllInside; k += 2) {
      let isInside = false;
      for (let j = 0; j < spans.length && !isInside; j++) {
        const other = spans[j];
        if (j !== i && other !== null && other !== undefined)
          isInside = isInsideLonger(own[k] as number, own[k + 1] as number, other);
      }
      isAllInside = isInside;
    }
    if (isAllInside) dropped.push(i);
  }
  for (const i of dropped) hits[i] = 0;
}
