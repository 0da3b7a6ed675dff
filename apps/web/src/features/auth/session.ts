import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { contract, type SessionResponse } from '@spreekkamer/shared';
import { ApiError, call, setCsrfToken } from '../../api/client.js';
import { changeLocale } from '../../i18n/index.js';

export const sessionKey = ['session'] as const;
export const invitationKey = (token: string) => ['invitation', token] as const;

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await call(contract.account.session);
    setCsrfToken(session.csrfToken);
    void changeLocale(session.user.locale);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The logged-in person, `null` when nobody is logged in. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000, retry: 1 });
}

/** Stores a fresh session answer (after log-in, profile changes, TOTP changes). */
export function applySession(queryClient: QueryClient, session: SessionResponse | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  if (session) void changeLocale(session.user.locale);
  queryClient.setQueryData(sessionKey, session);
}

export function useApplySession(): (session: SessionResponse | null) => void {
  const queryClient = useQueryClient();
  return useCallback((session) => applySession(queryClient, session), [queryClient]);
}

/** After log-out nothing of the previous person may stay in the cache. */
export function forgetEverything(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(sessionKey, null);
}
