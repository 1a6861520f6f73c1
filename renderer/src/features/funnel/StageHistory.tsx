// A lead's stage moves and its running SLA clock, for the lead drawer.
import { Badge, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import type { FunnelStage } from '../../../../core/domain/funnel';
import { useRepNames } from '../../api/queries';
import { formatDateTime, labelColon } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { describeActor, describeStageNote } from './actor-label';
import { stageLabel } from './stage-labels';
import { useWorkTranslation } from './work-i18n';
import { useLeadWorkDetail, useWorkSettings } from './work-queries';

export function StageHistory({ leadId }: { leadId: string }) {
  const { t } = useWorkTranslation();
  const language = useLanguage();
  const detail = useLeadWorkDetail(leadId);
  const settings = useWorkSettings();
  const repNames = useRepNames();
  const label = (stage: FunnelStage) => stageLabel(settings.data?.funnel, stage, language, t);
  if (detail.isPending) return <Loader size="sm" />;
  if (!detail.data) return null;
  const { sla, stageHistory, nurtureWakeAt } = detail.data;
  return (
    <Stack gap="md">
      {sla && (
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {t(
              sla.trigger === 'first_contact'
                ? 'work.sla.firstContact'
                : sla.trigger === 'next_activity'
                  ? 'work.sla.nextActivity'
                  : 'work.sla.followUp',
            )}
          </Badge>
          {sla.remindAt !== null && (
            <Text size="xs" c={sla.isOverdue ? 'red' : 'dimmed'}>
              {t('work.sla.remindAt')}
              {labelColon(language)}
              {formatDateTime(sla.remindAt, language)}
            </Text>
          )}
          {sla.escalateAt !== null && (
            <Text size="xs" c="dimmed">
              {t('work.sla.escalateAt')}
              {labelColon(language)}
              {formatDateTime(sla.escalateAt, language)}
            </Text>
          )}
          {sla.recycleAt !== null && (
            <Text size="xs" c="dimmed">
              {t('work.sla.recycleAt')}
              {labelColon(language)}
              {formatDateTime(sla.recycleAt, language)}
            </Text>
          )}
        </Group>
      )}
      {nurtureWakeAt !== null && (
        <Text size="sm">
          {t('work.drawer.nurtureWake', { date: formatDateTime(nurtureWakeAt, language) })}
        </Text>
      )}
      {stageHistory.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('work.drawer.noStageHistory')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={stageHistory.length} data-testid="stage-history">
          {stageHistory.map((change) => (
            <Timeline.Item
              key={change.id}
              title={t('work.drawer.stageChange', { from: label(change.from), to: label(change.to) })}
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(change.at, language)} · {describeActor(change.actor, repNames, t)}
              </Text>
              {change.note && <Text size="sm">{describeStageNote(change.note, t)}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}

export function StageHistoryTabLabel() {
  const { t } = useWorkTranslation();
  return <>{t('work.drawer.stageHistory')}</>;
}
