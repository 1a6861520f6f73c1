// The app: shell, the empty-workspace welcome, and the page the hash route names.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useWorkspaceStatus } from './api/queries';
import { useActor } from './api/session';
import { LanguageSync } from './LanguageSync';
import { AgendaPage } from './features/agenda/AgendaPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { TransparencyPage } from './features/transparency/TransparencyPage';
import { FunnelPage } from './features/funnel/FunnelPage';
import { ImportPage } from './features/import/ImportPage';
import { LeadsPage } from './features/leads/LeadsPage';
import { PoolPage } from './features/pool/PoolPage';
import { QueuePage } from './features/queue/QueuePage';
import { RulesPage } from './features/rules/RulesPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { TeamPage } from './features/team/TeamPage';
import { WelcomePanel } from './features/welcome/WelcomePanel';
import { AppLayout } from './shell/AppLayout';
import { LoadFailed, Loading } from './ui/LoadState';
import { isPageFor, usePage, type Page } from './shell/routes';

function PageContent({ page }: { page: Page }) {
  switch (page) {
    case 'leads':
      return <LeadsPage />;
    case 'import':
      return <ImportPage />;
    case 'team':
      return <TeamPage />;
    case 'rules':
      return <RulesPage />;
    case 'settings':
      return <SettingsPage />;
    case 'queue':
      return <QueuePage />;
    case 'agenda':
      return <AgendaPage />;
    case 'funnel':
      return <FunnelPage />;
    case 'pool':
      return <PoolPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'transparency':
      return <TransparencyPage />;
  }
}

/** The app once someone is signed in (the SessionGate sees to that). */
export function App() {
  const [requestedPage, navigate] = usePage();
  const actor = useActor();
  const status = useWorkspaceStatus();
  // A rep who follows a link to a team-lead page sees the leads instead.
  const page: Page = actor && !isPageFor(requestedPage, actor.role) ? 'leads' : requestedPage;
  const queryClient = useQueryClient();
  const [isWelcomeDismissed, setWelcomeDismissed] = useState(false);
  // Another page opens at its top, not at the scroll position the last page was left at.
  useEffect(() => {
    document.scrollingElement?.scrollTo?.({ top: 0 });
  }, [page]);

  let content;
  if (status.isPending) {
    content = <Loading minHeight="60vh" />;
  } else if (status.isError) {
    content = (
      <LoadFailed minHeight="60vh" message={status.error.message} onRetry={() => void status.refetch()} />
    );
  } else if (status.data.isEmpty && actor?.role === 'lead' && !isWelcomeDismissed) {
    content = (
      <WelcomePanel
        onStartEmpty={() => {
          setWelcomeDismissed(true);
          navigate('team');
        }}
        onDemoLoaded={() => {
          void queryClient.invalidateQueries();
          navigate('leads');
        }}
      />
    );
  } else {
    content = <PageContent page={page} />;
  }

  return (
    <>
      <LanguageSync />
      <AppLayout page={page} onNavigate={navigate} actor={actor}>
        {content}
      </AppLayout>
    </>
  );
}
