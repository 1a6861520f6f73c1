// The team lead's appeals: open ones first, each accepted (reassigning the lead to whom they choose) or rejected
// with a reply; a rep sees their own appeals and the answers.
import { Badge, Button, Card, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AppealView } from '../../../../core/api/appeals/calls';
import { useClient } from '../../api/client-context';
import { useRepNames, useReps } from '../../api/queries';
import { formatDateTime } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useDistributionTranslation } from './bundle';
import {
  invalidateAfterAssignment,
  useActor,
  useAppealCount,
  useAppeals,
  useDistributionEvents,
} from './distribution-queries';

const POOL = '__pool__';

function AppealCard({ appeal, canResolve }: { appeal: AppealView; canResolve: boolean }) {
  const { t } = useDistributionTranslation();
  const language = useLanguage();
  const client = useClient();
  const queryClient = useQueryClient();
  const repNames = useRepNames();
  const reps = useReps(false);
  const [reply, setReply] = useState('');
  const [to, setTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resolve = useMutation({
    mutationFn: (decision: 'accept' | 'reject') =>
      client.call('appeals.resolve', {
        id: appeal.id,
        decision,
        ...(reply.trim() ? { reply } : {}),
        ...(decision === 'accept' ? { toRepId: to === POOL ? null : to } : {}),
      }),
    onSuccess: () => {
      invalidateAfterAssignment(queryClient);
      notifications.show({ color: 'teal', message: t('distribution.appeal.resolved') });
    },
    onError: (e: Error) => setError(e.message),
  });
  return (
    <Card withBorder padding="sm" data-testid="appeal-card">
      <Stack gap={6}>
        <Group justify="space-between">
          <Group gap={6}>
            <Badge color={appeal.state === 'open' ? 'yellow' : appeal.state === 'accepted' ? 'teal' : 'gray'}>
              {t(`distribution.appeal.states.${appeal.state}`)}
            </Badge>
            <Text fw={600} size="sm">
              {t('distribution.appeal.from', { rep: repNames.get(appeal.repId) ?? appeal.repId })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('distribution.appeal.lead', { name: appeal.leadName })}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {formatDateTime(appeal.createdAt, language)}
          </Text>
        </Group>
        <Text size="sm">{appeal.message}</Text>
        {appeal.reply && (
          <Text size="sm" c="dimmed">
            {t('distribution.appeal.replyLabel', { reply: appeal.reply })}
          </Text>
        )}
        {canResolve && appeal.state === 'open' && (
          <Stack gap={6}>
            <Textarea
              label={t('distribution.appeal.reply')}
              value={reply}
              onChange={(e) => setReply(e.currentTarget.value)}
              error={error}
              autosize
              minRows={1}
              data-testid="appeal-reply"
            />
            <Group align="flex-end">
              <Select
                label={t('distribution.appeal.toRep')}
                data={[
                  ...(reps.data ?? []).map((rep) => ({ value: rep.id as string, label: rep.name })),
                  { value: POOL, label: t('distribution.reassign.pool') },
                ]}
                value={to}
                onChange={setTo}
                data-testid="appeal-to"
                w={220}
              />
              <Button
                onClick={() => resolve.mutate('accept')}
                disabled={to === null}
                loading={resolve.isPending}
                data-testid="appeal-accept"
              >
                {t('distribution.appeal.accept')}
              </Button>
              <Button
                variant="light"
                color="red"
                onClick={() => resolve.mutate('reject')}
                disabled={reply.trim() === ''}
                loading={resolve.isPending}
                data-testid="appeal-reject"
              >
                {t('distribution.appeal.reject')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

export function AppealCountBadge() {
  const count = useAppealCount();
  const open = count.data?.open ?? 0;
  if (open === 0) return null;
  return (
    <Badge size="sm" color="red" circle data-testid="appeal-count">
      {open}
    </Badge>
  );
}

export function AppealsList() {
  const { t } = useDistributionTranslation();
  const actor = useActor();
  const appeals = useAppeals(undefined);
  useDistributionEvents();
  const rows = [...(appeals.data ?? [])].sort(
    (a, b) => Number(b.state === 'open') - Number(a.state === 'open') || b.createdAt - a.createdAt,
  );
  return (
    <Stack gap="sm" data-testid="appeals-list">
      {rows.length === 0 && <Text c="dimmed">{t('distribution.appeal.none')}</Text>}
      {rows.map((appeal) => (
        <AppealCard key={appeal.id} appeal={appeal} canResolve={actor?.role === 'lead'} />
      ))}
    </Stack>
  );
}
