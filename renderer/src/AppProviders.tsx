// Everything the app needs around it: Mantine, dates, i18n, the API client and its cache. Tests reuse it.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { DatesProvider, type CalendarAriaLabels } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { AppClient } from '../../core/api/transport/app-client';
import { ClientProvider } from './api/client-context';
import { currentLanguage } from './i18n';
import { createAppTheme } from './theme';

function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <DatesProvider settings={{ locale: language === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

/** Mantine with the theme in the UI's language (its buttons are named, its date pickers headed in it). */
function ThemedMantine({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const theme = useMemo(
    () =>
      createAppTheme({
        close: t('common.close'),
        clear: t('common.clear'),
        showHide: t('common.showHide'),
        monthLabelFormat: t('common.monthLabelFormat'),
        dayLabelFormat: t('common.dayLabelFormat'),
        calendar: t('common.calendar', { returnObjects: true }) as CalendarAriaLabels,
      }),
    [t],
  );
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

export function AppProviders({
  client,
  queryClient,
  i18n,
  children,
}: {
  client: AppClient;
  queryClient: QueryClient;
  i18n: I18n;
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <ThemedMantine>
        <ClientProvider client={client} queryClient={queryClient}>
          <LocalizedDates>
            <Notifications position="top-right" limit={4} />
            {children}
          </LocalizedDates>
        </ClientProvider>
      </ThemedMantine>
    </I18nextProvider>
  );
}
