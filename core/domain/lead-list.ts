// What a lead table can be sorted by: shared by the API contract, the store and the UI.
export const LEAD_SORT_FIELDS = ['createdAt', 'updatedAt', 'score', 'name', 'company', 'stage'] as const;
export type LeadSortField = (typeof LEAD_SORT_FIELDS)[number];
