// One rule in the ordered list: drag handle, name, on/off, conditions, target and method settings, its problems.
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import type {
  DistributionMethod,
  DistributionRule,
  MethodOptions,
  RuleProblem,
  RuleTarget,
} from '../../../../core/domain/distribution/types';
import { REP_TIERS, type Rep, type RepTier } from '../../../../core/domain/rep';
import { useRulesTranslation } from './bundle';
import { ConditionRow } from './ConditionRow';
import { defaultTarget, EDITABLE_METHODS } from './rule-draft';

const TARGET_KINDS: readonly RuleTarget['kind'][] = [
  'everyone',
  'territory',
  'tier',
  'skill',
  'region',
  'reps',
];

function TargetPicker({
  target,
  reps,
  onChange,
  testId,
}: {
  target: RuleTarget;
  reps: readonly Rep[];
  onChange: (next: RuleTarget) => void;
  testId: string;
}) {
  const { t } = useRulesTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <Select
        label={t('rulesEditor.target')}
        data={TARGET_KINDS.map((kind) => ({ value: kind, label: t(`rulesEditor.targets.${kind}`) }))}
        value={target.kind}
        onChange={(kind) => kind && onChange(defaultTarget(kind as RuleTarget['kind']))}
        w={170}
        data-testid={`${testId}-target`}
      />
      {target.kind === 'reps' && (
        <MultiSelect
          aria-label={t('rulesEditor.targets.reps')}
          data={reps.map((rep) => ({ value: rep.id as string, label: rep.name }))}
          value={[...target.repIds]}
          onChange={(repIds) => onChange({ kind: 'reps', repIds: repIds as Rep['id'][] })}
          searchable
          style={{ flex: 1 }}
        />
      )}
      {target.kind === 'tier' && (
        <MultiSelect
          aria-label={t('rulesEditor.targets.tier')}
          data={REP_TIERS.map((tier) => ({ value: tier, label: t(`distribution.tiers.${tier}`) }))}
          value={[...target.tiers]}
          onChange={(tiers) => onChange({ kind: 'tier', tiers: tiers as RepTier[] })}
          style={{ flex: 1 }}
        />
      )}
      {target.kind === 'skill' && (
        <TagsInput
          aria-label={t('rulesEditor.targets.skill')}
          value={[...target.tags]}
          onChange={(tags) => onChange({ kind: 'skill', tags })}
          style={{ flex: 1 }}
        />
      )}
      {target.kind === 'region' && (
        <TagsInput
          aria-label={t('rulesEditor.targets.region')}
          value={[...target.regions]}
          onChange={(regions) => onChange({ kind: 'region', regions })}
          style={{ flex: 1 }}
        />
      )}
    </Group>
  );
}

function MethodSettings({
  method,
  options,
  onChange,
}: {
  method: DistributionMethod;
  options: MethodOptions;
  onChange: (next: MethodOptions) => void;
}) {
  const { t } = useRulesTranslation();
  const int = (v: string | number) => (typeof v === 'number' ? v : undefined);
  switch (method) {
    case 'weighted':
      return (
        <Select
          label={t('rulesEditor.options.weightSource')}
          data={[
            { value: 'rep', label: t('rulesEditor.options.weightRep') },
            { value: 'conversion', label: t('rulesEditor.options.weightConversion') },
          ]}
          value={options.weightSource ?? 'rep'}
          onChange={(v) => onChange({ ...options, weightSource: v === 'conversion' ? 'conversion' : 'rep' })}
          w={200}
        />
      );
    case 'load-balanced':
      return (
        <NumberInput
          label={t('rulesEditor.options.defaultCapacity')}
          min={1}
          value={options.defaultCapacity ?? ''}
          onChange={(v) => onChange({ ...options, defaultCapacity: int(v) })}
          w={200}
        />
      );
    case 'skill-match':
      return (
        <Select
          label={t('rulesEditor.options.skillFallback')}
          data={[
            { value: 'target', label: t('rulesEditor.options.skillFallbackTarget') },
            { value: 'pool', label: t('rulesEditor.options.skillFallbackPool') },
          ]}
          value={options.skillFallback ?? 'target'}
          onChange={(v) => onChange({ ...options, skillFallback: v === 'pool' ? 'pool' : 'target' })}
          w={220}
        />
      );
    case 'team':
      return (
        <NumberInput
          label={t('rulesEditor.options.coOwnerCount')}
          min={0}
          max={10}
          value={options.coOwnerCount ?? 1}
          onChange={(v) => onChange({ ...options, coOwnerCount: int(v) })}
          w={200}
        />
      );
    case 'optimal':
      return (
        <NumberInput
          label={t('rulesEditor.options.fairnessTolerance')}
          min={0}
          max={1}
          step={0.05}
          decimalScale={2}
          value={options.fairnessTolerance ?? 0.2}
          onChange={(v) => onChange({ ...options, fairnessTolerance: typeof v === 'number' ? v : undefined })}
          w={200}
        />
      );
    case 'existing-customer':
      return (
        <Switch
          label={t('rulesEditor.options.ownerKeeps')}
          checked={options.ownerKeeps === true}
          onChange={(e) => onChange({ ...options, ownerKeeps: e.currentTarget.checked })}
        />
      );
    default:
      return null;
  }
}

export function RuleCard({
  rule,
  index,
  isLast,
  reps,
  problems,
  onChange,
  onRemove,
}: {
  rule: DistributionRule;
  index: number;
  isLast: boolean;
  reps: readonly Rep[];
  problems: readonly RuleProblem[];
  onChange: (next: DistributionRule) => void;
  onRemove: () => void;
}) {
  const { t } = useRulesTranslation();
  const { setNodeRef, transform, transition, attributes, listeners } = useSortable({
    id: rule.id,
  });
  const testId = `rule-${index}`;
  return (
    <Card
      ref={setNodeRef}
      withBorder
      padding="sm"
      style={{
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        transition,
      }}
      data-testid={testId}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('rulesEditor.drag')}
            {...attributes}
            {...listeners}
            style={{ cursor: 'grab' }}
          >
            ⋮⋮
          </ActionIcon>
          <Badge variant="light">{index + 1}</Badge>
          <TextInput
            aria-label={t('rulesEditor.name')}
            value={rule.name}
            onChange={(e) => onChange({ ...rule, name: e.currentTarget.value })}
            style={{ flex: 1 }}
            data-testid={`${testId}-name`}
          />
          {isLast && <Badge color="gray">{t('rulesEditor.fallback')}</Badge>}
          <Switch
            label={t('rulesEditor.enabled')}
            checked={rule.enabled}
            onChange={(e) => onChange({ ...rule, enabled: e.currentTarget.checked })}
          />
          {!isLast && (
            <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
              {t('rulesEditor.remove')}
            </Button>
          )}
        </Group>
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {rule.conditions.length === 0 ? t('rulesEditor.matchesAll') : t('rulesEditor.when')}
          </Text>
          {rule.conditions.map((condition, c) => (
            <ConditionRow
              key={c}
              condition={condition}
              testId={`${testId}-condition-${c}`}
              onChange={(next) =>
                onChange({ ...rule, conditions: rule.conditions.map((x, k) => (k === c ? next : x)) })
              }
              onRemove={() => onChange({ ...rule, conditions: rule.conditions.filter((_, k) => k !== c) })}
            />
          ))}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() =>
                onChange({
                  ...rule,
                  conditions: [...rule.conditions, { field: 'region', op: 'equals', value: '' }],
                })
              }
              data-testid={`${testId}-add-condition`}
            >
              {t('rulesEditor.addCondition')}
            </Button>
          </Group>
        </Stack>
        <Group gap="md" align="flex-end">
          <TargetPicker
            target={rule.target}
            reps={reps}
            onChange={(target) => onChange({ ...rule, target })}
            testId={testId}
          />
          <Select
            label={t('rulesEditor.method')}
            data={EDITABLE_METHODS.map((m) => ({ value: m, label: t(`rulesEditor.methods.${m}`) }))}
            value={rule.method}
            onChange={(method) => method && onChange({ ...rule, method: method as DistributionMethod })}
            w={170}
            data-testid={`${testId}-method`}
          />
          <MethodSettings
            method={rule.method}
            options={rule.options ?? {}}
            onChange={(options) => onChange({ ...rule, options })}
          />
          <Switch
            label={t('rulesEditor.respectHours')}
            checked={rule.respectWorkingHours === true}
            onChange={(e) => onChange({ ...rule, respectWorkingHours: e.currentTarget.checked })}
          />
        </Group>
        {problems.map((problem, i) => (
          <Text key={i} size="xs" c="red" data-testid="rule-problem">
            {problem.path}: {problem.message}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
