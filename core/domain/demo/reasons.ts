// Why the demo's hand-made moves happened (a recycle, a claim from the pool, a team lead's reassignment), in both
// UI languages; the engine's own decisions carry the engine's explanation instead, which the UI translates.
import { claimTexts } from '../distribution/step-texts';
import type { RepId } from '../ids';

export type DemoLanguage = 'zh-CN' | 'en';

export type DemoMoveKind = 'recycle' | 'claim' | 'manual';

export type DemoMoveCode = 'no-first-contact' | 'claimed' | 'key-account' | 'released';

/** Every demo move reason in every UI language; a test checks none is missing or empty. */
export const DEMO_MOVE_TEXT: Readonly<Record<DemoMoveCode, Readonly<Record<DemoLanguage, string>>>> = {
  'no-first-contact': {
    'zh-CN': '分配后 72 小时内未首次联系，回收至公海',
    en: 'No first contact within 72 hours of assignment: recycled to the public pool',
  },
  // A claim's words as a real claim without a recorded pool name gives them (step-texts.ts).
  claimed: claimTexts(null),
  'key-account': {
    'zh-CN': '重点客户，主管改派给资深销售',
    en: 'Key account: the team lead moved it to a senior rep',
  },
  released: {
    'zh-CN': '销售放回公海',
    en: 'Released to the public pool by the rep',
  },
};

export type DemoReleaseNote = Readonly<Record<DemoLanguage, string>>;

/**
 * What the demo's reps say when they hand a lead back to the pool (放回公海); stored as typed (in Chinese), read in
 * the English UI in English.
 */
export const DEMO_RELEASE_NOTES: readonly DemoReleaseNote[] = [
  { 'zh-CN': '客户已有合作供应商，今年不考虑', en: 'they have a supplier and will not look this year' },
  { 'zh-CN': '联系人已离职，新负责人未知', en: 'the contact has left; the new person is unknown' },
  { 'zh-CN': '不在我负责的区域', en: 'not in my territory' },
  { 'zh-CN': '预算要到明年才批', en: 'no budget until next year' },
];

/** What is stored as the explanation of a demo move: who from, who to, and why in each language. */
export interface DemoMoveExplanation {
  readonly kind: DemoMoveKind;
  readonly fromRepId: RepId | null;
  readonly toRepId: RepId | null;
  readonly code: DemoMoveCode;
  readonly text: Readonly<Record<DemoLanguage, string>>;
  /** A rep's release, as the app's own release records it (what tells the pool 负责人释放 from 回收). */
  readonly reason?: 'released';
  readonly note?: string;
}

export function explainDemoMove(
  kind: DemoMoveKind,
  code: DemoMoveCode,
  fromRepId: RepId | null,
  toRepId: RepId | null,
): DemoMoveExplanation {
  return { kind, fromRepId, toRepId, code, text: DEMO_MOVE_TEXT[code] };
}
