// Branded ids, so a rep id can never be passed where a lead id is expected.
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type LeadId = Brand<string, 'LeadId'>;
export type RepId = Brand<string, 'RepId'>;
export type AssignmentId = Brand<string, 'AssignmentId'>;
export type FollowUpId = Brand<string, 'FollowUpId'>;
export type ImportBatchId = Brand<string, 'ImportBatchId'>;

/** Makes new ids; passed in so tests and replays are deterministic. */
export type IdGenerator = (prefix: string) => string;

export const asLeadId = (value: string): LeadId => value as LeadId;
export const asRepId = (value: string): RepId => value as RepId;
