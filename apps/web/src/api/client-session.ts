import { useQuery, type QueryClient } from '@tanstack/react-query';
import { type ClientSessionResponse, contract } from '@spreekkamer/shared';
import { ApiError, call, setClientCsrfToken } from './client.js';

/** The personal link's token, kept in memory only (never stored), so the copy can show the link. */
let personalLinkToken: string | null = null;

export function rememberPersonalLink(token: string | null): void {
  personalLinkToken = token;
}

export function personalLinkPath(): string | null {
  return personalLinkToken ? `/k/${personalLinkToken}` : null;
}

export const clientSessionKey = ['client-session'] as const;

/** Query keys of the client pages; everything below `all` is forgotten when the client session ends. */
export const clientPageKeys = {
  all: ['client'] as const,
  consent: (id: string) => ['client', 'consent', id] as const,
  consentForm: (conversationId: string) => ['client', 'consent-form', conversationId] as const,
  linkLanguages: (token: string) => ['client-link-languages', token] as const,
};

async function fetchClientSession(): Promise<ClientSessionResponse | null> {
  try {
    const session = await call(contract.clientAccess.session);
    setClientCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setClientCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The client on this device, `null` when there is no client session. */
export function useClientSession() {
  return useQuery({ queryKey: clientSessionKey, queryFn: fetchClientSession, staleTime: 60_000, retry: 1 });
}

/** After opening the link with the code, or a hand-over in the room. */
export function applyClientSession(queryClient: QueryClient, session: ClientSessionResponse | null): void {
  setClientCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(clientSessionKey, session);
}

/** Ends the client session on this device and forgets everything of the client in the cache. */
export async function endClientSession(queryClient: QueryClient): Promise<void> {
  await call(contract.clientAccess.close).catch(() => undefined);
  setClientCsrfToken(null);
  personalLinkToken = null;
  queryClient.removeQueries({ queryKey: clientPageKeys.all });
  queryClient.setQueryData(clientSessionKey, null);
}
