// 撞单 on entry, while typing: which live leads the contact matches and what saving will do, in plain words.
// Another rep's lead is only said to exist (its holder named only when the team allows it).
import { Alert, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useClient } from '../../api/client-context';
import { formatDate } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import type { Language } from '../../i18n';
import { useWorkTranslation } from '../funnel/work-i18n';

export interface EntryFields {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly company: string;
}

export interface EntryOutcomeView {
  readonly outcome: 'existing_customer' | 'protected' | 'kept' | 'distribute';
  readonly isYou: boolean;
  readonly ownerName: string | null;
  readonly protectedUntil: number | null;
}

/** The holder's name as the sentence needs it; a hidden holder reads as "the owner" / "that rep". */
function ownerParam(outcome: EntryOutcomeView, language: Language): string {
  if (outcome.ownerName !== null) return language === 'en' ? ` ${outcome.ownerName}` : outcome.ownerName;
  if (outcome.outcome === 'existing_customer') return '';
  return language === 'en' ? ' that rep' : '该销售';
}

/** What saving will do (or did), one sentence in the UI language. */
export function describeEntryOutcome(
  t: TFunction,
  outcome: EntryOutcomeView,
  language: Language,
  when: 'before' | 'after',
): string {
  const owner = ownerParam(outcome, language);
  const until = outcome.protectedUntil === null ? '' : formatDate(outcome.protectedUntil, language);
  if (when === 'after') return t(`work.entry.savedTo.${outcome.outcome}`, { owner });
  if (outcome.outcome === 'kept' && !outcome.isYou) return t('work.entry.keptOther', { owner: owner.trim() });
  return t(`work.entry.${outcome.outcome}`, { owner, until });
}

export function EntryCheck({ fields, excludeId }: { fields: EntryFields; excludeId?: string | undefined }) {
  const { t } = useWorkTranslation();
  const language = useLanguage();
  const client = useClient();
  const [debounced] = useDebouncedValue(fields, 300);
  const input = {
    ...(debounced.name.trim() ? { name: debounced.name.trim() } : {}),
    ...(debounced.phone.trim() ? { phone: debounced.phone.trim() } : {}),
    ...(debounced.email.trim() ? { email: debounced.email.trim() } : {}),
    ...(debounced.company.trim() ? { company: debounced.company.trim() } : {}),
    ...(excludeId === undefined ? {} : { excludeId }),
  };
  const hasKey = input.phone !== undefined || input.email !== undefined || input.company !== undefined;
  const check = useQuery({
    queryKey: ['leads', 'checkEntry', input],
    queryFn: () => client.call('leads.checkEntry', input),
    enabled: hasKey,
    staleTime: 5_000,
  });
  if (!hasKey || !check.data) return null;
  const { matches, outcome } = check.data;
  // Editing moves no owner: only the matches are worth saying then.
  if (matches.length === 0 && excludeId !== undefined) return null;
  const by = (kinds: readonly string[]) =>
    kinds.map((kind) => t(`work.entry.by.${kind}`)).join(language === 'en' ? ', ' : '、');
  return (
    <Alert
      color={matches.length > 0 ? 'orange' : 'teal'}
      variant="light"
      data-testid="entry-check"
      title={excludeId === undefined ? describeEntryOutcome(t, outcome, language, 'before') : undefined}
    >
      {matches.length > 0 && (
        <List size="sm" spacing={2}>
          {matches.map((match, i) => (
            <List.Item key={match.leadId ?? `other-${i}`}>
              <Text size="sm">
                {match.isOtherRepsLead
                  ? match.ownerName === null
                    ? t('work.entry.others', { by: by(match.by) })
                    : t('work.entry.othersNamed', { owner: match.ownerName, by: by(match.by) })
                  : match.isMine
                    ? t('work.entry.mine', { name: match.name ?? '' })
                    : t('work.entry.pool', { name: match.name ?? '' })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
