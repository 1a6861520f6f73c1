// The lead fields a merge of duplicates chooses between, field by field: one list for the domain, the contract
// and the merge view (kept apart from dedupe so the renderer does not load phone parsing for it).
export const MERGEABLE_FIELDS = [
  'name',
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
  'costFen',
  'needs',
] as const;
export type MergeableField = (typeof MERGEABLE_FIELDS)[number];
