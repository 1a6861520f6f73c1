// For the team lead: patterns that game distribution (claim-then-release churn, spikes of lost-marking, claims
// within seconds of a lead entering the pool), each flag with the leads behind it. Shown on the Team page.
import { Alert, Badge, Card, Group, List, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { GamingFlagView } from '../../../../core/api/distribution/lint-calls';
import { useClient } from '../../api/client-context';
import { formatDateTime } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import type { Language } from '../../i18n';
import { useRulesTranslation } from './bundle';

function flagTitle(t: TFunction, flag: GamingFlagView): string {
  switch (flag.kind) {
    case 'claim-churn':
      return t('gaming.churn', { name: flag.repName, count: flag.leads.length });
    case 'lost-spike':
      return t('gaming.lostSpike', {
        name: flag.repName,
        count: flag.leads.length,
        date: flag.date,
        usual: flag.usual,
      });
    case 'snipe':
      return t('gaming.snipe', { name: flag.repName, count: flag.leads.length });
    default:
      return '';
  }
}

function leadLines(t: TFunction, flag: GamingFlagView, language: Language): string[] {
  switch (flag.kind) {
    case 'claim-churn':
      return flag.leads.map((l) =>
        t('gaming.churnLead', {
          name: l.name,
          claimed: formatDateTime(l.claimedAt, language),
          left: formatDateTime(l.leftAt, language),
          how: t(`gaming.how.${l.how}`),
        }),
      );
    case 'lost-spike':
      return flag.leads.map((l) =>
        t('gaming.lostLead', { name: l.name, at: formatDateTime(l.at, language) }),
      );
    case 'snipe':
      return flag.leads.map((l) =>
        t('gaming.snipeLead', { name: l.name, at: formatDateTime(l.at, language), seconds: l.seconds }),
      );
    default:
      return [];
  }
}

export function GamingFlags() {
  const { t } = useRulesTranslation();
  const language = useLanguage();
  const client = useClient();
  const [days, setDays] = useState('14');
  const flags = useQuery({
    queryKey: ['distribution', 'gamingFlags', days],
    queryFn: () => client.call('distribution.gamingFlags', { days: Number(days) }),
  });
  return (
    <Card withBorder padding="md" data-testid="gaming-flags">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={4}>{t('gaming.title')}</Title>
            <Text size="sm" c="dimmed" maw={760}>
              {t('gaming.explain')}
            </Text>
          </div>
          <SegmentedControl
            value={days}
            onChange={setDays}
            data={['7', '14', '30'].map((d) => ({ value: d, label: t('gaming.days', { count: Number(d) }) }))}
          />
        </Group>
        {flags.isPending && <Loader size="sm" />}
        {flags.isError && <Alert color="red">{flags.error.message}</Alert>}
        {flags.data && flags.data.flags.length === 0 && (
          <Text size="sm" c="teal">
            {t('gaming.none')}
          </Text>
        )}
        {flags.data?.flags.map((flag, i) => (
          <Alert key={i} color="orange" variant="light" data-testid={`gaming-flag-${flag.kind}`}>
            <Group gap="xs" mb={4}>
              <Badge color="orange" variant="filled" size="sm">
                {t(`gaming.kind.${flag.kind}`)}
              </Badge>
              <Text size="sm" fw={600}>
                {flagTitle(t, flag)}
              </Text>
            </Group>
            <List size="sm" spacing={2}>
              {leadLines(t, flag, language).map((line, k) => (
                <List.Item key={k}>{line}</List.Item>
              ))}
            </List>
          </Alert>
        ))}
      </Stack>
    </Card>
  );
}
