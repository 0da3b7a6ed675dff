import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { contract, type FeedbackDetail } from '@spreekkamer/shared';
import { call } from '../../api/client.js';

const enc = encodeURIComponent;

export const feedbackKeys = {
  all: ['feedback'] as const,
  list: ['feedback', 'list'] as const,
  one: (id: string) => ['feedback', 'one', id] as const,
  home: ['feedback', 'home'] as const,
  trend: (clientId: string) => ['feedback', 'alliance', clientId] as const,
  overview: ['feedback', 'alliance-overview'] as const,
  followUps: (clientId: string) => ['feedback', 'follow-ups', clientId] as const,
};

export const feedbackPaths = {
  list: '/samenleergesprekken',
  one: (id: string) => `/samenleergesprekken/${enc(id)}`,
  talk: (id: string) => `/samenleergesprekken/${enc(id)}/gesprek`,
  allianceOverview: '/samenwerkingscheck',
};

export function useFeedbackList() {
  return useQuery({ queryKey: feedbackKeys.list, queryFn: () => call(contract.feedback.list) });
}

/**
 * One feedback conversation. While `live` (two screens at once), a small content-free version
 * check runs every three seconds and the conversation is read again only when it changed.
 */
export function useFeedback(id: string, live = false) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: feedbackKeys.one(id), queryFn: () => call(contract.feedback.get, { params: { id } }) });
  const version = useQuery({
    queryKey: [...feedbackKeys.one(id), 'version'],
    queryFn: () => call(contract.feedback.version, { params: { id } }),
    enabled: live && query.isSuccess,
    refetchInterval: 3000,
  });
  const seen = useRef<string | null>(null);
  const updatedAt = version.data?.updatedAt;
  useEffect(() => {
    if (!updatedAt) return;
    if (seen.current !== null && seen.current !== updatedAt) void queryClient.invalidateQueries({ queryKey: feedbackKeys.one(id), exact: true });
    seen.current = updatedAt;
  }, [updatedAt, id, queryClient]);
  return query;
}

/** After a change the server answers with the whole conversation: show it at once. */
export function storeFeedback(queryClient: QueryClient, detail: FeedbackDetail): void {
  queryClient.setQueryData(feedbackKeys.one(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: feedbackKeys.list });
  void queryClient.invalidateQueries({ queryKey: feedbackKeys.home });
}

export function useFeedbackHome() {
  return useQuery({ queryKey: feedbackKeys.home, queryFn: () => call(contract.feedback.home) });
}

export function useAllianceTrend(clientId: string) {
  return useQuery({ queryKey: feedbackKeys.trend(clientId), queryFn: () => call(contract.alliance.trend, { params: { id: clientId } }) });
}

export function useAllianceOverview() {
  return useQuery({ queryKey: feedbackKeys.overview, queryFn: () => call(contract.alliance.overview) });
}

export function useFollowUps(clientId: string) {
  return useQuery({ queryKey: feedbackKeys.followUps(clientId), queryFn: () => call(contract.followUps.list, { query: { clientId } }) });
}
