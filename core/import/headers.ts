// The header row of a lead file: trimmed, blanks named, repeated headers kept apart rather than refused.
import { ImportFileError } from './types';

/**
 * Checks headers: trims them (BOM and runs of spaces too), names empty ones `列N`, drops trailing empty ones, and
 * names a header that repeats an earlier one (exactly, or but for case, width or spaces, as real Salesforce and
 * HubSpot exports do) apart with ` (2)`, ` (3)`… so both columns reach the mapping. Throws only for a header row
 * with no header at all.
 */
export function checkHeaders(raw: readonly string[]): string[] {
  const headers = raw.map((header, i) => {
    const trimmed = header
      .replace(/^\uFEFF/, '')
      .replace(/\s+/g, ' ')
      .trim();
    return trimmed === '' ? `列${i + 1}` : trimmed;
  });
  while (headers.length > 0 && raw[headers.length - 1]?.trim() === '') headers.pop();
  if (headers.length === 0) throw new ImportFileError('bad_header', 'The header row is empty');
  const seen = new Set<string>();
  const keyOf = (header: string) => header.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  return headers.map((header) => {
    let named = header;
    for (let n = 2; seen.has(keyOf(named)); n += 1) named = `${header} (${n})`;
    seen.add(keyOf(named));
    return named;
  });
}
