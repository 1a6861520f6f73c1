// The team lead's form for one pool: name and order, entry rules, who may claim, caps per tier with exemptions,
// cool-down, embargo, masking, locks and recycle rules per grade.
import {
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { PoolSettings } from '../../../../core/api/pool/schemas';
import {
  GRADE_KEYS,
  RECYCLE_KINDS,
  type GradeKey,
  type RecycleKind,
} from '../../../../core/domain/pool/types';
import { REP_TIERS } from '../../../../core/domain/rep';
import { useReps } from '../../api/queries';
import { usePoolsTranslation } from './bundle';
import { poolDisplayName } from './pool-name';

/** A number field where empty means null (no cap, or the team's setting). */
function OptionalNumber(props: {
  label: string;
  description?: string;
  value: number | null | undefined;
  onChange: (value: number | null) => void;
  testId?: string;
}) {
  return (
    <NumberInput
      label={props.label}
      description={props.description}
      value={props.value ?? ''}
      min={0}
      allowDecimal={false}
      onChange={(value) => props.onChange(typeof value === 'number' ? value : null)}
      data-testid={props.testId}
    />
  );
}

export function PoolForm({
  initial,
  isNew,
  onCancel,
  onSave,
  isSaving,
}: {
  initial: PoolSettings;
  isNew: boolean;
  onCancel: () => void;
  onSave: (settings: PoolSettings) => void;
  isSaving: boolean;
}) {
  const { t } = usePoolsTranslation();
  const reps = (useReps(false).data ?? []).map((rep) => ({ value: rep.id, label: rep.name }));
  const [form, setForm] = useState<PoolSettings>(initial);
  const set = <K extends keyof PoolSettings>(key: K, value: PoolSettings[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const ruleOf = (kind: RecycleKind) => form.recycle.rules.find((rule) => rule.kind === kind);
  const setRuleDays = (kind: RecycleKind, grade: GradeKey, days: number | null) => {
    const base = ruleOf(kind) ?? { kind, days: { A: null, B: null, C: null, D: null, ungraded: null } };
    const next = { ...base, days: { ...base.days, [grade]: days } };
    const rules = [...form.recycle.rules.filter((rule) => rule.kind !== kind), next].filter((rule) =>
      Object.values(rule.days).some((d) => d !== null),
    );
    set('recycle', { ...form.recycle, rules });
  };
  return (
    <Modal
      opened
      onClose={onCancel}
      size="xl"
      title={
        isNew
          ? t('pools.form.titleNew')
          : t('pools.form.titleEdit', { name: poolDisplayName(t, initial.name) })
      }
    >
      <Stack gap="sm" data-testid="pool-form">
        <Group grow>
          <TextInput
            label={t('pools.form.name')}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
          />
          <NumberInput
            label={t('pools.form.position')}
            value={form.position}
            min={0}
            allowDecimal={false}
            onChange={(value) => set('position', typeof value === 'number' ? value : 0)}
          />
        </Group>
        <Divider label={t('pools.form.entry')} labelPosition="left" />
        <Group grow align="flex-start">
          <TagsInput
            label={t('pools.form.regions')}
            value={[...form.entry.regions]}
            onChange={(regions) => set('entry', { ...form.entry, regions })}
          />
          <TagsInput
            label={t('pools.form.industries')}
            value={[...form.entry.industries]}
            onChange={(industries) => set('entry', { ...form.entry, industries })}
          />
        </Group>
        <Group grow align="flex-start">
          <MultiSelect
            label={t('pools.form.grades')}
            data={GRADE_KEYS.map((g) => ({
              value: g,
              label: g === 'ungraded' ? t('pools.form.ungraded') : g,
            }))}
            value={[...form.entry.grades]}
            onChange={(grades) => set('entry', { ...form.entry, grades: grades as GradeKey[] })}
          />
          <TagsInput
            label={t('pools.form.sources')}
            value={[...form.entry.sources]}
            onChange={(sources) => set('entry', { ...form.entry, sources })}
          />
        </Group>
        <Divider label={t('pools.form.access')} labelPosition="left" />
        <Checkbox
          label={t('pools.form.openToAll')}
          checked={form.isOpenToAll}
          onChange={(e) => set('isOpenToAll', e.currentTarget.checked)}
        />
        <Group grow align="flex-start">
          {!form.isOpenToAll && (
            <MultiSelect
              label={t('pools.form.members')}
              data={reps}
              value={[...form.memberRepIds]}
              onChange={(ids) => set('memberRepIds', ids)}
              searchable
            />
          )}
          <MultiSelect
            label={t('pools.form.admins')}
            data={reps}
            value={[...form.adminRepIds]}
            onChange={(ids) => set('adminRepIds', ids)}
            searchable
          />
        </Group>
        <Divider label={t('pools.form.caps')} labelPosition="left" />
        <Group grow align="flex-start">
          <OptionalNumber
            label={t('pools.form.claimDaily')}
            description={t('pools.form.claimDailyHint')}
            value={form.caps.claimDaily}
            onChange={(claimDaily) => set('caps', { ...form.caps, claimDaily })}
            testId="cap-claim-daily"
          />
          <OptionalNumber
            label={t('pools.form.holding')}
            value={form.caps.holding}
            onChange={(holding) => set('caps', { ...form.caps, holding })}
            testId="cap-holding"
          />
        </Group>
        <Text size="sm" fw={500}>
          {t('pools.form.tierCaps')}
        </Text>
        {REP_TIERS.map((tier) => (
          <Group key={tier} grow>
            <Text size="sm">{t(`pools.form.tier.${tier}`)}</Text>
            <OptionalNumber
              label={t('pools.form.claimDaily')}
              value={form.caps.byTier[tier]?.claimDaily}
              onChange={(claimDaily) => {
                const { claimDaily: _old, ...rest } = form.caps.byTier[tier] ?? {};
                const next = claimDaily === null ? rest : { ...rest, claimDaily };
                set('caps', { ...form.caps, byTier: { ...form.caps.byTier, [tier]: next } });
              }}
            />
            <OptionalNumber
              label={t('pools.form.holding')}
              value={form.caps.byTier[tier]?.holding}
              onChange={(holding) => {
                const { holding: _old, ...rest } = form.caps.byTier[tier] ?? {};
                const next = holding === null ? rest : { ...rest, holding };
                set('caps', { ...form.caps, byTier: { ...form.caps.byTier, [tier]: next } });
              }}
            />
          </Group>
        ))}
        <MultiSelect
          label={t('pools.form.exempt')}
          data={reps}
          value={[...form.caps.exemptRepIds]}
          onChange={(exemptRepIds) => set('caps', { ...form.caps, exemptRepIds })}
          searchable
        />
        <Divider label={t('pools.form.protect')} labelPosition="left" />
        <Group grow align="flex-start">
          <OptionalNumber
            label={t('pools.form.coolDown')}
            description={t('pools.form.coolDownHint')}
            value={form.coolDownDays}
            onChange={(coolDownDays) => set('coolDownDays', coolDownDays)}
          />
          <NumberInput
            label={t('pools.form.embargo')}
            value={form.embargoMinutes}
            min={0}
            allowDecimal={false}
            onChange={(value) => set('embargoMinutes', typeof value === 'number' ? value : 0)}
            data-testid="embargo-minutes"
          />
        </Group>
        <Checkbox
          label={t('pools.form.masks')}
          checked={form.masksContacts}
          onChange={(e) => set('masksContacts', e.currentTarget.checked)}
          data-testid="masks-contacts"
        />
        <Divider label={t('pools.form.locks')} labelPosition="left" />
        <Group grow>
          <NumberInput
            label={t('pools.form.maxLocks')}
            value={form.locks.maxPerRep}
            min={0}
            allowDecimal={false}
            onChange={(value) =>
              set('locks', { ...form.locks, maxPerRep: typeof value === 'number' ? value : 0 })
            }
          />
          <NumberInput
            label={t('pools.form.lockDays')}
            value={form.locks.days}
            min={1}
            allowDecimal={false}
            onChange={(value) => set('locks', { ...form.locks, days: typeof value === 'number' ? value : 1 })}
          />
        </Group>
        <Divider label={t('pools.form.recycle')} labelPosition="left" />
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {GRADE_KEYS.map((g) => (
                <Table.Th key={g}>{g === 'ungraded' ? t('pools.form.ungraded') : g}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {RECYCLE_KINDS.map((kind) => (
              <Table.Tr key={kind}>
                <Table.Td>{t(`pools.form.kinds.${kind}`)}</Table.Td>
                {GRADE_KEYS.map((grade) => (
                  <Table.Td key={grade}>
                    <NumberInput
                      aria-label={`${t(`pools.form.kinds.${kind}`)} ${grade}`}
                      value={ruleOf(kind)?.days[grade] ?? ''}
                      min={1}
                      allowDecimal={false}
                      w={80}
                      onChange={(value) => setRuleDays(kind, grade, typeof value === 'number' ? value : null)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group grow align="flex-end">
          <Checkbox
            label={t('pools.form.exemptOpportunity')}
            checked={form.recycle.exemptHasOpportunity}
            onChange={(e) =>
              set('recycle', { ...form.recycle, exemptHasOpportunity: e.currentTarget.checked })
            }
          />
          <Checkbox
            label={t('pools.form.exemptLocked')}
            checked={form.recycle.exemptLocked}
            onChange={(e) => set('recycle', { ...form.recycle, exemptLocked: e.currentTarget.checked })}
          />
          <NumberInput
            label={t('pools.form.warnHours')}
            value={form.recycle.warnHours}
            min={0}
            allowDecimal={false}
            onChange={(value) =>
              set('recycle', { ...form.recycle, warnHours: typeof value === 'number' ? value : 0 })
            }
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('pools.form.cancel')}
          </Button>
          <Button onClick={() => onSave(form)} loading={isSaving} data-testid="save-pool">
            {t('pools.form.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
