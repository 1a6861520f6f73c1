// The lead fields a file's column can be mapped to on import: one list for the import modules, the API's mapping
// check and the import wizard's column menu.

/**
 * Lead fields a column can be mapped to. `cost` is parsed to integer fen, `budget` to integer yuan; `firstName` and
 * `lastName` only build `name` when no column is mapped to `name`.
 */
export const LEAD_FIELDS = [
  'name',
  // Given and family name columns, combined into the name in each language's order (姓 + 名, First Last).
  'firstName',
  'lastName',
  'phone',
  'email',
  'wechat',
  'company',
  'title',
  'industry',
  'region',
  'companySize',
  'product',
  'source',
  'campaign',
  'cost',
  'budget',
  'needs',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];
