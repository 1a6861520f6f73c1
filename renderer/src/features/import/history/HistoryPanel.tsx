// The past-leads part of the import wizard: history columns, date-order questions, outcome and owner mappings and
// leak flags; every change re-analyses the file with the team lead's answers.
import {
  Alert,
  Anchor,
  Badge,
  Checkbox,
  Group,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { HistoryAnswers, ImportAnalysis, OwnerDecision } from '../../../../../core/api/import/schemas';
import { BUILT_IN_STAGES, type BuiltInStage } from '../../../../../core/domain/funnel';
import { HISTORY_ROLES } from '../../../../../core/domain/history/history-columns';
import type { HistoryRole } from '../../../../../core/domain/history/history-columns';
import { useReps } from '../../../api/queries';
import { labelColon } from '../../../ui/format';
import { useLanguage } from '../../../ui/use-language';
import { leakValues } from './leak-values';
import { UndatedQuestion } from './UndatedQuestion';
import { useFeatureTranslation, type FeatureBundles } from '../../jobs/i18n-bundles';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export const HISTORY_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };

export function useHistoryTranslation() {
  return useFeatureTranslation(HISTORY_BUNDLES);
}

function decisionValue(decision: OwnerDecision | undefined): string | null {
  if (!decision) return null;
  if ('repId' in decision) return `rep:${decision.repId}`;
  return 'create' in decision ? 'create' : 'none';
}

function decisionOf(value: string): OwnerDecision {
  if (value === 'create') return { create: true };
  if (value === 'none') return { none: true };
  return { repId: value.slice(4) };
}

export function HistoryPanel({
  analysis,
  answers,
  onAnswers,
}: {
  analysis: ImportAnalysis;
  answers: HistoryAnswers;
  onAnswers: (answers: HistoryAnswers) => void;
}) {
  const { t } = useHistoryTranslation();
  const language = useLanguage();
  const reps = useReps(true).data ?? [];
  const history = analysis.history;
  if (!history) return null;
  const stageOptions = BUILT_IN_STAGES.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }));
  const columnOptions = analysis.headers.map((header, index) => ({ value: String(index), label: header }));
  const setRole = (role: HistoryRole, value: string | null) => {
    const columns: Partial<Record<HistoryRole, number>> = { ...history.columns };
    if (value === null) delete columns[role];
    else columns[role] = Number(value);
    onAnswers({ ...answers, columns });
  };

  return (
    <Paper withBorder radius="md" p="lg" data-testid="history-panel">
      <Stack gap="md">
        {history.questions.length > 0 && (
          <Alert color="orange" data-testid="history-questions">
            <Text fw={600}>{t('importHistory.questions', { count: history.questions.length })}</Text>
          </Alert>
        )}

        <div>
          <Title order={4} mb="xs">
            {t('importHistory.columns')}
          </Title>
          <Group gap="sm">
            {HISTORY_ROLES.map((role) => (
              <Select
                key={role}
                size="xs"
                w={180}
                label={t(`importHistory.roles.${role}`)}
                placeholder={t('importHistory.noColumn')}
                value={history.columns[role] === undefined ? null : String(history.columns[role])}
                data={columnOptions}
                clearable
                onChange={(value) => setRole(role, value)}
              />
            ))}
          </Group>
        </div>

        {history.columns.createdAt === undefined && (
          <UndatedQuestion answers={answers} onAnswers={onAnswers} />
        )}

        {history.dates.length > 0 && (
          <div>
            <Title order={5} mb="xs">
              {t('importHistory.dates')}
            </Title>
            <Stack gap="xs">
              {history.dates.map((date) => (
                <Paper key={date.role} withBorder p="xs" bg={date.kind === 'ok' ? undefined : 'orange.0'}>
                  {date.kind === 'ok' && (
                    <Text size="sm">
                      {date.column}
                      {labelColon(language)}
                      {date.order
                        ? t('importHistory.dateOk', {
                            order: t(date.order === 'MDY' ? 'importHistory.mdy' : 'importHistory.dmy'),
                          })
                        : t('importHistory.dateOkSelf')}
                    </Text>
                  )}
                  {date.kind === 'invalid' && (
                    <Text size="sm" c="red">
                      {t('importHistory.dateInvalid', { column: date.column, count: date.invalidCount })}
                    </Text>
                  )}
                  {date.kind === 'ambiguous' && (
                    <Stack gap={4} data-testid={`history-date-${date.role}`}>
                      <Text size="sm" fw={600}>
                        {t('importHistory.dateAmbiguous', { column: date.column })}
                      </Text>
                      {date.examples.slice(0, 3).map((example) => (
                        <Text key={example.raw} size="xs" c="dimmed">
                          {t('importHistory.example', {
                            raw: example.raw,
                            mdy: example.asMDY,
                            dmy: example.asDMY,
                          })}
                        </Text>
                      ))}
                      <Select
                        size="xs"
                        w={200}
                        aria-label={date.column}
                        placeholder={t('importHistory.chooseOrder')}
                        value={answers.dateOrders?.[date.role] ?? null}
                        data={[
                          { value: 'MDY', label: t('importHistory.mdy') },
                          { value: 'DMY', label: t('importHistory.dmy') },
                        ]}
                        onChange={(value) =>
                          value &&
                          onAnswers({
                            ...answers,
                            dateOrders: { ...answers.dateOrders, [date.role]: value as 'MDY' | 'DMY' },
                          })
                        }
                      />
                    </Stack>
                  )}
                </Paper>
              ))}
            </Stack>
          </div>
        )}

        {history.outcomes.length > 0 && (
          <div>
            <Title order={5} mb="xs">
              {t('importHistory.outcomes')}
            </Title>
            <ScrollArea.Autosize mah={300}>
              <Table withTableBorder data-testid="history-outcomes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('importHistory.value')}</Table.Th>
                    <Table.Th>{t('importHistory.count')}</Table.Th>
                    <Table.Th>{t('importHistory.stage')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {history.outcomes.map((outcome) => {
                    const isUnmapped = history.unmappedOutcomes.includes(outcome.value);
                    const chosen = answers.outcomes?.[outcome.value];
                    const current = chosen === undefined ? outcome.guess : chosen;
                    return (
                      <Table.Tr key={outcome.key} bg={isUnmapped ? 'red.0' : undefined}>
                        <Table.Td fw={600}>{outcome.value === '' ? '（空）' : outcome.value}</Table.Td>
                        <Table.Td>{outcome.count}</Table.Td>
                        <Table.Td w={220}>
                          <Select
                            size="xs"
                            aria-label={outcome.value}
                            placeholder={t('importHistory.unmapped')}
                            error={isUnmapped}
                            value={current}
                            data={stageOptions}
                            clearable
                            onChange={(value) =>
                              onAnswers({
                                ...answers,
                                outcomes: {
                                  ...answers.outcomes,
                                  [outcome.value]: (value as BuiltInStage | null) ?? null,
                                },
                              })
                            }
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </div>
        )}

        {history.owners.length > 0 && (
          <div>
            <Title order={5} mb="xs">
              {t('importHistory.owners')}
            </Title>
            <ScrollArea.Autosize mah={300}>
              <Table withTableBorder data-testid="history-owners">
                <Table.Tbody>
                  {history.owners.map((owner) => {
                    const isUndecided = history.undecidedOwners.includes(owner.value);
                    const matchedName = reps.find((r) => r.id === owner.repId)?.name;
                    const options = [
                      {
                        value: 'create',
                        label: t('importHistory.createInactive', { name: owner.newRepName }),
                      },
                      { value: 'none', label: t('importHistory.noOwner') },
                      ...reps.map((rep) => ({
                        value: `rep:${rep.id}`,
                        label: t('importHistory.mapTo', { name: rep.name }),
                      })),
                    ];
                    return (
                      <Table.Tr key={owner.key} bg={isUndecided ? 'orange.0' : undefined}>
                        <Table.Td fw={600}>{owner.value === '' ? '（空）' : owner.value}</Table.Td>
                        <Table.Td>{owner.count}</Table.Td>
                        <Table.Td>
                          <Badge
                            variant="light"
                            color={
                              owner.status === 'matched'
                                ? 'teal'
                                : owner.status === 'suggested'
                                  ? 'blue'
                                  : 'orange'
                            }
                          >
                            {t(`importHistory.status.${owner.status}`)}
                          </Badge>{' '}
                          {matchedName ?? ''}
                        </Table.Td>
                        <Table.Td w={280}>
                          {owner.status !== 'empty' && owner.status !== 'matched' && (
                            <Select
                              size="xs"
                              aria-label={owner.value}
                              placeholder={t('importHistory.decision')}
                              error={isUndecided}
                              value={decisionValue(answers.owners?.[owner.value])}
                              data={options}
                              searchable
                              onChange={(value) => {
                                const owners = { ...answers.owners };
                                if (value) owners[owner.value] = decisionOf(value);
                                else delete owners[owner.value];
                                onAnswers({ ...answers, owners });
                              }}
                            />
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </div>
        )}

        {history.leaks.length > 0 && (
          <div data-testid="history-leaks">
            <Title order={5}>{t('importHistory.leaks')}</Title>
            <Text size="xs" c="dimmed" mb="xs">
              {t('importHistory.leakHint')}
            </Text>
            <Stack gap={6}>
              {history.leaks.map((flag) => (
                <Group key={`${flag.column}-${flag.reason}`} gap="sm" wrap="nowrap">
                  <Badge color="red" variant="light">
                    {flag.column}
                  </Badge>
                  <Text size="sm" style={{ flex: 1 }}>
                    {t(`importHistory.leakReasons.${flag.reason}`, leakValues(flag.evidence))}
                  </Text>
                  <Checkbox
                    size="xs"
                    label={t('importHistory.keepLeak')}
                    checked={answers.keepFields?.includes(flag.field) ?? false}
                    onChange={(event) => {
                      const keep = new Set(answers.keepFields ?? []);
                      if (event.currentTarget.checked) keep.add(flag.field);
                      else keep.delete(flag.field);
                      onAnswers({ ...answers, keepFields: [...keep] });
                    }}
                  />
                </Group>
              ))}
            </Stack>
          </div>
        )}

        {history.historyErrorRows > 0 && (
          <Text size="sm" c="red">
            {t('importHistory.historyErrors', { count: history.historyErrorRows })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Shown after a historical import: what to do with the history next. */
export function HistoryDoneNotice() {
  const { t } = useHistoryTranslation();
  return (
    <Alert color="blue" title={t('importHistory.doneTitle')} data-testid="history-done">
      <Stack gap={6}>
        <Text size="sm">{t('importHistory.doneBody')}</Text>
        <Group gap="md">
          <Anchor href="#/rules/scoring">{t('importHistory.train')}</Anchor>
          <Anchor href="#/rules/distribution">{t('importHistory.replay')}</Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}
