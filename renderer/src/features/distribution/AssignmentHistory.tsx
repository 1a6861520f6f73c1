// A lead's assignment history in plain words: who got it, by which rule and why, manual moves with their reasons,
// and the appeals raised on it.
import { Alert, Badge, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import type { AssignmentView } from '../../../../core/api/distribution/calls';
import { useRepNames } from '../../api/queries';
import { formatDateTime } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { describeTokens, kindKey, releaseWords, useDistributionTranslation } from './bundle';
import { useDistributionEvents, useLeadDistributionHistory } from './distribution-queries';

/** A move's reason in the reader's language when it has one in words (a recycle, a demo move). */
function reasonIn(assignment: AssignmentView, language: string): string | null {
  return assignment.reasonText?.[language] ?? assignment.reason;
}

function AssignmentItemBody({ assignment }: { assignment: AssignmentView }) {
  const { t } = useDistributionTranslation();
  const language = useLanguage();
  const repNames = useRepNames();
  const reason = reasonIn(assignment, language);
  const name = (id: string | null) => (id ? (repNames.get(id) ?? id) : t('distribution.reassign.pool'));
  if (assignment.summary) {
    return (
      <Stack gap={2} mt={4} data-testid="assignment-explanation">
        {describeTokens(t, assignment.summary.tokens, (id) => repNames.get(id) ?? id).map((line, i) => (
          <Text key={i} size="sm" c={i === 0 ? undefined : 'dimmed'}>
            {line}
          </Text>
        ))}
      </Stack>
    );
  }
  // A rep's own release says who put it back and in their words, not "moved from … to the pool".
  if (assignment.releaseNote !== null)
    return (
      <Text size="sm" mt={4}>
        {releaseWords(t, name(assignment.fromRepId), assignment.releaseNote)}
      </Text>
    );
  return (
    <Stack gap={2} mt={4}>
      {assignment.fromRepId !== null || assignment.kind === 'manual' || assignment.kind === 'appeal' ? (
        <Text size="sm">
          {t('distribution.history.moved', { from: name(assignment.fromRepId), to: name(assignment.repId) })}
        </Text>
      ) : null}
      {reason && (
        <Text size="sm" c="dimmed">
          {t('distribution.history.reason', { reason })}
        </Text>
      )}
    </Stack>
  );
}

export function AssignmentHistory({ leadId }: { leadId: string }) {
  const { t } = useDistributionTranslation();
  const language = useLanguage();
  const repNames = useRepNames();
  const history = useLeadDistributionHistory(leadId);
  useDistributionEvents();
  if (history.isPending) return <Loader size="sm" />;
  if (history.isError) return <Alert color="red">{history.error.message}</Alert>;
  const { assignments, appeals } = history.data;
  return (
    <Stack gap="md" data-testid="assignment-history">
      {assignments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('distribution.history.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={assignments.length}>
          {[...assignments].reverse().map((assignment) => (
            <Timeline.Item
              key={assignment.id}
              title={
                assignment.repId
                  ? t('distribution.history.toRep', {
                      name: repNames.get(assignment.repId) ?? assignment.repId,
                    })
                  : t('distribution.history.toPool')
              }
            >
              <Group gap={6} mt={2}>
                <Badge size="xs" variant="light" color={assignment.kind === 'auto' ? 'indigo' : 'orange'}>
                  {t(kindKey(assignment))}
                </Badge>
                <Text size="xs" c="dimmed">
                  {formatDateTime(assignment.at, language)}
                </Text>
              </Group>
              <AssignmentItemBody assignment={assignment} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {appeals.length > 0 && (
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('distribution.history.appeals')}
          </Text>
          {appeals.map((appeal) => (
            <Stack key={appeal.id} gap={2} data-testid="lead-appeal">
              <Group gap={6}>
                <Badge
                  size="xs"
                  color={appeal.state === 'open' ? 'yellow' : appeal.state === 'accepted' ? 'teal' : 'gray'}
                >
                  {t(`distribution.appeal.states.${appeal.state}`)}
                </Badge>
                <Text size="sm">
                  {t('distribution.appeal.from', { rep: repNames.get(appeal.repId) ?? appeal.repId })}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {appeal.message}
              </Text>
              {appeal.reply && (
                <Text size="sm">{t('distribution.appeal.replyLabel', { reply: appeal.reply })}</Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
