// The bell in the header: unread count, the latest notifications, and a click that opens the lead.
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isEvent } from '../../../../core/api/transport/client';
import type { CallOutput } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';
import { formatDateTime } from '../../ui/format';
import { IconBell } from '../../ui/icons';
import { useLanguage } from '../../ui/use-language';
import { LeadDrawer } from '../leads/LeadDrawer';
import { useWorkTranslation } from '../funnel/work-i18n';
import { workKeys } from '../funnel/work-queries';

type NotificationRecord = CallOutput<'notifications.list'>['rows'][number];

/** Where a "open this lead" request from outside React (a desktop notification click) is announced. */
const OPEN_LEAD_EVENT = 'fairlead:open-lead';

function useNotificationText() {
  const { t } = useWorkTranslation();
  return (n: NotificationRecord) =>
    t(`work.notifications.kinds.${n.kind}`, {
      leadName: String(n.detail.leadName ?? ''),
      defaultValue: n.kind,
    });
}

export function NotificationBell() {
  const { t } = useWorkTranslation();
  const language = useLanguage();
  const client = useClient();
  const queryClient = useQueryClient();
  const textOf = useNotificationText();
  const [isOpen, setOpen] = useState(false);
  const [openLeadId, setOpenLeadId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: workKeys.notifications,
    queryFn: () => client.call('notifications.list', { limit: 30 }),
  });
  const markRead = useMutation({
    mutationFn: (input: { ids?: string[]; all?: boolean }) => client.call('notifications.markRead', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workKeys.notifications }),
  });
  useEffect(
    () =>
      client.subscribe((event) => {
        if (isEvent(event, 'notifications.opened')) setOpenLeadId(event.payload.leadId);
        if (isEvent(event, 'notifications.new'))
          void queryClient.invalidateQueries({ queryKey: workKeys.notifications });
      }),
    [client, queryClient],
  );
  useEffect(() => {
    const onOpenLead = (event: Event) => {
      const leadId = (event as CustomEvent<string>).detail;
      if (typeof leadId === 'string') setOpenLeadId(leadId);
    };
    window.addEventListener(OPEN_LEAD_EVENT, onOpenLead);
    return () => window.removeEventListener(OPEN_LEAD_EVENT, onOpenLead);
  }, []);
  const unread = list.data?.unread ?? 0;
  const rows = list.data?.rows ?? [];
  return (
    <>
      {/* The panel takes the focus when it opens (trapFocus), closes on Escape and gives the focus back to the bell;
          the popup's ARIA sits on the button itself, the unread count beside it (inside, it would be the button's
          visible text, unlike its name). */}
      <Indicator
        label={<span aria-hidden>{unread}</span>}
        size={16}
        disabled={unread === 0}
        offset={4}
        color="red"
      >
        <Popover
          opened={isOpen}
          onChange={setOpen}
          position="bottom-end"
          width={340}
          shadow="md"
          trapFocus
          returnFocus
          closeOnEscape
        >
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={t('work.notifications.open', { count: unread })}
              onClick={() => setOpen((o) => !o)}
              data-testid="notification-bell"
            >
              <IconBell />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown
            p="xs"
            aria-label={t('work.notifications.title')}
            data-testid="notification-panel"
          >
            <Group justify="space-between" mb={6}>
              <Text fw={600} size="sm">
                {t('work.notifications.title')}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                disabled={unread === 0}
                onClick={() => markRead.mutate({ all: true })}
              >
                {t('work.notifications.markAll')}
              </Button>
            </Group>
            {rows.length === 0 ? (
              <Text size="sm" c="dimmed" py="sm" ta="center">
                {t('work.notifications.empty')}
              </Text>
            ) : (
              <ScrollArea.Autosize mah={400}>
                <Stack gap={2}>
                  {rows.map((n) => (
                    <UnstyledButton
                      key={n.id}
                      p={6}
                      data-testid="notification"
                      style={{
                        borderRadius: 6,
                        background: n.readAt === null ? 'var(--mantine-color-indigo-0)' : undefined,
                      }}
                      onClick={() => {
                        if (n.readAt === null) markRead.mutate({ ids: [n.id] });
                        if (n.leadId) setOpenLeadId(n.leadId);
                        setOpen(false);
                      }}
                    >
                      <Group justify="space-between" wrap="nowrap" gap={6}>
                        <Text size="sm" fw={n.readAt === null ? 600 : 400} lineClamp={2}>
                          {textOf(n)}
                        </Text>
                        {n.readAt === null && (
                          <Badge size="xs" color="red" circle aria-hidden>
                            {' '}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(n.createdAt, language)}
                      </Text>
                    </UnstyledButton>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            )}
          </Popover.Dropdown>
        </Popover>
      </Indicator>
      <LeadDrawer leadId={openLeadId} onClose={() => setOpenLeadId(null)} />
    </>
  );
}
