import { useQuery } from '@tanstack/react-query';
import { contract } from '@spreekkamer/shared';
import { call } from '../../api/client.js';

export type InsightScope = 'teams' | 'organisation';

export const insightKeys = {
  scope: (scope: InsightScope) => ['insight', scope] as const,
  declineReasons: ['insight', 'decline-reasons'] as const,
};

export const insightPaths = { teams: '/inzicht/teams', organisation: '/inzicht/organisatie' } as const;

/** One query per scope, read by the home card and by the insight page alike, so they cannot disagree. */
export function useInsight(scope: InsightScope) {
  return useQuery({ queryKey: insightKeys.scope(scope), queryFn: () => call(contract.insight[scope]) });
}
