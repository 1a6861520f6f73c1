// "Distribute now", said before done: the team lead first sees how many pool leads would go to whom (the server's
// dry run of the same rules), then confirms; nothing moves until then.
import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../api/client-context';
import { useWorkspaceStatus } from '../../api/queries';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useWorkTranslation } from '../funnel/work-i18n';

export function DistributeWithPreview() {
  const { t } = useWorkTranslation();
  const language = useLanguage();
  const client = useClient();
  const queryClient = useQueryClient();
  const status = useWorkspaceStatus();
  const preview = useMutation({ mutationFn: () => client.call('pool.previewDistribution', { pool: true }) });
  const run = useMutation({
    mutationFn: () => client.call('distribution.distribute', { pool: true }),
    onSuccess: (result) => {
      preview.reset();
      notifications.show({
        color: 'teal',
        message: t('work.distribute.done', { assigned: result.assigned, pooled: result.pooled }),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
    onSettled: () => queryClient.invalidateQueries(),
  });
  if (status.data?.actor.role !== 'lead') return null;
  const plan = preview.data;
  return (
    <>
      <Button
        variant="light"
        onClick={() => preview.mutate()}
        loading={preview.isPending}
        data-testid="distribute-now"
      >
        {t('work.distribute.button')}
      </Button>
      <Modal
        opened={plan !== undefined}
        onClose={() => preview.reset()}
        title={t('work.distribute.title')}
        data-testid="distribute-preview"
      >
        {plan && (
          <Stack gap="sm">
            <Text size="sm">
              {plan.total === 0
                ? t('work.distribute.nothing')
                : t('work.distribute.summary', {
                    total: formatNumber(plan.total, language),
                    assigned: formatNumber(plan.assigned, language),
                    pooled: formatNumber(plan.pooled + plan.manual + plan.skipped, language),
                  })}
            </Text>
            {plan.perRep.length > 0 && (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('work.distribute.rep')}</Table.Th>
                    <Table.Th ta="right">{t('work.distribute.leads')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.perRep.map((rep) => (
                    <Table.Tr key={rep.repId}>
                      <Table.Td>{rep.name}</Table.Td>
                      <Table.Td ta="right">{formatNumber(rep.count, language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => preview.reset()}>
                {t('work.move.cancel')}
              </Button>
              <Button
                onClick={() => run.mutate()}
                loading={run.isPending}
                disabled={plan.assigned === 0}
                data-testid="distribute-confirm"
              >
                {t('work.distribute.confirm', { count: plan.assigned })}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
