// One condition of a rule: field, operator, value(s).
import { ActionIcon, Autocomplete, Group, NumberInput, Select, TagsInput } from '@mantine/core';
import { CONDITION_FIELDS } from '../../../../core/domain/distribution/condition-types';
import type { Condition, ConditionOp } from '../../../../core/domain/distribution/condition-types';
import { GRADES } from '../../../../core/domain/funnel';
import { useTeamWords } from '../../api/queries';
import { fieldLabel } from '../distribution/bundle';
import { useRulesTranslation } from './bundle';
import { changeOperator } from './rule-draft';

const OPS: readonly ConditionOp[] = ['equals', 'in', 'contains', 'range', 'exists'];

export function ConditionRow({
  condition,
  onChange,
  onRemove,
  testId,
}: {
  condition: Condition;
  onChange: (next: Condition) => void;
  onRemove: () => void;
  testId: string;
}) {
  const { t } = useRulesTranslation();
  // A value is matched exactly: the team's own sources, industries and regions (and the grades) are offered, so a
  // rule for "转介绍" is not written "转接绍" and never match.
  const suggestions: Partial<Record<Condition['field'], readonly string[]>> = {
    grade: GRADES,
    ...useTeamWords(),
  };
  const offered = [...(suggestions[condition.field] ?? [])];
  const numeric = (v: string | number) => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap" data-testid={testId}>
      <Select
        aria-label={t('rulesEditor.field')}
        data={CONDITION_FIELDS.map((f) => ({ value: f, label: fieldLabel(t, f) }))}
        value={condition.field}
        onChange={(field) => field && onChange({ ...condition, field: field as Condition['field'] })}
        w={150}
        searchable
        data-testid={`${testId}-field`}
      />
      <Select
        aria-label={t('rulesEditor.operator')}
        data={OPS.map((op) => ({ value: op, label: t(`rulesEditor.ops.${op}`) }))}
        value={condition.op}
        onChange={(op) => op && onChange(changeOperator(condition, op as ConditionOp))}
        w={110}
        data-testid={`${testId}-op`}
      />
      {condition.op === 'equals' || condition.op === 'contains' ? (
        <Autocomplete
          aria-label={t('rulesEditor.value')}
          value={String(condition.value)}
          data={offered}
          limit={20}
          onChange={(value) => onChange({ ...condition, value })}
          style={{ flex: 1 }}
          data-testid={`${testId}-value`}
        />
      ) : null}
      {condition.op === 'in' ? (
        <TagsInput
          aria-label={t('rulesEditor.value')}
          value={condition.values.map(String)}
          data={offered}
          limit={20}
          onChange={(values) => onChange({ ...condition, values })}
          style={{ flex: 1 }}
          data-testid={`${testId}-values`}
        />
      ) : null}
      {condition.op === 'range' ? (
        <>
          <NumberInput
            aria-label={t('rulesEditor.min')}
            placeholder={t('rulesEditor.min')}
            value={condition.min ?? ''}
            onChange={(v) => onChange({ ...condition, min: numeric(v) })}
            w={90}
          />
          <NumberInput
            aria-label={t('rulesEditor.max')}
            placeholder={t('rulesEditor.max')}
            value={condition.max ?? ''}
            onChange={(v) => onChange({ ...condition, max: numeric(v) })}
            w={90}
          />
        </>
      ) : null}
      {condition.op === 'exists' ? <div style={{ flex: 1 }} /> : null}
      <ActionIcon
        variant="subtle"
        color="red"
        onClick={onRemove}
        aria-label={t('rulesEditor.removeCondition')}
      >
        ×
      </ActionIcon>
    </Group>
  );
}
