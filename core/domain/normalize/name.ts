// Person names: width folded, control characters gone, spaces collapsed; `nameKey` for matching.
import { cleanText } from './text';

/** The display form of a person's name. Idempotent; never longer than its input. */
export function normalizePersonName(raw: string): string {
  return cleanText(raw);
}

/** The matching key of a name: case and spaces ignored (`Zhang  Wei` and `zhangwei` match; `张 伟` and `张伟` match). */
export function nameKey(raw: string): string {
  return cleanText(raw)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•.]/g, '');
}
