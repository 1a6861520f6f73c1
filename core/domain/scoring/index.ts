// The scoring engine's public surface: rule scoring, explanations, previews and learned scoring.
export * from './model';
export { gradeForScore } from './grade';
export { apportionLargestRemainder } from './apportion';
export { compileFieldReader, isNumericField, normalizeText } from './fields';
export type { FieldValue } from './fields';
export * from './engine';
export * from './validate';
export * from './default-model';
export * from './preview';
export * from './features';
export * from './learned';
export * from './suggest';
export * from './synthetic-history';
