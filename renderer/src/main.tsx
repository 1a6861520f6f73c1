// The renderer's entry: take a one-time sign-in code out of the address, pick the transport (IPC in Electron,
// HTTP on the LAN), then render the app behind the sign-in gate.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppProviders } from './AppProviders';
import { createAppQueryClient } from './api/client-context';
import { pickClient } from './api/pick-client';
import { createI18n } from './i18n';
import { SessionGate } from './shell/SessionGate';
import { takeSignInCode } from './shell/sign-in-link';

// Before anything else: the code must not stay in the address bar or the history.
const signInCode = takeSignInCode(window);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <AppProviders client={pickClient()} queryClient={createAppQueryClient()} i18n={createI18n()}>
      <SessionGate signInCode={signInCode}>
        <App />
      </SessionGate>
    </AppProviders>
  </StrictMode>,
);
