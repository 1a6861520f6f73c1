// A quick plausibility check for phone input in forms; full normalization lives in core/domain/normalize.
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

/** Digits (half- or full-width), spaces, + - ( ) . and an optional extension (转, ext, x); 5 to 20 digits. */
export function isPlausiblePhone(value: string): boolean {
  const folded = value.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^[+\d\s\-().]+((转|ext\.?|x)\s*\d{1,6})?$/i.test(folded.trim())) return false;
  const digits = folded.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 20;
}
