// Settings → the team's lead rules (team lead only): the lost-reason list, pool claim limits and cool-down, and the
// 撞单 (duplicate-on-entry) protection rules, each its own section with its own Save.
import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import type { FunnelSettings } from '../../../../core/api/funnel/schemas';
import { useClient } from '../../api/client-context';
import { IconPlus, IconTrash } from '../../ui/icons';
import { useWorkTranslation } from '../funnel/work-i18n';
import { useWorkSettings, workKeys } from '../funnel/work-queries';

const MAX_REASONS = 30;
const MAX_REASON_LENGTH = 60;

function Section({
  title,
  hint,
  testId,
  children,
}: {
  title: string;
  hint: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Stack gap="sm">
        <div>
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** Saves one change to the funnel settings on top of the ones stored now (stages and the rest untouched). */
function useSaveFunnelSettings() {
  const { t } = useWorkTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: Partial<FunnelSettings>) => {
      const current = (await client.call('work.settings', {})).funnel;
      return client.call('funnel.saveSettings', { ...current, ...change });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workKeys.settings });
      notifications.show({ color: 'teal', message: t('work.settings.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
}

/** Per row, what is wrong with it in the UI's words, or null. */
function checkReasons(reasons: readonly string[], t: TFunction): (string | null)[] {
  return reasons.map((reason, i) => {
    const trimmed = reason.trim();
    if (trimmed.length > MAX_REASON_LENGTH) return t('work.settings.reasonTooLong');
    if (trimmed && reasons.findIndex((other) => other.trim() === trimmed) < i) {
      return t('work.settings.reasonDuplicate', { reason: trimmed });
    }
    return null;
  });
}

function LostReasonsSection({ initial }: { initial: readonly string[] }) {
  const { t } = useWorkTranslation();
  const [reasons, setReasons] = useState<string[]>([...initial]);
  const save = useSaveFunnelSettings();
  const problems = checkReasons(reasons, t);
  const kept = reasons.map((r) => r.trim()).filter(Boolean);
  const isEmpty = kept.length === 0;
  return (
    <Section
      title={t('work.settings.lostReasons')}
      hint={t('work.settings.lostReasonsHint')}
      testId="lost-reasons"
    >
      {reasons.map((reason, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            flex={1}
            maw={360}
            aria-label={`${t('work.settings.lostReason')} ${i + 1}`}
            placeholder={t('work.settings.newReason')}
            value={reason}
            error={problems[i]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setReasons((prev) => prev.map((r, j) => (j === i ? value : r)));
            }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={6}
            aria-label={t('work.settings.removeReason', { reason: reason.trim() || i + 1 })}
            onClick={() => setReasons((prev) => prev.filter((_, j) => j !== i))}
          >
            <IconTrash />
          </ActionIcon>
        </Group>
      ))}
      {isEmpty && (
        <Text size="sm" c="red" data-testid="lost-reasons-needed">
          {t('work.settings.reasonsNeeded')}
        </Text>
      )}
      <Group justify="space-between">
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} />}
          disabled={reasons.length >= MAX_REASONS}
          onClick={() => setReasons((prev) => [...prev, ''])}
        >
          {t('work.settings.addReason')}
        </Button>
        <Button
          loading={save.isPending}
          disabled={isEmpty || problems.some((p) => p !== null)}
          onClick={() => save.mutate({ lostReasons: kept })}
        >
          {t('work.settings.save')}
        </Button>
      </Group>
    </Section>
  );
}

function PoolClaimSection({ settings }: { settings: FunnelSettings }) {
  const { t } = useWorkTranslation();
  const [limit, setLimit] = useState(settings.claimDailyLimit);
  const [cooldown, setCooldown] = useState(settings.claimCooldownDays);
  const save = useSaveFunnelSettings();
  return (
    <Section title={t('work.settings.poolTitle')} hint={t('work.settings.poolHint')} testId="pool-claims">
      <Group align="flex-start">
        <NumberInput
          w={260}
          label={t('work.settings.claimDailyLimit')}
          description={t('work.settings.claimDailyLimitHint')}
          min={0}
          max={1000}
          allowDecimal={false}
          value={limit}
          onChange={(v) => setLimit(typeof v === 'number' ? v : 0)}
        />
        <NumberInput
          w={320}
          label={t('work.settings.claimCooldownDays')}
          description={t('work.settings.claimCooldownDaysHint')}
          min={0}
          max={365}
          allowDecimal={false}
          value={cooldown}
          onChange={(v) => setCooldown(typeof v === 'number' ? v : 0)}
        />
      </Group>
      <Group justify="flex-end">
        <Button
          loading={save.isPending}
          onClick={() => save.mutate({ claimDailyLimit: limit, claimCooldownDays: cooldown })}
        >
          {t('work.settings.save')}
        </Button>
      </Group>
    </Section>
  );
}

function EntryRulesSection() {
  const { t } = useWorkTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: ['entry-rules'], queryFn: () => client.call('leads.entryRules', {}) });
  const [edit, setEdit] = useState<{ protectionDays: number; showOwnerName: boolean } | null>(null);
  const save = useMutation({
    mutationFn: (input: { protectionDays: number; showOwnerName: boolean }) =>
      client.call('leads.saveEntryRules', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(['entry-rules'], saved);
      setEdit(null);
      notifications.show({ color: 'teal', message: t('work.settings.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const shown = edit ?? rules.data;
  if (!shown) return null;
  return (
    <Section title={t('work.settings.entryTitle')} hint={t('work.settings.entryHint')} testId="entry-rules">
      <NumberInput
        w={260}
        label={t('work.settings.protectionDays')}
        description={t('work.settings.protectionDaysHint')}
        min={0}
        max={365}
        allowDecimal={false}
        value={shown.protectionDays}
        onChange={(v) => setEdit({ ...shown, protectionDays: typeof v === 'number' ? v : 0 })}
      />
      <Switch
        label={t('work.settings.showOwnerName')}
        checked={shown.showOwnerName}
        onChange={(e) => setEdit({ ...shown, showOwnerName: e.currentTarget.checked })}
      />
      <Group justify="flex-end">
        <Button loading={save.isPending} disabled={edit === null} onClick={() => edit && save.mutate(edit)}>
          {t('work.settings.save')}
        </Button>
      </Group>
    </Section>
  );
}

/** The team lead's lead rules; nothing for a rep (the server refuses them anyway). */
export function LeadRulesSections({ isTeamLead }: { isTeamLead: boolean }) {
  const { t } = useWorkTranslation();
  const settings = useWorkSettings();
  if (!isTeamLead || !settings.data) return null;
  const funnel = settings.data.funnel;
  return (
    <Stack gap="md" data-testid="lead-rules">
      <div>
        <Text fw={700} size="lg">
          {t('work.settings.rulesTitle')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('work.settings.rulesHint')}
        </Text>
      </div>
      <LostReasonsSection initial={funnel.lostReasons} />
      <PoolClaimSection settings={funnel} />
      <EntryRulesSection />
    </Stack>
  );
}
