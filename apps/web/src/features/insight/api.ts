import { useQuery } from '@tanstack/react-query';
import { insightSchema } from '@spreekkamer/shared';
import { api } from '../../api/client.js';

export type InsightScope = 'teams' | 'organisation';

export const insightPaths = { teams: '/inzicht/teams', organisation: '/inzicht/organisatie' } as const;

/** One query per scope, read by the home card and by the insight page alike, so they cannot disagree. */
export function useInsight(scope: InsightScope) {
  return useQuery({ queryKey: ['insight', scope], queryFn: () => api(`/insight/${scope}`, insightSchema) });
}
