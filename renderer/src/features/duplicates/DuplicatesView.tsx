// The Duplicates view: groups of existing leads that share a phone, email or company+name, each record with its
// owner, stage, created and last-updated dates, merged with a field-by-field choice over every mergeable field any
// of them has (the merge keeps every follow-up and the assignment history).
import { Alert, Badge, Button, Group, Paper, Radio, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DuplicateGroupView } from '../../../../core/api/duplicates/calls';
import { MERGEABLE_FIELDS } from '../../../../core/domain/mergeable-fields';
import type { Lead } from '../../../../core/domain/lead';
import { useClient } from '../../api/client-context';
import { useRepNames } from '../../api/queries';
import type { Language } from '../../i18n';
import { formatDate, formatDateTime, formatFen, formatList, formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useFunnelStages } from '../funnel/stage-labels';
import { useImportTranslation } from '../import/bundle';

/** The fields a merge chooses between, in the order the merge view shows them. */
const FIELDS = MERGEABLE_FIELDS;
type Field = (typeof FIELDS)[number];

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === 0;
}

function display(field: Field, value: unknown, language: Language): string {
  if (isEmpty(value)) return '';
  if (typeof value !== 'number') return String(value);
  return field === 'costFen' ? formatFen(value, language) : formatNumber(value, language);
}

/** Whose it is, where it stands and how old it is: what decides which record to keep. */
function RecordFacts({ lead }: { lead: Lead }) {
  const { t } = useImportTranslation();
  const language = useLanguage();
  const names = useRepNames();
  const stages = useFunnelStages();
  const owner =
    lead.ownerId === null ? t('import.dup.inPool') : (names.get(lead.ownerId) ?? t('import.dup.inPool'));
  return (
    <Stack gap={0} mt={4} data-testid="duplicate-record-facts">
      <Text size="xs" fw={500}>
        {t('import.dup.owner', { name: owner })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('import.dup.stage', { stage: stages.label(lead.stage) })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('import.dup.created', { date: formatDate(lead.createdAt, language) })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('import.dup.updated', { date: formatDateTime(lead.updatedAt, language) })}
      </Text>
    </Stack>
  );
}

/** Per field, the lead whose value is kept: the kept lead's, unless it is empty and another lead has one. */
function defaultChoices(leads: readonly Lead[], keepId: string): Record<Field, string> {
  const kept = leads.find((lead) => lead.id === keepId);
  const out = {} as Record<Field, string>;
  for (const field of FIELDS) {
    const fallback = leads.find((lead) => !isEmpty(lead[field]));
    out[field] = kept && !isEmpty(kept[field]) ? kept.id : (fallback?.id ?? keepId);
  }
  return out;
}

function GroupCard({ group }: { group: DuplicateGroupView }) {
  const { t } = useImportTranslation();
  const language = useLanguage();
  const client = useClient();
  const queryClient = useQueryClient();
  const first = group.leads[0]?.id ?? '';
  const [keepId, setKeepId] = useState(first);
  const [choices, setChoices] = useState(() => defaultChoices(group.leads, first));
  const merge = useMutation({
    mutationFn: () =>
      client.call('duplicates.merge', {
        keepId,
        mergeIds: group.leads.map((lead) => lead.id).filter((id) => id !== keepId),
        choices: Object.fromEntries(FIELDS.filter((f) => choices[f] !== keepId).map((f) => [f, choices[f]])),
      }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('import.dup.merged') });
      void queryClient.invalidateQueries();
    },
  });
  const fields = FIELDS.filter((field) => group.leads.some((lead) => !isEmpty(lead[field])));
  return (
    <Paper withBorder radius="md" p="md" data-testid="duplicate-group">
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          {t('import.dup.matchedBy', {
            by: formatList(
              group.by.map((kind) => t(`import.by.${kind}`)),
              language,
            ),
          })}
        </Text>
        <Button size="xs" onClick={() => merge.mutate()} loading={merge.isPending}>
          {t('import.dup.merge')}
        </Button>
      </Group>
      {merge.error && (
        <Alert color="red" mb="xs">
          {merge.error.message}
        </Alert>
      )}
      <ScrollArea>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.dup.field')}</Table.Th>
              {group.leads.map((lead) => (
                <Table.Th key={lead.id}>
                  <Radio
                    label={t('import.dup.keep')}
                    checked={keepId === lead.id}
                    onChange={() => {
                      setKeepId(lead.id);
                      setChoices(defaultChoices(group.leads, lead.id));
                    }}
                  />
                  <RecordFacts lead={lead} />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => (
              <Table.Tr key={field}>
                <Table.Td fw={600}>{t(`import.fields.${field}`)}</Table.Td>
                {group.leads.map((lead) => (
                  <Table.Td key={lead.id}>
                    <Radio
                      size="xs"
                      checked={choices[field] === lead.id}
                      onChange={() => setChoices({ ...choices, [field]: lead.id })}
                      label={display(field, lead[field], language) || t('import.dup.empty')}
                      aria-label={t('import.dup.fieldOf', {
                        field: t(`import.fields.${field}`),
                        name: lead.name,
                      })}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

export function DuplicatesView() {
  const { t } = useImportTranslation();
  const client = useClient();
  const groups = useQuery({
    queryKey: ['duplicates', 'groups'],
    queryFn: () => client.call('duplicates.groups', { limit: 100 }),
  });
  if (groups.isError) return <Alert color="red">{groups.error.message}</Alert>;
  if (groups.isPending) return null;
  if (groups.data.total === 0) return <Text c="dimmed">{t('import.dup.none')}</Text>;
  return (
    <Stack gap="md">
      <Badge variant="light" size="lg">
        {t('import.dup.groups', { count: groups.data.total })}
      </Badge>
      {groups.data.groups.map((group) => (
        <GroupCard key={group.leads.map((lead) => lead.id).join('|')} group={group} />
      ))}
    </Stack>
  );
}
