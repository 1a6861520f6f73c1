// One lead in a side drawer: its fields, assignment history and follow-ups; "Edit" turns it into the lead form. A rep
// logs follow-ups and edits only their own leads (the hub refuses the rest): on a pool lead they are offered the claim.
import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../core/api/leads/schemas';
import { useLeadDetail, useRepNames } from '../../api/queries';
import { formatDate, formatDateTime, formatFen, formatNumber, labelColon } from '../../ui/format';
import { GradeBadge } from '../../ui/GradeBadge';
import { useLanguage } from '../../ui/use-language';
import { AssignmentHistory } from '../distribution/AssignmentHistory';
import { useActor } from '../distribution/distribution-queries';
import { LeadDistributionActions } from '../distribution/LeadDistributionActions';
import { ScoreExplanation, ScoreExplanationTabLabel } from '../scoring/ScoreExplanation';
import { StaleMarker } from '../scoring/StaleMarker';
import { StageHistory, StageHistoryTabLabel } from '../funnel/StageHistory';
import { LogFollowUpButton } from '../queue/LogFollowUpButton';
import { useWorkTranslation } from '../funnel/work-i18n';
import { ContactActions } from './ContactActions';
import { LeadForm } from './LeadForm';
import { StageBadge } from './StageBadge';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" mb={2}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

function LeadDetails({ detail }: { detail: LeadDetail }) {
  const { t, i18n } = useTranslation();
  const { t: workT } = useWorkTranslation();
  const language = useLanguage();
  const repNames = useRepNames();
  const { lead } = detail;
  const none = t('common.none');
  const text = (value: string | null) => value ?? none;
  return (
    <Tabs defaultValue="details" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="details">{t('leadDrawer.details')}</Tabs.Tab>
        <Tabs.Tab value="score" data-testid="lead-score-tab">
          <ScoreExplanationTabLabel isStale={detail.explanation.isStale} />
        </Tabs.Tab>
        <Tabs.Tab value="history">
          {t('leadDrawer.history')} ({detail.assignments.length})
        </Tabs.Tab>
        <Tabs.Tab value="stages">
          <StageHistoryTabLabel />
        </Tabs.Tab>
        <Tabs.Tab value="followUps">
          {t('leadDrawer.followUps')} ({detail.followUps.length})
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="details">
        {lead.stage === 'won' && (
          <SimpleGrid cols={2} spacing="md" mb="md" data-testid="won-facts">
            <Field label={workT('work.drawer.wonAmount')}>
              {lead.wonAmountFen == null ? none : formatFen(lead.wonAmountFen, language)}
            </Field>
            <Field label={workT('work.drawer.closedAt')}>
              {lead.closedAt == null ? none : formatDate(lead.closedAt, language)}
            </Field>
          </SimpleGrid>
        )}
        {lead.stage === 'lost' && (
          <SimpleGrid cols={2} spacing="md" mb="md" data-testid="lost-facts">
            <Field label={workT('work.drawer.lostReason')}>{text(lead.lostReason ?? null)}</Field>
            <Field label={workT('work.drawer.lostAt')}>
              {lead.closedAt == null ? none : formatDate(lead.closedAt, language)}
            </Field>
          </SimpleGrid>
        )}
        <Stack gap={2} mb="md">
          <Text size="xs" c="dimmed">
            {workT('work.drawer.contact')}
          </Text>
          {lead.phone === null && lead.email === null && lead.wechat === null ? (
            <Text size="sm">{none}</Text>
          ) : (
            <ContactActions phone={lead.phone} email={lead.email} wechat={lead.wechat} size="sm" />
          )}
        </Stack>
        <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
          <Field label={t('leadForm.company')}>{text(lead.company)}</Field>
          <Field label={t('leadForm.title')}>{text(lead.title)}</Field>
          <Field label={t('leadForm.industry')}>{text(lead.industry)}</Field>
          <Field label={t('leadForm.region')}>{text(lead.region)}</Field>
          <Field label={t('leadForm.companySize')}>
            {lead.companySize === null ? none : formatNumber(lead.companySize, language)}
          </Field>
          <Field label={t('leadForm.product')}>{text(lead.product)}</Field>
          <Field label={t('leadForm.source')}>{text(lead.source)}</Field>
          <Field label={t('leadForm.campaign')}>{text(lead.campaign)}</Field>
          <Field label={t('leadDrawer.cost')}>{formatFen(lead.costFen, language)}</Field>
          <Field label={t('leadDrawer.createdAt')}>{formatDateTime(lead.createdAt, language)}</Field>
          <Field label={t('leadDrawer.updatedAt')}>{formatDateTime(lead.updatedAt, language)}</Field>
        </SimpleGrid>
        <Stack mt="md" gap={2}>
          <Field label={t('leadForm.needs')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{text(lead.needs)}</span>
          </Field>
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="score">
        <ScoreExplanation detail={detail} />
      </Tabs.Panel>
      <Tabs.Panel value="history">
        <AssignmentHistory leadId={lead.id} />
      </Tabs.Panel>
      <Tabs.Panel value="stages">
        <StageHistory leadId={lead.id} />
      </Tabs.Panel>
      <Tabs.Panel value="followUps">
        {detail.followUps.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('leadDrawer.noFollowUps')}
          </Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} active={detail.followUps.length}>
            {[...detail.followUps]
              .sort((a, b) => b.at - a.at)
              .map((followUp) => (
                <Timeline.Item
                  key={followUp.id}
                  title={
                    <Group gap={6}>
                      <Badge size="xs" variant="light">
                        {i18n.exists(`leadDrawer.channels.${followUp.channel}`)
                          ? t(`leadDrawer.channels.${followUp.channel}`)
                          : followUp.channel}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(followUp.at, language)}
                        {followUp.repId ? ` · ${repNames.get(followUp.repId) ?? ''}` : ''}
                      </Text>
                    </Group>
                  }
                >
                  <Text size="sm" mt={4}>
                    {followUp.said}
                  </Text>
                  {followUp.reaction && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {t('leadDrawer.reaction', { reaction: followUp.reaction })}
                    </Text>
                  )}
                  {followUp.nextStep && (
                    <Text size="xs" c="indigo" mt={2}>
                      {t('leadDrawer.nextStep', { step: followUp.nextStep })}
                      {followUp.nextAt ? ` · ${formatDateTime(followUp.nextAt, language)}` : ''}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
          </Timeline>
        )}
      </Tabs.Panel>
    </Tabs>
  );
}

export function LeadDrawer({ leadId, onClose }: { leadId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const repNames = useRepNames();
  const detail = useLeadDetail(leadId);
  const actor = useActor();
  const [editingId, setEditingId] = useState<string | null>(null);
  const isEditing = editingId !== null && editingId === leadId;
  const lead = detail.data?.lead;
  const isOwnWork = actor !== null && (actor.role !== 'rep' || lead?.ownerId === actor.repId);

  return (
    <Drawer
      opened={leadId !== null}
      onClose={() => {
        setEditingId(null);
        onClose();
      }}
      position="right"
      size="xl"
      title={
        lead ? (
          <Stack gap={4}>
            <Title order={2} size="h3">
              {lead.name || lead.company}
            </Title>
            <Group gap="xs">
              <StageBadge stage={lead.stage} />
              {lead.grade && <GradeBadge grade={lead.grade} />}
              {detail.data?.explanation.isStale && (
                <StaleMarker
                  scoredVersion={detail.data.scoreModelVersion}
                  currentVersion={detail.data.explanation.rule.modelVersion}
                />
              )}
              {lead.score !== null && (
                <Text size="sm" c="dimmed">
                  {t('leadDrawer.score')} {formatNumber(lead.score, language)}
                </Text>
              )}
              <Text size="sm" c="dimmed">
                {t('leadDrawer.owner')}
                {labelColon(language)}
                {lead.ownerId ? (repNames.get(lead.ownerId) ?? t('common.none')) : t('leads.publicPool')}
              </Text>
            </Group>
          </Stack>
        ) : (
          t('leadDrawer.title')
        )
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {detail.isPending && leadId !== null && (
        <Group justify="center" py="xl">
          <Loader size="sm" />
        </Group>
      )}
      {detail.isError && (
        <Alert color="red" title={t('common.errorTitle')}>
          {detail.error.message}
        </Alert>
      )}
      {detail.data && lead && !isEditing && (
        <Stack>
          <Group justify="flex-end">
            <LeadDistributionActions lead={lead} appeal={detail.data.appeal} />
            {isOwnWork && !lead.isHistory && <LogFollowUpButton lead={lead} />}
            {isOwnWork && (
              <Button variant="light" onClick={() => setEditingId(lead.id)}>
                {t('common.edit')}
              </Button>
            )}
          </Group>
          <LeadDetails detail={detail.data} />
        </Stack>
      )}
      {lead && isEditing && isOwnWork && (
        <LeadForm
          key={lead.id}
          lead={lead}
          onCancel={() => setEditingId(null)}
          onSaved={(saved) => {
            setEditingId(null);
            notifications.show({ color: 'teal', message: t('leads.updated', { name: saved.name }) });
          }}
        />
      )}
    </Drawer>
  );
}
