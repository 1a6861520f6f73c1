// The team lead's stage editor: rename any stage in both languages, add working stages, put them in order, hide or
// remove them. A stage that still has leads asks which shown working stage they move to before it can go.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FunnelSettings } from '../../../../core/api/funnel/schemas';
import type { WorkSettings } from '../../../../core/api/work/calls';
import type { CallInput } from '../../../../core/api/contract';
import {
  FIXED_STAGES,
  isBuiltInStage,
  isOpenStage,
  type CustomStage,
  type FunnelStage,
} from '../../../../core/domain/funnel';
import { useClient } from '../../api/client-context';
import { IconPlus, IconSortAsc, IconSortDesc, IconTrash } from '../../ui/icons';
import { labelColon } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useWorkTranslation } from './work-i18n';
import { useStageCounts, workKeys } from './work-queries';
import { StageLimitsHeader, StageLimitsInputs } from './wip/StageLimitsInputs';

interface StageRow {
  readonly key: FunnelStage;
  readonly zh: string;
  readonly en: string;
  readonly hidden: boolean;
  /** Kanban limits (wip/): most leads in the stage, per rep, days idle before a card rots. */
  readonly wipLimit?: number | null;
  readonly repWipLimit?: number | null;
  readonly rotDays?: number | null;
  /** A saved custom stage marked for removal: kept on screen so its leads can be given a new stage. */
  readonly isRemoved: boolean;
}

/** A key the server accepts for a custom stage (c_ and 10 base-36 characters); collisions are checked on add. */
function newStageKey(taken: ReadonlySet<string>): CustomStage {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(10));
    const key: CustomStage = `c_${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
    if (!taken.has(key)) return key;
  }
}

/** Working stages are the ones between raw and won/lost/nurture: the only ones that move, hide or go. */
function isWorking(key: FunnelStage): boolean {
  return key !== 'raw' && isOpenStage(key);
}

export function FunnelStagesEditor({ funnel, onClose }: { funnel: FunnelSettings; onClose: () => void }) {
  const { t } = useWorkTranslation();
  const language = useLanguage();
  const client = useClient();
  const queryClient = useQueryClient();
  const counts = useStageCounts();
  const [rows, setRows] = useState<StageRow[]>(() =>
    funnel.stages.map((stage) => ({ ...stage, isRemoved: false })),
  );
  const [targets, setTargets] = useState<Partial<Record<FunnelStage, FunnelStage>>>({});
  const [newName, setNewName] = useState('');
  const [after, setAfter] = useState<FunnelStage | null>(null);
  const saved = new Set<FunnelStage>(funnel.stages.map((stage) => stage.key));

  const nameOf = (row: StageRow) => (language === 'zh-CN' ? row.zh : row.en).trim() || row.key;
  const countOf = (key: FunnelStage) => counts.data?.counts[key] ?? 0;
  const isLeaving = (row: StageRow) => row.hidden || row.isRemoved;
  const destinations = rows.filter((row) => !isLeaving(row) && isOpenStage(row.key));
  const needsTarget = rows.filter((row) => isLeaving(row) && countOf(row.key) > 0);
  const targetOf = (row: StageRow): FunnelStage | null => {
    const target = targets[row.key];
    return target !== undefined && destinations.some((d) => d.key === target && d.key !== row.key)
      ? target
      : null;
  };
  const missingTargets = needsTarget.filter((row) => targetOf(row) === null);
  const hasBlankName = rows.some((row) => !row.isRemoved && (row.zh.trim() === '' || row.en.trim() === ''));
  const anchors = rows.filter((row) => !row.isRemoved && (row.key === 'raw' || isWorking(row.key)));
  const afterKey =
    after !== null && anchors.some((row) => row.key === after)
      ? after
      : (anchors[anchors.length - 1]?.key ?? 'raw');

  const save = useMutation({
    mutationFn: () => {
      const input: CallInput<'funnel.saveSettings'> = {
        ...funnel,
        stages: rows
          .filter((row) => !row.isRemoved)
          .map(({ key, zh, en, hidden, wipLimit, repWipLimit, rotDays }) => ({
            key,
            zh: zh.trim(),
            en: en.trim(),
            hidden,
            wipLimit: wipLimit ?? null,
            repWipLimit: repWipLimit ?? null,
            rotDays: rotDays ?? null,
          })),
        reassign: needsTarget.flatMap((row) => {
          const to = targetOf(row);
          return to === null ? [] : [{ from: row.key, to }];
        }),
      };
      return client.call('funnel.saveSettings', input);
    },
    onSuccess: (result) => {
      queryClient.setQueryData<WorkSettings>(workKeys.settings, (old) =>
        old === undefined ? old : { ...old, funnel: result.funnel },
      );
      void queryClient.invalidateQueries({ queryKey: workKeys.settings });
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
      notifications.show({
        color: 'teal',
        message:
          result.moved > 0 ? t('work.stages.savedMoved', { count: result.moved }) : t('work.stages.saved'),
      });
      onClose();
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  function update(key: FunnelStage, change: Partial<StageRow>): void {
    setRows((prev) => prev.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  function shift(index: number, by: -1 | 1): void {
    setRows((prev) => {
      const other = prev[index + by];
      const row = prev[index];
      if (!row || !other || !isWorking(other.key)) return prev;
      const next = [...prev];
      next[index] = other;
      next[index + by] = row;
      return next;
    });
  }

  function remove(row: StageRow): void {
    // A stage added in this session and never saved simply goes; a saved one waits for its leads' new stage.
    if (saved.has(row.key)) update(row.key, { isRemoved: true });
    else setRows((prev) => prev.filter((r) => r.key !== row.key));
  }

  function add(): void {
    const name = newName.trim();
    if (name === '') return;
    setRows((prev) => {
      const key = newStageKey(new Set(prev.map((row) => row.key)));
      const at = prev.findIndex((row) => row.key === afterKey) + 1;
      return [
        ...prev.slice(0, at),
        { key, zh: name, en: name, hidden: false, isRemoved: false },
        ...prev.slice(at),
      ];
    });
    setNewName('');
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('work.stages.intro')}
      </Text>
      <Table withTableBorder verticalSpacing={6} data-testid="stage-editor">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={72}>{t('work.stages.order')}</Table.Th>
            <Table.Th>{t('work.stages.zhName')}</Table.Th>
            <Table.Th>{t('work.stages.enName')}</Table.Th>
            <Table.Th w={210}>{t('work.stages.leads')}</Table.Th>
            <Table.Th w={64}>{t('work.stages.shown')}</Table.Th>
            <Table.Th w={190}>
              <StageLimitsHeader />
            </Table.Th>
            <Table.Th w={44} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => {
            const name = nameOf(row);
            const count = countOf(row.key);
            const working = isWorking(row.key);
            const isCustom = !isBuiltInStage(row.key);
            return (
              <Table.Tr key={row.key} data-testid={`stage-row-${row.key}`} data-stage-name={name}>
                <Table.Td>
                  {working && !row.isRemoved && (
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t('work.stages.moveUp', { stage: name })}
                        disabled={!isWorking(rows[index - 1]?.key ?? 'raw')}
                        onClick={() => shift(index, -1)}
                      >
                        <IconSortAsc size={14} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t('work.stages.moveDown', { stage: name })}
                        disabled={!isWorking(rows[index + 1]?.key ?? 'won')}
                        onClick={() => shift(index, 1)}
                      >
                        <IconSortDesc size={14} />
                      </ActionIcon>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={row.zh}
                    disabled={row.isRemoved}
                    error={!row.isRemoved && row.zh.trim() === ''}
                    aria-label={`${t('work.stages.zhName')}${labelColon(language)}${name}`}
                    onChange={(e) => update(row.key, { zh: e.currentTarget.value })}
                    maxLength={40}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={row.en}
                    disabled={row.isRemoved}
                    error={!row.isRemoved && row.en.trim() === ''}
                    aria-label={`${t('work.stages.enName')}${labelColon(language)}${name}`}
                    onChange={(e) => update(row.key, { en: e.currentTarget.value })}
                    maxLength={40}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" w={36} ta="right" data-testid={`stage-count-${row.key}`}>
                      {count}
                    </Text>
                    {isLeaving(row) && count > 0 && (
                      <Select
                        size="xs"
                        w={160}
                        placeholder={t('work.stages.chooseTarget', { count })}
                        aria-label={t('work.stages.moveLeadsTo', { stage: name })}
                        data={destinations
                          .filter((d) => d.key !== row.key)
                          .map((d) => ({ value: d.key, label: nameOf(d) }))}
                        value={targetOf(row)}
                        onChange={(value) =>
                          setTargets((prev) => {
                            const next = { ...prev };
                            if (value === null) delete next[row.key];
                            else next[row.key] = value as FunnelStage;
                            return next;
                          })
                        }
                        error={targetOf(row) === null}
                      />
                    )}
                    {isCustom && (
                      <Badge size="xs" variant="light" color={row.isRemoved ? 'red' : 'blue'} tt="none">
                        {t(row.isRemoved ? 'work.stages.removed' : 'work.stages.custom')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {!row.isRemoved && (
                    <Switch
                      size="sm"
                      checked={!row.hidden}
                      disabled={FIXED_STAGES.has(row.key)}
                      aria-label={t('work.stages.show', { stage: name })}
                      onChange={(e) => update(row.key, { hidden: !e.currentTarget.checked })}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  {isOpenStage(row.key) && (
                    <StageLimitsInputs
                      limits={row}
                      stageName={name}
                      disabled={row.isRemoved}
                      onChange={(limits) => update(row.key, limits)}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  {isCustom &&
                    (row.isRemoved ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => update(row.key, { isRemoved: false })}
                      >
                        {t('work.stages.restore')}
                      </Button>
                    ) : (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        aria-label={t('work.stages.remove', { stage: name })}
                        onClick={() => remove(row)}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    ))}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('work.stages.newName')}
          placeholder={t('work.stages.newNamePlaceholder')}
          value={newName}
          maxLength={40}
          onChange={(e) => setNewName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          w={220}
        />
        <Select
          label={t('work.stages.after')}
          data={anchors.map((row) => ({ value: row.key, label: nameOf(row) }))}
          value={afterKey}
          onChange={(value) => setAfter(value as FunnelStage | null)}
          allowDeselect={false}
          w={200}
        />
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={add}
          disabled={newName.trim() === ''}
        >
          {t('work.stages.add')}
        </Button>
      </Group>
      {missingTargets.map((row) => (
        <Alert key={row.key} color="orange" p="xs">
          {t('work.stages.needsTarget', { stage: nameOf(row), count: countOf(row.key) })}
        </Alert>
      ))}
      {hasBlankName && (
        <Alert color="red" p="xs">
          {t('work.stages.nameMissing')}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('work.stages.cancel')}
        </Button>
        <Button
          loading={save.isPending}
          disabled={missingTargets.length > 0 || hasBlankName || counts.isPending}
          onClick={() => save.mutate()}
          data-testid="save-stages"
        >
          {t('work.stages.save')}
        </Button>
      </Group>
    </Stack>
  );
}
