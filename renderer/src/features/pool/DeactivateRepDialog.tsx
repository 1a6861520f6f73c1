// Deactivating a rep, said before done: how many open leads they hold and where those go (the public pool, the
// distribution rules, or a named rep). For the Team page to open instead of deactivating straight away.
import { Alert, Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CallInput } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';
import { useReps } from '../../api/queries';
import { useWorkTranslation } from '../funnel/work-i18n';

type Place = NonNullable<CallInput<'reps.setActive'>['openLeads']>['to'];

function DeactivateForm({ rep, onDone }: { rep: { id: string; name: string }; onDone: () => void }) {
  const { t } = useWorkTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const reps = useReps(false);
  const count = useQuery({
    queryKey: ['leads', 'work', 'open-leads-of', rep.id],
    queryFn: () => client.call('pool.openLeadsOf', { repId: rep.id }),
  });
  const [place, setPlace] = useState<Place>('pool');
  const [toRep, setToRep] = useState<string | null>(null);
  const deactivate = useMutation({
    mutationFn: () =>
      client.call('reps.setActive', {
        id: rep.id,
        isActive: false,
        ...((count.data?.count ?? 0) === 0
          ? {}
          : { openLeads: place === 'rep' ? { to: 'rep', repId: toRep ?? '' } : { to: place } }),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries();
      onDone();
    },
  });
  const others = (reps.data ?? []).filter((r) => r.id !== rep.id && r.isActive);
  const open = count.data?.count ?? null;
  return (
    <Stack gap="sm" data-testid="deactivate-rep">
      <Text size="sm">
        {open === null
          ? t('work.deactivate.counting')
          : t('work.deactivate.openLeads', { name: rep.name, count: open })}
      </Text>
      {open !== null && open > 0 && (
        <Radio.Group
          value={place}
          onChange={(value) => setPlace(value as Place)}
          label={t('work.deactivate.where')}
        >
          <Stack gap={6} mt={6}>
            <Radio value="pool" label={t('work.deactivate.toPool')} />
            <Radio value="redistribute" label={t('work.deactivate.redistribute')} />
            <Radio value="rep" label={t('work.deactivate.toRep')} />
          </Stack>
        </Radio.Group>
      )}
      {open !== null && open > 0 && place === 'rep' && (
        <Select
          aria-label={t('work.deactivate.pickRep')}
          placeholder={t('work.deactivate.pickRep')}
          data={others.map((r) => ({ value: r.id, label: r.name }))}
          value={toRep}
          onChange={setToRep}
          searchable
        />
      )}
      {deactivate.isError && <Alert color="red">{deactivate.error.message}</Alert>}
      <Group justify="flex-end">
        <Button
          color="red"
          onClick={() => deactivate.mutate()}
          loading={deactivate.isPending}
          disabled={open === null || (open > 0 && place === 'rep' && toRep === null)}
          data-testid="deactivate-confirm"
        >
          {t('work.deactivate.confirm', { count: open ?? 0 })}
        </Button>
      </Group>
    </Stack>
  );
}

export function DeactivateRepDialog({
  rep,
  onClose,
}: {
  rep: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useWorkTranslation();
  return (
    <Modal
      opened={rep !== null}
      onClose={onClose}
      title={rep ? t('work.deactivate.title', { name: rep.name }) : ''}
    >
      {rep && <DeactivateForm key={rep.id} rep={rep} onDone={onClose} />}
    </Modal>
  );
}
