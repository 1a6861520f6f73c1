// Targets that more than one benchmark holds an import to: the plain import of 100k rows is one promise, so the
// history benchmark's plain run answers to the same figure as the import benchmark's.

/** import_100k_s: a 100k-row import, upload to committed, in seconds. */
export const IMPORT_100K_TARGET_S = 5;
