// The renderer's entry: pick the transport (IPC in Electron, HTTP on the LAN), then render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppProviders } from './AppProviders';
import { createAppQueryClient } from './api/client-context';
import { pickClient } from './api/pick-client';
import { createI18n } from './i18n';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <AppProviders client={pickClient()} queryClient={createAppQueryClient()} i18n={createI18n()}>
      <App />
    </AppProviders>
  </StrictMode>,
);
