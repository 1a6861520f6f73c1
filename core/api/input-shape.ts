// Bounds on the shape of any input before its schema sees it: nesting depth, string length, no prototype keys.

export const MAX_INPUT_DEPTH = 32;
/** The longest string any input may hold; a call's own schema usually says far less. */
export const MAX_INPUT_STRING = 512 * 1024 * 1024;

export type ShapeProblem =
  | { readonly kind: 'tooDeep'; readonly maxDepth: number }
  | { readonly kind: 'tooLong'; readonly path: string };

/** Walks the value once; stops at the first problem. Iterative, so a hostile depth cannot blow the stack. */
export function findShapeProblem(value: unknown, maxString = MAX_INPUT_STRING): ShapeProblem | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (item.value.length > maxString) return { kind: 'tooLong', path: item.path };
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_INPUT_DEPTH) return { kind: 'tooDeep', maxDepth: MAX_INPUT_DEPTH };
    const entries = Array.isArray(item.value)
      ? item.value.map((child, index) => [String(index), child] as const)
      : Object.entries(item.value);
    for (const [key, child] of entries) {
      stack.push({ value: child, depth: item.depth + 1, path: item.path ? `${item.path}.${key}` : key });
    }
  }
  return null;
}
