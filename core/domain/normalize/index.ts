// Normalizers of lead contact data (phones, emails, company and person names): pure, dependency-free.
export { cleanText, collapseSpaces, foldWidth, stripControlChars } from './text';
export { formatPhone, normalizePhone } from './phone';
export type { PhoneInvalidReason, PhoneKind, PhoneResult } from './phone';
export { normalizeEmail } from './email';
export type { EmailInvalidReason, EmailResult } from './email';
export { companyKey, normalizeCompanyName } from './company';
export { nameKey, normalizePersonName } from './name';
