import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client.js';
import { App } from './App.js';
import { applySession, sessionKey } from './features/auth/session.js';
import '@utrecht/component-library-css/dist/index.css';
import './theme/theme.css';
import { startInStoredLanguage } from './i18n/index.js';
import './theme/app.css';

/**
 * A session can end on the server while the page is open (idle timeout, log-out elsewhere). Any
 * call that says so sends the person to log in again instead of showing errors on every section.
 */
function onApiError(error: unknown): void {
  if (!(error instanceof ApiError)) return;
  if (error.code === 'unauthenticated') applySession(queryClient, null);
  if (error.code === 'totp_setup_required') void queryClient.invalidateQueries({ queryKey: sessionKey });
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Retrying cannot fix "not allowed" or "not found"; it only delays the message.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

await startInStoredLanguage();
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
