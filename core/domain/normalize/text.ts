// Text folding shared by the normalizers: full-width to half-width, control characters out, spaces collapsed.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Folds full-width ASCII (U+FF01–U+FF5E) to its half-width form and the ideographic space to a plain space.
 * CJK characters are untouched, so `ＡＢＣ１２３ 公司` becomes `ABC123 公司`.
 */
export function foldWidth(text: string): string {
  // Fast path: most cells are plain ASCII or CJK with no full-width forms.
  if (!/[\uFF01-\uFF5E\u3000]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/** Removes C0 control characters (except tab, LF, CR), DEL and zero-width characters. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '').replace(ZERO_WIDTH, '');
}

/** Trims and collapses every run of white space (including newlines) to one plain space. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Anything cleanText would change: control or zero-width characters, full-width forms, or white space other than
// single inner spaces.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_CLEANING = /[\u0000-\u001F\u007F\u200B-\u200D\u2060\uFEFF\uFF01-\uFF5E\u3000]|[^\S ]| {2}|^ | $/;

/** Folds width, strips control characters and collapses spaces: the canonical form of a one-line text field. */
export function cleanText(text: string): string {
  // Fast path: most cells are already clean (imports normalize hundreds of thousands of them).
  if (!NEEDS_CLEANING.test(text)) return text;
  return collapseSpaces(stripControlChars(foldWidth(text)));
}
