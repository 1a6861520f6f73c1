// Masking contact data for reps who have not claimed a pool lead: enough to recognise (138****8000), not to call.

/** A phone as 138****8000: its first 3 and last 4 digits (a +86/0086 prefix dropped); short numbers show only ****. */
export function maskPhone(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  if (digits.length < 8) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** An email as z***@example.com: the first character of the local part and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** A WeChat id as w***: its first character only. */
export function maskWechat(wechat: string): string {
  return wechat.length === 0 ? '' : `${wechat.slice(0, 1)}***`;
}

/** The contact fields masked, by name; other keys are not contact data. */
export const MASKERS: Readonly<Record<string, (value: string) => string>> = {
  phone: maskPhone,
  email: maskEmail,
  wechat: maskWechat,
};
