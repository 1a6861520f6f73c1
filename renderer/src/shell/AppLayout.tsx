// The app shell: header (name, language, who is working), navigation, and the current page.
import { AppShell, Burger, Group, NavLink, ScrollArea, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ComponentType, MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../../core/api/contract';
import {
  IconDashboard,
  IconPool,
  IconTransparency,
  IconFunnel,
  IconHistory,
  IconImport,
  IconLeads,
  IconQueue,
  IconRules,
  IconSettings,
  IconSparkles,
  IconTeam,
} from '../ui/icons';
import { useWorkTranslation } from '../features/funnel/work-i18n';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { ActorMenu } from './ActorMenu';
import { ConnectionBanner } from './ConnectionBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { isPageFor, type Page } from './routes';

const NAV_ICONS: Record<Page, ComponentType<{ size?: number }>> = {
  queue: IconQueue,
  agenda: IconHistory,
  funnel: IconFunnel,
  pool: IconPool,
  leads: IconLeads,
  import: IconImport,
  rules: IconRules,
  team: IconTeam,
  dashboard: IconDashboard,
  transparency: IconTransparency,
  settings: IconSettings,
};

/** Hash routing owns `#…`: the skip link moves the focus to the main content instead of following its href. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function AppLayout({
  page,
  onNavigate,
  actor,
  children,
}: {
  page: Page;
  onNavigate: (page: Page) => void;
  actor: Actor | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  useWorkTranslation(); // the pool's nav label lives in the work bundle
  const [isNavOpen, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 216, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding="lg"
    >
      <a className="fl-skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <ThemeIcon
              size={32}
              radius="md"
              variant="gradient"
              gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}
            >
              <IconSparkles size={18} />
            </ThemeIcon>
            <div>
              <Title order={1} size="h4" lh={1.1}>
                {t('app.name')}
              </Title>
              <Text size="xs" c="dimmed" lh={1.1} visibleFrom="xs">
                {t('app.tagline')}
              </Text>
            </div>
          </Group>
          <Group gap="lg" wrap="nowrap">
            <LanguageSwitch />
            {actor && <NotificationBell key={actor.role === 'rep' ? actor.repId : 'lead'} />}
            {actor && <ActorMenu actor={actor} />}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={t('nav.label')}>
            {(Object.keys(NAV_ICONS) as Page[])
              .filter((key) => actor !== null && isPageFor(key, actor.role))
              .map((key) => {
                const NavIcon = NAV_ICONS[key];
                return (
                  <NavLink
                    key={key}
                    href={`#/${key}`}
                    label={t(`nav.${key}`)}
                    leftSection={<NavIcon size={18} />}
                    active={page === key}
                    aria-current={page === key ? 'page' : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      onNavigate(key);
                      close();
                    }}
                    variant="light"
                    styles={{ root: { borderRadius: 'var(--mantine-radius-md)', marginBottom: 2 } }}
                  />
                );
              })}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} bg="var(--mantine-color-gray-0)">
        <ConnectionBanner />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
