// Everything the app needs around it: Mantine, dates, i18n, the API client and its cache. Tests reuse it.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { AppClient } from '../../core/api/transport/app-client';
import { ClientProvider } from './api/client-context';
import { currentLanguage } from './i18n';
import { theme } from './theme';

function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <DatesProvider settings={{ locale: language === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
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
    <MantineProvider theme={theme} defaultColorScheme="light">
      <I18nextProvider i18n={i18n}>
        <ClientProvider client={client} queryClient={queryClient}>
          <LocalizedDates>
            <Notifications position="top-right" limit={4} />
            {children}
          </LocalizedDates>
        </ClientProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
