// Appeals and how they ended: a rep sees their own (appeals.list answers a rep nothing else), the team lead sees
// all of them, read-only, with a link to where they are resolved (Rules → Distribution → Appeals).
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { AppealView } from '../../../../core/api/appeals/calls';
import { useRepNames } from '../../api/queries';
import { formatDateTime } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useDistributionTranslation } from '../distribution/bundle';
import { useActor, useAppeals, useDistributionEvents } from '../distribution/distribution-queries';
import { useTransparencyTranslation } from './bundle';

/** Where the team lead resolves appeals: the Rules page opens its Distribution tab on Appeals from this hash. */
export const RESOLVE_APPEALS_HASH = '#/rules/distribution/appeals';

const STATE_COLOR = { open: 'yellow', accepted: 'teal', rejected: 'gray' } as const;

function Outcome({ appeal }: { appeal: AppealView }) {
  const { t } = useTransparencyTranslation();
  const language = useLanguage();
  const repNames = useRepNames();
  if (appeal.state === 'open') return <Text size="sm">{t('transparency.appeals.waiting')}</Text>;
  const when = appeal.resolvedAt === null ? '' : formatDateTime(appeal.resolvedAt, language);
  return (
    <Stack gap={0}>
      <Text size="sm">
        {appeal.state === 'accepted'
          ? appeal.resolvedToRepId === null
            ? t('transparency.appeals.acceptedToPool', { when })
            : t('transparency.appeals.acceptedTo', {
                when,
                rep: repNames.get(appeal.resolvedToRepId) ?? appeal.resolvedToRepId,
              })
          : t('transparency.appeals.rejected', { when })}
      </Text>
      {appeal.reply !== null && (
        <Text size="sm" c="dimmed">
          {t('transparency.appeals.reply', { reply: appeal.reply })}
        </Text>
      )}
    </Stack>
  );
}

export function AppealOutcomes() {
  const { t } = useTransparencyTranslation();
  const { t: dt } = useDistributionTranslation();
  const language = useLanguage();
  const repNames = useRepNames();
  const actor = useActor();
  const appeals = useAppeals(undefined);
  useDistributionEvents();
  const isLead = actor?.role === 'lead';
  const rows = [...(appeals.data ?? [])].sort(
    (a, b) => Number(b.state === 'open') - Number(a.state === 'open') || b.createdAt - a.createdAt,
  );
  const openCount = rows.filter((appeal) => appeal.state === 'open').length;
  return (
    <Paper withBorder radius="md" p="md" data-testid="transparency-appeals">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={3} size="h4">
              {t(isLead ? 'transparency.appeals.titleAll' : 'transparency.appeals.titleMine')}
            </Title>
            <Text size="sm" c="dimmed">
              {t(isLead ? 'transparency.appeals.hintLead' : 'transparency.appeals.hintRep')}
            </Text>
          </div>
          {isLead && (
            <Button
              component="a"
              href={RESOLVE_APPEALS_HASH}
              variant={openCount > 0 ? 'filled' : 'light'}
              size="xs"
              data-testid="transparency-resolve-appeals"
            >
              {openCount > 0
                ? t('transparency.appeals.resolveOpen', { count: openCount })
                : t('transparency.appeals.resolve')}
            </Button>
          )}
        </Group>
        {appeals.error !== null ? (
          <Alert color="red">{t('transparency.loadFailed', { message: appeals.error.message })}</Alert>
        ) : appeals.data === undefined ? (
          <Loader size="sm" />
        ) : rows.length === 0 ? (
          <Text size="sm">
            {t(isLead ? 'transparency.appeals.noneAll' : 'transparency.appeals.noneMine')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing={6} data-testid="transparency-appeals-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('transparency.appeals.raised')}</Table.Th>
                  {isLead && <Table.Th>{t('transparency.appeals.rep')}</Table.Th>}
                  <Table.Th>{t('transparency.appeals.lead')}</Table.Th>
                  <Table.Th>{t('transparency.appeals.message')}</Table.Th>
                  <Table.Th>{t('transparency.appeals.state')}</Table.Th>
                  <Table.Th>{t('transparency.appeals.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((appeal) => (
                  <Table.Tr key={appeal.id} data-appeal-id={appeal.id} data-state={appeal.state}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(appeal.createdAt, language)}
                    </Table.Td>
                    {isLead && <Table.Td>{repNames.get(appeal.repId) ?? appeal.repId}</Table.Td>}
                    <Table.Td>{appeal.leadName || '—'}</Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm">{appeal.message}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={STATE_COLOR[appeal.state]}>
                        {dt(`distribution.appeal.states.${appeal.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Outcome appeal={appeal} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
