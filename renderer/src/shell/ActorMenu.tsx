// Who is working: the team lead or a rep. Switching to a rep may ask for the rep's PIN.
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../../core/api/contract';
import { ApiError } from '../../../core/api/errors';
import type { Rep } from '../../../core/domain/rep';
import { useReps } from '../api/queries';
import { useActAs } from '../api/session';
import { IconCheck, IconChevronDown } from '../ui/icons';

function initialOf(name: string): string {
  return name.trim().slice(0, 1).toUpperCase() || '?';
}

export function ActorMenu({ actor }: { actor: Actor }) {
  const { t } = useTranslation();
  const reps = useReps(false);
  const actAs = useActAs();
  // Whose PIN the dialog asks for: a rep, the team lead (`lead`), or nobody (closed).
  const [pinFor, setPinFor] = useState<Rep | 'lead' | null>(null);
  const pinForm = useForm({ initialValues: { pin: '' } });
  const actorName = actor.role === 'lead' ? t('actor.teamLead') : actor.name;

  async function switchTo(rep: Rep | null, pin?: string): Promise<void> {
    try {
      const next = await actAs(rep?.id ?? null, pin);
      setPinFor(null);
      pinForm.reset();
      notifications.show({
        color: 'teal',
        message: t('actor.switched', { name: next.role === 'lead' ? t('actor.teamLead') : next.name }),
      });
    } catch (error) {
      if (error instanceof ApiError && error.field === 'pin') {
        if (pin !== undefined) pinForm.setFieldError('pin', t('actor.pinWrong'));
        setPinFor(rep ?? 'lead');
        return;
      }
      notifications.show({
        color: 'red',
        title: t('common.errorTitle'),
        message: String((error as Error).message),
      });
    }
  }

  const isCurrent = (repId: string | null) =>
    repId === null ? actor.role === 'lead' : actor.role === 'rep' && actor.repId === repId;

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={`${t('actor.switchUser')}: ${actorName}`} data-testid="actor-menu">
            <Group gap={8} wrap="nowrap">
              <Avatar size={30} radius="xl" color={actor.role === 'lead' ? 'indigo' : 'teal'}>
                {initialOf(actorName)}
              </Avatar>
              <div>
                <Text size="sm" fw={600} lh={1.2}>
                  {actorName}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {actor.role === 'lead' ? t('actor.switchUser') : t('actor.rep')}
                </Text>
              </div>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('actor.switchUser')}</Menu.Label>
          <Menu.Item
            onClick={() => void switchTo(null)}
            rightSection={isCurrent(null) ? <IconCheck size={14} /> : null}
          >
            {t('actor.teamLead')}
          </Menu.Item>
          {(reps.data ?? []).length > 0 && <Menu.Label>{t('actor.reps')}</Menu.Label>}
          <div style={{ maxHeight: 320, overflowY: 'auto' }}>
            {(reps.data ?? []).map((rep) => (
              <Menu.Item
                key={rep.id}
                onClick={() => void switchTo(rep)}
                rightSection={isCurrent(rep.id) ? <IconCheck size={14} /> : null}
              >
                {rep.name}
              </Menu.Item>
            ))}
          </div>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={pinFor !== null}
        onClose={() => {
          setPinFor(null);
          pinForm.reset();
        }}
        title={t('actor.pinTitle', { name: pinFor === 'lead' ? t('actor.teamLead') : (pinFor?.name ?? '') })}
        size="sm"
        centered
      >
        <form
          onSubmit={pinForm.onSubmit((values) => {
            if (pinFor) void switchTo(pinFor === 'lead' ? null : pinFor, values.pin);
          })}
        >
          <Stack>
            <PasswordInput
              label={t('actor.pinLabel')}
              description={t('actor.pinHint')}
              inputMode="numeric"
              autoComplete="off"
              data-autofocus
              {...pinForm.getInputProps('pin')}
            />
            <Group justify="flex-end">
              <Button type="submit">{t('actor.signIn')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
