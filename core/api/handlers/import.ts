// Handlers of one feature: Import, export, duplicates and backups (issue 3).

export const importHandlers = {};
