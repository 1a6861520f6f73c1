// The rule model editor: dimension weights and caps, grade thresholds and half-life, and the criteria list.
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import {
  SCORING_DIMENSIONS,
  type Criterion,
  type ScoringDimension,
  type ScoringModel,
} from '../../../../core/domain/scoring/model';
import { IconAlert, IconEdit, IconPlus, IconTrash } from '../../ui/icons';
import { CriterionForm } from './CriterionForm';
import { describeCondition } from './describe-score';
import { useScoringTranslation } from './i18n-bundle';
import {
  computeDimensionShares,
  createCriterion,
  problemsOfCriterion,
  withCriterion,
  withoutCriterion,
  type ProblemMap,
} from './model-draft';

type Problem = (path: string) => string | undefined;

function numberOrNaN(value: string | number): number {
  return typeof value === 'number' ? value : Number.NaN;
}

function shownNumber(value: number): number | string {
  return Number.isFinite(value) ? value : '';
}

function DimensionsCard({
  model,
  onChange,
  problemAt,
}: {
  model: ScoringModel;
  onChange: (model: ScoringModel) => void;
  problemAt: Problem;
}) {
  const { t } = useScoringTranslation();
  const shares = computeDimensionShares(model);
  const setDimension = (d: ScoringDimension, patch: Partial<ScoringModel['dimensions'][ScoringDimension]>) =>
    onChange({ ...model, dimensions: { ...model.dimensions, [d]: { ...model.dimensions[d], ...patch } } });
  return (
    <Card withBorder radius="md" padding="md">
      <Text fw={600}>{t('scoring.dimensions.title')}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('scoring.dimensions.hint')}
      </Text>
      <Stack gap="xs">
        {SCORING_DIMENSIONS.map((d) => (
          <Group key={d} gap="sm" align="flex-start" wrap="nowrap">
            <Stack gap={0} w={96} pt={6}>
              <Text size="sm" fw={600}>
                {t(`scoring.dimensions.${d}`)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('scoring.dimensions.share', { percent: shares[d] })}
              </Text>
            </Stack>
            <NumberInput
              aria-label={`${t(`scoring.dimensions.${d}`)} ${t('scoring.dimensions.weight')}`}
              leftSection={
                <Text size="xs" c="dimmed">
                  {t('scoring.dimensions.weight')}
                </Text>
              }
              leftSectionWidth={48}
              value={shownNumber(model.dimensions[d].weight)}
              onChange={(v) => setDimension(d, { weight: numberOrNaN(v) })}
              min={0}
              error={problemAt(`dimensions.${d}.weight`)}
              style={{ flex: 1 }}
              data-testid={`dimension-weight-${d}`}
            />
            <NumberInput
              aria-label={`${t(`scoring.dimensions.${d}`)} ${t('scoring.dimensions.cap')}`}
              leftSection={
                <Text size="xs" c="dimmed">
                  {t('scoring.dimensions.cap')}
                </Text>
              }
              leftSectionWidth={56}
              value={shownNumber(model.dimensions[d].cap)}
              onChange={(v) => setDimension(d, { cap: numberOrNaN(v) })}
              min={1}
              error={problemAt(`dimensions.${d}.cap`)}
              style={{ flex: 1 }}
              data-testid={`dimension-cap-${d}`}
            />
          </Group>
        ))}
        {problemAt('dimensions') && (
          <Text size="xs" c="red">
            {problemAt('dimensions')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function GradesCard({
  model,
  onChange,
  problemAt,
}: {
  model: ScoringModel;
  onChange: (model: ScoringModel) => void;
  problemAt: Problem;
}) {
  const { t } = useScoringTranslation();
  const setThreshold = (key: 'a' | 'b' | 'c', v: string | number) =>
    onChange({ ...model, thresholds: { ...model.thresholds, [key]: numberOrNaN(v) } });
  const orderProblem = problemAt('thresholds');
  return (
    <Card withBorder radius="md" padding="md">
      <Text fw={600} mb="sm">
        {t('scoring.grades.title')}
      </Text>
      <SimpleGrid cols={3} spacing="xs">
        {(['a', 'b', 'c'] as const).map((key) => (
          <NumberInput
            key={key}
            label={t(`scoring.grades.${key}`)}
            value={shownNumber(model.thresholds[key])}
            onChange={(v) => setThreshold(key, v)}
            min={0}
            max={100}
            allowDecimal={false}
            error={problemAt(`thresholds.${key}`) ?? (orderProblem ? ' ' : undefined)}
            data-testid={`threshold-${key}`}
          />
        ))}
      </SimpleGrid>
      <Text size="xs" c={orderProblem ? 'red' : 'dimmed'} mt={6}>
        {orderProblem ?? t('scoring.grades.d')}
      </Text>
      <NumberInput
        mt="sm"
        label={t('scoring.grades.halfLife')}
        description={t('scoring.grades.halfLifeHint')}
        value={shownNumber(model.halfLifeDays)}
        onChange={(v) => onChange({ ...model, halfLifeDays: numberOrNaN(v) })}
        min={1}
        error={problemAt('halfLifeDays')}
        w={220}
        data-testid="half-life"
      />
    </Card>
  );
}

function CriteriaCard({
  model,
  onChange,
  problems,
  customKeys,
}: {
  model: ScoringModel;
  onChange: (model: ScoringModel) => void;
  problems: ProblemMap;
  customKeys: readonly string[];
}) {
  const { t } = useScoringTranslation();
  const [tab, setTab] = useState<ScoringDimension>('fit');
  const [editing, setEditing] = useState<{ index: number; criterion: Criterion; isNew: boolean } | null>(
    null,
  );
  const indexed = model.criteria.map((criterion, index) => ({ criterion, index }));

  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={600}>{t('scoring.criteria.title')}</Text>
          <Text size="xs" c="dimmed">
            {t('scoring.criteria.count', { count: model.criteria.length })}
          </Text>
        </Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            setEditing({ index: model.criteria.length, criterion: createCriterion(model, tab), isNew: true })
          }
          data-testid="criterion-add"
        >
          {t('scoring.criteria.add')}
        </Button>
      </Group>
      <Tabs value={tab} onChange={(v) => v && setTab(v as ScoringDimension)}>
        <Tabs.List>
          {SCORING_DIMENSIONS.map((d) => {
            const count = indexed.filter((c) => c.criterion.dimension === d).length;
            const hasProblem = indexed.some(
              (c) => c.criterion.dimension === d && problemsOfCriterion(problems, c.index).size > 0,
            );
            return (
              <Tabs.Tab
                key={d}
                value={d}
                rightSection={
                  <Badge size="xs" variant="light" color={hasProblem ? 'red' : 'gray'} px={6}>
                    {count}
                  </Badge>
                }
              >
                {t(`scoring.dimensions.${d}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      {indexed.filter((c) => c.criterion.dimension === tab).length === 0 ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          {t('scoring.criteria.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing="xs" mt={4} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('scoring.criteria.name')}</Table.Th>
              <Table.Th w={120}>{t('scoring.criteria.points')}</Table.Th>
              <Table.Th w={76} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indexed
              .filter((c) => c.criterion.dimension === tab)
              .map(({ criterion, index }) => {
                const own = problemsOfCriterion(problems, index);
                const pointsCode = own.get('points');
                const otherProblem = [...own.entries()].find(([key]) => key !== 'points');
                const condition = describeCondition(t, criterion);
                const name = criterion.label?.trim() ? criterion.label : condition;
                return (
                  <Table.Tr key={`${criterion.id}-${index}`} data-criterion-id={criterion.id}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {otherProblem && (
                          <Tooltip
                            label={t(`scoring.problems.${otherProblem[1]}`, {
                              defaultValue: otherProblem[1],
                            })}
                          >
                            <Text c="red" component="span" lh={0}>
                              <IconAlert size={16} aria-label={t('scoring.criteria.hasProblem')} />
                            </Text>
                          </Tooltip>
                        )}
                        <div style={{ minWidth: 0 }}>
                          <Text size="sm" fw={500} className="fl-ellipsis">
                            {name}
                          </Text>
                          {name !== condition && (
                            <Text size="xs" c="dimmed" className="fl-ellipsis" title={condition}>
                              {condition}
                            </Text>
                          )}
                        </div>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        aria-label={`${name} ${t('scoring.criteria.points')}`}
                        value={shownNumber(criterion.points)}
                        onChange={(v) =>
                          onChange(withCriterion(model, index, { ...criterion, points: numberOrNaN(v) }))
                        }
                        rightSection={
                          criterion.operator === 'event' ? (
                            <Text size="xs" c="dimmed">
                              {t('scoring.criteria.perEvent')}
                            </Text>
                          ) : undefined
                        }
                        rightSectionWidth={criterion.operator === 'event' ? 40 : undefined}
                        error={
                          pointsCode
                            ? t(`scoring.problems.${pointsCode}`, { defaultValue: pointsCode })
                            : undefined
                        }
                        data-testid={`criterion-points-${criterion.id}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} wrap="nowrap" justify="flex-end">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('scoring.criteria.editNamed', { name })}
                          onClick={() => setEditing({ index, criterion, isNew: false })}
                          data-testid={`criterion-edit-${criterion.id}`}
                        >
                          <IconEdit />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('scoring.criteria.removeNamed', { name })}
                          onClick={() => onChange(withoutCriterion(model, index))}
                        >
                          <IconTrash />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <CriterionForm
          initial={editing.criterion}
          index={editing.index}
          isNew={editing.isNew}
          model={editing.isNew ? { ...model, criteria: [...model.criteria, editing.criterion] } : model}
          customKeys={customKeys}
          serverProblems={editing.isNew ? new Map() : problemsOfCriterion(problems, editing.index)}
          onApply={(criterion) => {
            onChange(withCriterion(model, editing.index, criterion));
            setTab(criterion.dimension);
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

/** The whole editor; `problems` are the draft's own plus any the server reported, by normalized path. */
export function ModelEditor({
  model,
  onChange,
  problems,
  customKeys,
}: {
  model: ScoringModel;
  onChange: (model: ScoringModel) => void;
  problems: ProblemMap;
  customKeys: readonly string[];
}) {
  const { t } = useScoringTranslation();
  const problemAt: Problem = (path) => {
    const code = problems.get(path);
    return code === undefined ? undefined : t(`scoring.problems.${code}`, { defaultValue: code });
  };
  return (
    <Stack gap="md">
      {/* Side by side only on wide screens: at 1280 px each field's label and arrows left no room for its number. */}
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <DimensionsCard model={model} onChange={onChange} problemAt={problemAt} />
        <GradesCard model={model} onChange={onChange} problemAt={problemAt} />
      </SimpleGrid>
      <CriteriaCard model={model} onChange={onChange} problems={problems} customKeys={customKeys} />
    </Stack>
  );
}
