// Who did something, in words: the stored actor ('team-lead', 'rep:<id>', 'scheduler', 'system') as a person's
// name or a translated system actor, never an id.
import type { TFunction } from 'i18next';

export function describeActor(actor: string, repNames: ReadonlyMap<string, string>, t: TFunction): string {
  if (actor === 'team-lead' || actor === 'lead') return t('work.actors.teamLead');
  if (actor === 'scheduler') return t('work.actors.scheduler');
  if (actor === 'system' || actor === '') return t('work.actors.system');
  if (actor.startsWith('rep:')) return repNames.get(actor.slice(4)) ?? t('work.actors.formerRep');
  return repNames.get(actor) ?? actor;
}

/** A stage change's note: the scheduler's fixed English notes translated, people's own words as written. */
export function describeStageNote(note: string, t: TFunction): string {
  return note === 'nurture wake-up' ? t('work.drawer.notes.nurtureWake') : note;
}
