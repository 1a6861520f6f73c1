// Money as old CRMs export it (¥1,200.50, 1.2万, 3k元) to integer fen, for won amounts.
import { foldWidth } from '../normalize/text';
import type { DecimalStyle } from '../scoring/column-profile';

/** Commas that group thousands (`1,200`, `¥12,345.60`), as a decimal-point column may write them. */
export const THOUSANDS_COMMAS = /^[^,\d]*\d{1,3}(?:,\d{3})+(?:\.\d*)?[^,\d]*$/;

const MONEY = /^(?:rmb|cny|人民币|[¥$])?(\d+(?:\.\d+)?|\.\d+)(亿|万|w|千|k)?(?:元|块|rmb|cny)?$/i;
const SCALE_DIGITS: Readonly<Record<string, number>> = { 亿: 10, 万: 6, w: 6, 千: 5, k: 5 };

/**
 * Money text to integer fen: `¥1,200.50` → 120050, `1.2万` → 1200000, `3k元` → 300000; blank → null.
 * Negative, non-numeric or unsafe amounts → 'invalid'; `decimal` is the column's style (detectDecimalStyle). Rounds half up to the fen with decimal digits, not floats.
 * (Same rules as core/import's parseMoneyFen, which core/domain may not import.)
 */
export function parseAmountFen(raw: string, decimal: DecimalStyle = 'dot'): number | null | 'invalid' {
  let folded = foldWidth(raw);
  // A comma column writes `1.200,50`; in a dot column a comma only groups thousands (`85,5` is not 855).
  if (decimal === 'comma') folded = folded.replace(/[.\s]/g, '').replace(',', '.');
  else if (folded.includes(',') && !THOUSANDS_COMMAS.test(folded)) return 'invalid';
  const text = folded.replace(/[\s,_]/g, '').replace('￥', '¥');
  if (text === '') return null;
  const match = MONEY.exec(text);
  if (!match) return 'invalid';
  const [whole = '0', fraction = ''] = (match[1] ?? '').split('.');
  const scale = match[2] === undefined ? 2 : (SCALE_DIGITS[match[2].toLowerCase()] ?? 2);
  let fen = Number(`${whole}${fraction.padEnd(scale, '0').slice(0, scale)}`);
  if (fraction.length > scale && Number(fraction[scale]) >= 5) fen += 1;
  return Number.isSafeInteger(fen) ? fen : 'invalid';
}
