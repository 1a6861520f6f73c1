// A follow-up: one logged contact with a lead (what was said, the reaction, the next step).
export const FOLLOW_UP_CHANNELS = ['call', 'wechat', 'visit', 'email', 'other'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];
