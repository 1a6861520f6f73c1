// The rule linter on the Rules page, before saving: plain warnings naming the rules, leads and reps concerned,
// and the next 7 days' expected inflow against the team's daily caps (team lead only).
import { Alert, Badge, Card, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import type { LintReportView, LintWarningView } from '../../../../core/api/distribution/lint-calls';
import type { DistributionRule } from '../../../../core/domain/distribution/types';
import { useClient } from '../../api/client-context';
import { fieldLabel } from '../distribution/bundle';
import { useRulesTranslation } from './bundle';

type Day = { date: string; weekday: number };

function dayLabel(t: TFunction, day: Day): string {
  return t('lint.day', { weekday: t(`lint.weekdays.${day.weekday}`), date: day.date.slice(5) });
}

function listOf(t: TFunction, items: readonly string[], more = 0): string {
  const joined = items.join(t('lint.comma'));
  return more > 0 ? `${joined}${t('lint.more', { count: more })}` : joined;
}

function ruleName(t: TFunction, rule: { index: number; name: string }): string {
  return t('lint.rule', { name: rule.name, n: rule.index + 1 });
}

/** One warning as a plain sentence. */
export function describeWarning(t: TFunction, w: LintWarningView): string {
  switch (w.kind) {
    case 'shadowed':
      return t('lint.shadowed', { rule: ruleName(t, w.rule), by: ruleName(t, w.by) });
    case 'gap': {
      const profile = listOf(
        t,
        w.profile.map((f) =>
          t('lint.field', {
            field: fieldLabel(t, f.field),
            value: f.value === null ? t('lint.empty') : f.isOther ? t('lint.other') : String(f.value),
          }),
        ),
      );
      const leads = listOf(
        t,
        w.leads.map((l) => l.name),
        w.leadCount - w.leads.length,
      );
      const seen = w.leadCount > 0 ? t('lint.seen', { count: w.leadCount, leads }) : t('lint.notSeen');
      if (w.caughtBy === null) return t('lint.gap', { profile, seen });
      return t(w.caughtBy.method === 'manual' ? 'lint.gapManual' : 'lint.gapPool', {
        profile,
        seen,
        rule: ruleName(t, w.caughtBy),
      });
    }
    case 'empty-rep-set': {
      const region = w.region === null ? '' : t('lint.inRegion', { region: w.region });
      if (w.reps.length === 0) return t('lint.emptyTarget', { rule: ruleName(t, w.rule), region });
      const reps = listOf(
        t,
        w.reps.map((r) => t(`lint.why.${r.why}`, { name: r.name, until: r.until?.slice(5) ?? '' })),
      );
      const dates = listOf(
        t,
        w.dates.map((d) => d.slice(5)),
      );
      return t('lint.emptyRepSet', { rule: ruleName(t, w.rule), region, dates, reps });
    }
    case 'cap-breach': {
      const days = listOf(
        t,
        w.days.map((d) => t('lint.dayFigure', { day: dayLabel(t, d), expected: d.expected, cap: d.cap })),
      );
      if (w.scope === 'team') return t('lint.capTeam', { days });
      if (w.scope === 'rule' && w.rule !== null)
        return t('lint.capRule', {
          rule: ruleName(t, w.rule),
          days,
          reps: listOf(
            t,
            w.reps.map((r) => t('lint.repCap', { name: r.name, cap: r.cap })),
          ),
        });
      return t('lint.capRep', { name: w.reps[0]?.name ?? '', cap: w.reps[0]?.cap ?? 0, days });
    }
    default:
      return '';
  }
}

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

function Forecast({ report }: { report: LintReportView }) {
  const { t } = useRulesTranslation();
  return (
    <Table withTableBorder striped fz="sm" data-testid="lint-forecast">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('lint.forecast.day')}</Table.Th>
          <Table.Th ta="right">{t('lint.forecast.expected')}</Table.Th>
          <Table.Th ta="right">{t('lint.forecast.capacity')}</Table.Th>
          <Table.Th ta="right">{t('lint.forecast.reps')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.forecast.days.map((d) => {
          const over = d.capacity !== null && d.expected > d.capacity;
          return (
            <Table.Tr key={d.date}>
              <Table.Td>{dayLabel(t, d)}</Table.Td>
              <Table.Td ta="right">{d.expected}</Table.Td>
              <Table.Td ta="right">
                {d.capacity === null ? t('lint.forecast.noCap') : d.capacity}
                {over && (
                  <Badge ml={6} size="xs" color="orange">
                    {t('lint.forecast.over')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{d.availableReps}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function RuleLintPanel({ rules, isValid }: { rules: readonly DistributionRule[]; isValid: boolean }) {
  const { t } = useRulesTranslation();
  const client = useClient();
  const draft = useDebounced(JSON.stringify(rules), 400);
  const lint = useQuery({
    queryKey: ['distribution', 'lintRules', draft],
    queryFn: () => client.call('distribution.lintRules', { rules: JSON.parse(draft) as DistributionRule[] }),
    enabled: isValid,
    placeholderData: keepPreviousData,
  });
  return (
    <Card withBorder padding="md" data-testid="rule-lint">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('lint.title')}</Title>
          {lint.isFetching && <Loader size="xs" />}
        </Group>
        {!isValid && (
          <Text size="sm" c="dimmed">
            {t('lint.fixFirst')}
          </Text>
        )}
        {lint.isError && <Alert color="red">{lint.error.message}</Alert>}
        {isValid && lint.data && (
          <>
            {lint.data.warnings.length === 0 ? (
              <Text size="sm" c="teal" data-testid="lint-clear">
                {t('lint.clear')}
              </Text>
            ) : (
              <Alert
                color="yellow"
                variant="light"
                title={t('lint.count', { count: lint.data.warnings.length })}
              >
                <List size="sm" spacing={4}>
                  {lint.data.warnings.map((w, i) => (
                    <List.Item key={i} data-testid={`lint-warning-${w.kind}`}>
                      {describeWarning(t, w)}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Text size="sm" fw={500}>
              {t('lint.forecast.title', {
                days: lint.data.forecast.historyDays,
                count: lint.data.forecast.historyLeads,
              })}
            </Text>
            <Forecast report={lint.data} />
          </>
        )}
      </Stack>
    </Card>
  );
}
