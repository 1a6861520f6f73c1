// Handlers of one feature: Distribution rules, assignments, appeals and replay (issue 5).

export const distributionHandlers = {};
