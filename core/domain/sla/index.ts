// The follow-up SLA engine: policy, business-time calendar, due actions and the stale list.
export * from './working-calendar';
export * from './sla-policy';
export * from './due-actions';
