// The add/edit form of one criterion: field picker, operator, operator-specific value inputs and points.
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { BEHAVIOUR_KINDS, type BehaviourKind } from '../../../../core/domain/lead';
import {
  CRITERION_OPERATORS,
  SCORABLE_FIELDS,
  SCORING_DIMENSIONS,
  type Criterion,
  type CriterionOperator,
  type ScoringDimension,
  type ScoringModel,
} from '../../../../core/domain/scoring/model';
import { useScoringTranslation } from './i18n-bundle';
import {
  changeCriterionOperator,
  findDraftProblems,
  problemsOfCriterion,
  withCriterion,
} from './model-draft';
import { describeField } from './describe-score';

const CUSTOM_OTHER = '__custom__';
const NUMERIC_FIELDS: ReadonlySet<string> = new Set(['companySize', 'costFen', 'bant.budget']);
const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  'bant.authority': ['decision_maker', 'influencer', 'user'],
  'bant.need': ['high', 'medium', 'low'],
  'bant.timeline': ['now', 'quarter', 'year', 'unknown'],
};
const FIELD_OPERATORS = CRITERION_OPERATORS.filter((op) => op !== 'event');

/** NumberInput's '' (cleared) becomes null; numbers stay. */
function toOptionalNumber(value: string | number): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function CriterionForm({
  initial,
  index,
  model,
  customKeys,
  serverProblems,
  isNew,
  onApply,
  onClose,
}: {
  initial: Criterion;
  /** Where the criterion sits (or will sit) in model.criteria, for validation paths. */
  index: number;
  model: ScoringModel;
  customKeys: readonly string[];
  /** Problems the server reported for this criterion, by its own field name. */
  serverProblems: ReadonlyMap<string, string>;
  isNew: boolean;
  onApply: (criterion: Criterion) => void;
  onClose: () => void;
}) {
  const { t } = useScoringTranslation();
  const [value, setValue] = useState<Criterion>(initial);
  const [isCustomOther, setCustomOther] = useState(
    initial.field.startsWith('custom.') && !customKeys.includes(initial.field.slice('custom.'.length)),
  );
  const [showProblems, setShowProblems] = useState(serverProblems.size > 0);

  const own = problemsOfCriterion(findDraftProblems(withCriterion(model, index, value)), index);
  const problemOf = (key: string): string | undefined => {
    const code = own.get(key) ?? serverProblems.get(key);
    if (!showProblems || code === undefined) return undefined;
    return t(`scoring.problems.${code}`, { defaultValue: code });
  };

  const isEvent = value.operator === 'event';
  const field = value.field;
  const enumValues = ENUM_VALUES[field];
  const isNumeric = NUMERIC_FIELDS.has(field);

  const fieldOptions = [
    {
      group: t('scoring.form.groupStandard'),
      items: SCORABLE_FIELDS.map((f) => ({ value: f, label: describeField(t, f) })),
    },
    {
      group: t('scoring.form.groupCustom'),
      items: [
        ...customKeys.map((key) => ({ value: `custom.${key}`, label: key })),
        { value: CUSTOM_OTHER, label: t('scoring.form.customOther') },
      ],
    },
  ];

  const update = (patch: Partial<Criterion>) =>
    setValue((current) => ({ ...current, ...patch }) as Criterion);

  function renderValueInput() {
    const error = problemOf('value');
    switch (value.operator) {
      case 'equals':
        if (enumValues) {
          return (
            <Select
              label={t('scoring.form.value')}
              data={enumValues.map((v) => ({ value: v, label: t(`scoring.bantValues.${v}`) }))}
              value={typeof value.value === 'string' ? value.value : null}
              onChange={(v) => update({ value: v ?? '' })}
              error={error}
              data-testid="criterion-value"
            />
          );
        }
        if (isNumeric) {
          return (
            <NumberInput
              label={t('scoring.form.value')}
              value={typeof value.value === 'number' ? value.value : ''}
              onChange={(v) => update({ value: toOptionalNumber(v) ?? '' })}
              error={error}
              thousandSeparator=","
              data-testid="criterion-value"
            />
          );
        }
        return (
          <TextInput
            label={t('scoring.form.value')}
            value={String(value.value ?? '')}
            onChange={(event) => update({ value: event.currentTarget.value })}
            error={error}
            data-testid="criterion-value"
          />
        );
      case 'contains':
        return (
          <TextInput
            label={t('scoring.form.value')}
            value={String(value.value ?? '')}
            onChange={(event) => update({ value: event.currentTarget.value })}
            error={error}
            data-testid="criterion-value"
          />
        );
      case 'in':
        if (enumValues) {
          return (
            <MultiSelect
              label={t('scoring.form.value')}
              data={enumValues.map((v) => ({ value: v, label: t(`scoring.bantValues.${v}`) }))}
              value={[...value.value]}
              onChange={(v) => update({ value: v })}
              error={error}
              data-testid="criterion-value"
            />
          );
        }
        return (
          <TagsInput
            label={t('scoring.form.values')}
            value={[...value.value]}
            onChange={(v) => update({ value: v })}
            error={error}
            clearable
            data-testid="criterion-value"
          />
        );
      case 'keywords':
        return (
          <TagsInput
            label={t('scoring.form.keywords')}
            value={[...value.value]}
            onChange={(v) => update({ value: v })}
            error={error}
            clearable
            splitChars={[',', '，', '、']}
            data-testid="criterion-value"
          />
        );
      case 'range':
        return (
          <Group grow align="flex-start">
            <NumberInput
              label={t('scoring.form.min')}
              placeholder={t('scoring.form.unbounded')}
              value={value.value.min ?? ''}
              onChange={(v) => update({ value: { ...value.value, min: toOptionalNumber(v) } })}
              error={error}
              thousandSeparator=","
              data-testid="criterion-min"
            />
            <NumberInput
              label={t('scoring.form.max')}
              placeholder={t('scoring.form.unbounded')}
              value={value.value.max ?? ''}
              onChange={(v) => update({ value: { ...value.value, max: toOptionalNumber(v) } })}
              error={error ? ' ' : undefined}
              thousandSeparator=","
              data-testid="criterion-max"
            />
          </Group>
        );
      case 'exists':
      case 'event':
        return null;
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={isNew ? t('scoring.form.addTitle') : t('scoring.form.editTitle')}
      size="lg"
      data-testid="criterion-form"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setShowProblems(true);
          if (own.size === 0) onApply(value);
        }}
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              label={t('scoring.form.label')}
              description={t('scoring.form.labelHint')}
              value={value.label ?? ''}
              onChange={(event) => update({ label: event.currentTarget.value })}
              data-autofocus
              data-testid="criterion-label"
            />
            <Select
              label={t('scoring.form.dimension')}
              description=" "
              data={SCORING_DIMENSIONS.map((d) => ({ value: d, label: t(`scoring.dimensions.${d}`) }))}
              value={value.dimension}
              onChange={(d) => d && update({ dimension: d as ScoringDimension })}
              allowDeselect={false}
              error={problemOf('dimension')}
            />
          </Group>
          <SegmentedControl
            aria-label={t('scoring.form.kind')}
            value={isEvent ? 'event' : 'field'}
            onChange={(kind) =>
              setValue(changeCriterionOperator(value, kind === 'event' ? 'event' : 'keywords'))
            }
            data={[
              { value: 'field', label: t('scoring.form.kindField') },
              { value: 'event', label: t('scoring.form.kindEvent') },
            ]}
          />
          {value.operator === 'event' ? (
            <>
              <Select
                label={t('scoring.form.eventKind')}
                data={BEHAVIOUR_KINDS.map((k) => ({ value: k, label: t(`scoring.events.${k}`) }))}
                value={value.value}
                onChange={(k) => k && update({ value: k as BehaviourKind })}
                allowDeselect={false}
                error={problemOf('value')}
                data-testid="criterion-event-kind"
              />
              <Group grow align="flex-start">
                <NumberInput
                  label={t('scoring.form.pointsPerEvent')}
                  value={Number.isFinite(value.points) ? value.points : ''}
                  onChange={(v) => update({ points: typeof v === 'number' ? v : Number.NaN })}
                  error={problemOf('points')}
                  data-testid="criterion-points"
                />
                <NumberInput
                  label={t('scoring.form.eventHalfLife')}
                  placeholder={t('scoring.form.eventHalfLifePlaceholder', { days: model.halfLifeDays })}
                  value={value.halfLifeDays ?? ''}
                  min={0}
                  onChange={(v) => update({ halfLifeDays: toOptionalNumber(v) })}
                  error={problemOf('halfLifeDays')}
                />
                <NumberInput
                  label={t('scoring.form.maxEvents')}
                  placeholder={t('scoring.form.maxEventsPlaceholder')}
                  value={value.maxEvents ?? ''}
                  min={1}
                  allowDecimal={false}
                  onChange={(v) => update({ maxEvents: toOptionalNumber(v) })}
                  error={problemOf('maxEvents')}
                />
              </Group>
            </>
          ) : (
            <>
              <Group grow align="flex-start">
                <Select
                  label={t('scoring.form.field')}
                  data={fieldOptions}
                  value={isCustomOther ? CUSTOM_OTHER : field}
                  onChange={(f) => {
                    if (!f) return;
                    if (f === CUSTOM_OTHER) {
                      setCustomOther(true);
                      update({ field: 'custom.' });
                    } else {
                      setCustomOther(false);
                      update({ field: f } as Partial<Criterion>);
                    }
                  }}
                  searchable
                  allowDeselect={false}
                  maxDropdownHeight={300}
                  error={isCustomOther ? undefined : problemOf('field')}
                  data-testid="criterion-field"
                />
                <Select
                  label={t('scoring.form.operator')}
                  data={FIELD_OPERATORS.map((op) => ({ value: op, label: t(`scoring.operators.${op}`) }))}
                  value={value.operator}
                  onChange={(op) => op && setValue(changeCriterionOperator(value, op as CriterionOperator))}
                  allowDeselect={false}
                  error={problemOf('operator')}
                  data-testid="criterion-operator"
                />
              </Group>
              {isCustomOther && (
                <TextInput
                  label={t('scoring.form.customKey')}
                  value={field.slice('custom.'.length)}
                  onChange={(event) =>
                    update({ field: `custom.${event.currentTarget.value}` } as Partial<Criterion>)
                  }
                  error={problemOf('field')}
                />
              )}
              {renderValueInput()}
              <NumberInput
                label={t('scoring.form.points')}
                description={t('scoring.form.pointsHint')}
                value={Number.isFinite(value.points) ? value.points : ''}
                onChange={(v) => update({ points: typeof v === 'number' ? v : Number.NaN })}
                error={problemOf('points')}
                w={200}
                data-testid="criterion-points"
              />
            </>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" data-testid="criterion-apply">
              {t('scoring.form.apply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
