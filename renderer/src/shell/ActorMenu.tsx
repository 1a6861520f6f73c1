// Who is working, on a shared PC: the team lead may hand the PC to a rep (the rep types their PIN); going back to
// the team lead always asks the team lead's password. Sign out ends the session. A desktop PC paired with the hub
// works only as its rep (the main process refuses any other sign-in there), so it offers no team-lead switch.
import {
  Avatar,
  Button,
  Group,
  Menu,
  Modal,
  PasswordInput,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../../core/api/contract';
import { useClient } from '../api/client-context';
import { useReps } from '../api/queries';
import { useSignIn, useSignOut } from '../api/session';
import { useIdentityTranslation } from '../features/identity/bundle';
import { CLIENT_STATUS_KEY } from '../features/identity/HubConnectForm';
import { focusWhenShown } from '../ui/focus-when-shown';
import { IconChevronDown } from '../ui/icons';

/** Whose secret the dialog asks for: a rep's PIN or the team lead's password. */
type Asking = { readonly repId: string; readonly name: string } | 'lead' | null;

function initialOf(name: string): string {
  return name.trim().slice(0, 1).toUpperCase() || '?';
}

/** The active reps the team lead may hand the PC to; mounted only while the menu is open. */
function RepItems({ onPick }: { onPick: (rep: { repId: string; name: string }) => void }) {
  const { t } = useIdentityTranslation();
  const reps = useReps(false);
  // No wrapper around the items: a menu's children must be its items (the dropdown scrolls instead).
  return (
    <>
      {(reps.data ?? []).map((rep) => (
        <Menu.Item
          key={rep.id}
          disabled={!rep.hasPin}
          onClick={() => onPick({ repId: rep.id, name: rep.name })}
          rightSection={
            rep.hasPin ? null : (
              <Text size="xs" c="dimmed">
                {t('identity.actor.noPin')}
              </Text>
            )
          }
        >
          {rep.name}
        </Menu.Item>
      ))}
    </>
  );
}

/** True in the desktop app of a rep's PC connected to the hub (a browser's client watches its own connection). */
function useIsPairedPc(): boolean {
  const client = useClient();
  const isDesktop = client.watchConnection === undefined;
  const status = useQuery({
    queryKey: CLIENT_STATUS_KEY,
    queryFn: () => client.call('client.status', {}),
    enabled: isDesktop,
  });
  return isDesktop && status.data?.mode === 'hub-client';
}

export function ActorMenu({ actor }: { actor: Actor }) {
  const { t } = useIdentityTranslation();
  const { t: tApp } = useTranslation();
  const signIn = useSignIn();
  const signOut = useSignOut();
  const isPairedPc = useIsPairedPc();
  const [asking, setAsking] = useState<Asking>(null);
  const form = useForm({ initialValues: { secret: '' } });
  const actorName = actor.role === 'lead' ? tApp('actor.teamLead') : actor.name;
  const askingName = asking === 'lead' ? tApp('actor.teamLead') : (asking?.name ?? '');

  function close(): void {
    setAsking(null);
    form.reset();
    // Back on the menu's button (the menu item that opened the dialog is gone; a switch re-renders the app).
    focusWhenShown('[data-testid="actor-menu"]');
  }

  async function switchTo(who: Exclude<Asking, null>, secret: string): Promise<void> {
    try {
      const next = await signIn(
        who === 'lead' ? { as: 'lead', password: secret } : { as: 'rep', repId: who.repId, pin: secret },
      );
      close();
      notifications.show({
        color: 'teal',
        message: tApp('actor.switched', { name: next.role === 'lead' ? tApp('actor.teamLead') : next.name }),
      });
    } catch (error) {
      form.setFieldValue('secret', '');
      form.setFieldError('secret', error instanceof Error ? error.message : String(error));
    }
  }

  async function leave(): Promise<void> {
    try {
      await signOut();
      notifications.show({ color: 'teal', message: t('identity.actor.signedOut') });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: tApp('common.errorTitle'),
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton data-testid="actor-menu">
            <Group gap={8} wrap="nowrap">
              <Avatar size={30} radius="xl" color={actor.role === 'lead' ? 'indigo' : 'teal'} aria-hidden>
                {initialOf(actorName)}
              </Avatar>
              <div>
                <Text size="sm" fw={600} lh={1.2}>
                  {actorName}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {actor.role === 'lead' ? tApp('actor.switchUser') : tApp('actor.rep')}
                </Text>
              </div>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown mah={400} style={{ overflowY: 'auto' }}>
          {actor.role === 'lead' ? (
            <>
              <Menu.Label>{t('identity.actor.switchToRep')}</Menu.Label>
              <RepItems onPick={(rep) => setAsking(rep)} />
            </>
          ) : isPairedPc ? (
            <Text size="xs" c="dimmed" px="sm" py={6} maw={240} data-testid="paired-pc-note">
              {t('identity.actor.pairedPc')}
            </Text>
          ) : (
            <Menu.Item onClick={() => setAsking('lead')}>{t('identity.actor.backToLead')}</Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item c="red.9" onClick={() => void leave()} data-testid="sign-out">
            {t('identity.actor.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={asking !== null}
        onClose={close}
        title={
          asking === 'lead'
            ? t('identity.actor.leadPasswordTitle')
            : tApp('actor.pinTitle', { name: askingName })
        }
        size="sm"
        centered
        returnFocus={false}
      >
        <form
          onSubmit={form.onSubmit(async (values) => {
            if (asking) await switchTo(asking, values.secret);
          })}
        >
          <Stack>
            <PasswordInput
              label={asking === 'lead' ? t('identity.actor.leadPasswordTitle') : tApp('actor.pinLabel')}
              description={
                asking === 'lead' ? t('identity.actor.leadPasswordHint') : t('identity.actor.pinHint')
              }
              inputMode={asking === 'lead' ? 'text' : 'numeric'}
              autoComplete="off"
              required
              data-autofocus
              {...form.getInputProps('secret')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {tApp('actor.signIn')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
