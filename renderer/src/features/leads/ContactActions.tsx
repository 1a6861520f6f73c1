// A lead's phone, email and WeChat with one-click actions: call (tel:), write (mailto:), copy. The phone is shown
// grouped for reading and exactly as typed on hover; clicks never reach a draggable card or a row behind them.
import { ActionIcon, Anchor, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import type { MouseEvent, PointerEvent, ReactNode } from 'react';
import { formatPhone, telHref } from '../funnel/work-format';
import { useWorkTranslation } from '../funnel/work-i18n';

const stop = (event: MouseEvent | PointerEvent) => event.stopPropagation();

function CopyIcon() {
  return (
    <svg
      width={12}
      height={12}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      aria-hidden
    >
      <rect x="9" y="9" width="11" height="11" rx="2" />
      <path d="M5 15V5a2 2 0 0 1 2-2h10" />
    </svg>
  );
}

function Copy({ value, label }: { value: string; label: string }) {
  const { t } = useWorkTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('work.contact.copied') : label} withArrow>
          <ActionIcon
            size="xs"
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            aria-label={label}
            onPointerDown={stop}
            onClick={(event) => {
              stop(event);
              copy();
            }}
          >
            <CopyIcon />
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

function Line({ children }: { children: ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap" onPointerDown={stop} onClick={stop}>
      {children}
    </Group>
  );
}

export function ContactActions({
  phone,
  email,
  wechat,
  size = 'xs',
}: {
  phone: string | null;
  email: string | null;
  wechat?: string | null;
  size?: 'xs' | 'sm';
}) {
  const { t } = useWorkTranslation();
  const tel = phone === null ? null : telHref(phone);
  return (
    <Group gap="sm" wrap="wrap" data-testid="contact-actions">
      {phone !== null && phone.trim() !== '' && (
        <Line>
          {tel === null ? (
            <Text size={size} title={phone} style={{ whiteSpace: 'nowrap' }}>
              {formatPhone(phone)}
            </Text>
          ) : (
            <Anchor
              href={tel}
              size={size}
              title={`${t('work.contact.call')} ${phone}`}
              aria-label={`${t('work.contact.call')} ${formatPhone(phone)}`}
              style={{ whiteSpace: 'nowrap' }}
            >
              {formatPhone(phone)}
            </Anchor>
          )}
          <Copy value={phone} label={t('work.contact.copyPhone')} />
        </Line>
      )}
      {email !== null && email.trim() !== '' && (
        <Line>
          <Anchor href={`mailto:${email}`} size={size} aria-label={`${t('work.contact.email')} ${email}`}>
            {email}
          </Anchor>
          <Copy value={email} label={t('work.contact.copyEmail')} />
        </Line>
      )}
      {wechat != null && wechat.trim() !== '' && (
        <Line>
          <Text size={size}>
            {t('work.contact.wechat')} {wechat}
          </Text>
          <Copy value={wechat} label={t('work.contact.copyWechat')} />
        </Line>
      )}
    </Group>
  );
}
