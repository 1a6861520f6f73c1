// The distribution rules in force, one plain sentence each, as every rep may read them (distribution.getRules).
import { Alert, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { CallOutput } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';
import { useReps } from '../../api/queries';
import { fieldLabel, useDistributionTranslation } from '../distribution/bundle';
import { useRulesTranslation } from '../rules/bundle';
import { useTransparencyTranslation } from './bundle';

type Rule = CallOutput<'distribution.getRules'>['rules'][number];
type Condition = Rule['conditions'][number];

function describeCondition(t: TFunction, dt: TFunction, c: Condition): string {
  const field = fieldLabel(dt, c.field);
  const not = c.negate === true ? dt('distribution.not') : '';
  switch (c.op) {
    case 'range':
      return t('transparency.rules.range', { field, not, min: c.min ?? '…', max: c.max ?? '…' });
    case 'exists':
      return t('transparency.rules.exists', { field, not });
    case 'in':
      return t('transparency.rules.condition', {
        field,
        not,
        op: dt('distribution.ops.in'),
        value: c.values.join(' / '),
      });
    default:
      return t('transparency.rules.condition', {
        field,
        not,
        op: dt(`distribution.ops.${c.op}`),
        value: c.value,
      });
  }
}

/** One rule as a sentence: when it applies, among whom, and how. */
export function describeRule(
  t: TFunction,
  dt: TFunction,
  rt: TFunction,
  rule: Rule,
  index: number,
  repName: (id: string) => string,
): string {
  const conditions = rule.conditions.map((c) => describeCondition(t, dt, c));
  const when =
    conditions.length === 0
      ? t('transparency.rules.always')
      : t('transparency.rules.when', { conditions: conditions.join(t('transparency.rules.and')) });
  const target = rule.target;
  const list = (values: readonly string[]) => values.join(dt('distribution.listSeparator'));
  const targetText =
    target.kind === 'reps'
      ? t('transparency.rules.targets.reps', { names: list(target.repIds.map(repName)) })
      : target.kind === 'tier'
        ? t('transparency.rules.targets.tier', { tiers: list(target.tiers) })
        : target.kind === 'skill'
          ? t('transparency.rules.targets.skill', { tags: list(target.tags) })
          : target.kind === 'region'
            ? t('transparency.rules.targets.region', { regions: list(target.regions) })
            : t(`transparency.rules.targets.${target.kind}`);
  const sentence = t('transparency.rules.sentence', {
    n: index + 1,
    name: rule.name,
    when,
    target: targetText,
    method: rt(`rulesEditor.methods.${rule.method}`),
  });
  return `${sentence}${rule.enabled ? '' : t('transparency.rules.disabled')}${
    rule.respectWorkingHours === true ? ` ${t('transparency.rules.workingHours')}` : ''
  }`;
}

export function RulesInWords() {
  const { t } = useTransparencyTranslation();
  const { t: dt } = useDistributionTranslation();
  const { t: rt } = useRulesTranslation();
  const client = useClient();
  const reps = useReps(true);
  const rules = useQuery({
    queryKey: ['distribution', 'rules'],
    queryFn: () => client.call('distribution.getRules', {}),
  });
  const names = new Map((reps.data ?? []).map((rep) => [rep.id as string, rep.name]));
  return (
    <Paper withBorder radius="md" p="md" data-testid="transparency-rules">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('transparency.rules.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('transparency.rules.hint')}{' '}
          {rules.data !== undefined &&
            (rules.data.version === 0
              ? t('transparency.rules.builtIn')
              : t('transparency.rules.version', { version: rules.data.version }))}
        </Text>
        {rules.error !== null ? (
          <Alert color="red">{t('transparency.loadFailed', { message: rules.error.message })}</Alert>
        ) : rules.data === undefined ? (
          <Loader size="sm" />
        ) : rules.data.rules.length === 0 ? (
          <Text size="sm">{t('transparency.rules.none')}</Text>
        ) : (
          <List type="ordered" spacing={4} size="sm">
            {rules.data.rules.map((rule, i) => (
              <List.Item key={rule.id} data-rule-id={rule.id}>
                {describeRule(t, dt, rt, rule, i, (id) => names.get(id) ?? id)}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
