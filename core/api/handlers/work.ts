// Handlers of one feature: Working the leads: funnel, queue, follow-ups, SLA, pool and notifications (issue 6).

export const workHandlers = {};
