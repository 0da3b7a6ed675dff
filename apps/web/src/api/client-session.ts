import { useQuery, type QueryClient } from '@tanstack/react-query';
import { apiErrorSchema, clientSessionResponseSchema, type ClientSessionResponse } from '@spreekkamer/shared';
import { ApiError, type Parser } from './client.js';

/**
 * Client pages have their own session (cookie sk_client) and their own CSRF token, separate from
 * a staff session: on a tablet handed over in the room both exist side by side, and the client's
 * requests must never carry the professional's token (nor the other way round).
 */
let clientCsrfToken: string | null = null;

/** The personal link's token, kept in memory only (never stored), so the copy can show the link. */
let personalLinkToken: string | null = null;

export function rememberPersonalLink(token: string | null): void {
  personalLinkToken = token;
}

export function personalLinkPath(): string | null {
  return personalLinkToken ? `/k/${personalLinkToken}` : null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The client's CSRF header, for the few requests clientApi cannot make (e.g. raw audio). */
export function clientCsrfHeaders(): Record<string, string> {
  return clientCsrfToken ? { 'x-csrf-token': clientCsrfToken } : {};
}

export async function clientApi<T>(path: string, schema: Parser<T>, options: { method?: Method; body?: unknown } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && clientCsrfToken) headers['x-csrf-token'] = clientCsrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method, headers, credentials: 'same-origin', body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    throw new ApiError(0, 'network', 'De verbinding is weggevallen.');
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(data);
    if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.fields ?? []);
    throw new ApiError(response.status, response.status >= 500 ? 'internal' : 'bad_request', `HTTP ${response.status}`);
  }
  try {
    return schema.parse(data);
  } catch {
    throw new ApiError(response.status, 'unexpected_response', 'Het antwoord van de server klopt niet.');
  }
}

export const clientSessionKey = ['client-session'] as const;

async function fetchClientSession(): Promise<ClientSessionResponse | null> {
  try {
    const session = await clientApi('/client/session', clientSessionResponseSchema);
    clientCsrfToken = session.csrfToken;
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      clientCsrfToken = null;
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
  clientCsrfToken = session?.csrfToken ?? null;
  queryClient.setQueryData(clientSessionKey, session);
}

/** Ends the client session on this device and forgets everything of the client in the cache. */
export async function endClientSession(queryClient: QueryClient): Promise<void> {
  await fetch('/api/client/session', { method: 'DELETE', credentials: 'same-origin', headers: clientCsrfToken ? { 'x-csrf-token': clientCsrfToken } : {} }).catch(() => undefined);
  clientCsrfToken = null;
  personalLinkToken = null;
  queryClient.removeQueries({ queryKey: ['client'] });
  queryClient.setQueryData(clientSessionKey, null);
}
