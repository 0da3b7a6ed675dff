import { useQuery } from '@tanstack/react-query';
import { contract } from '@spreekkamer/shared';
import { call } from '../../api/client.js';

export const signalKeys = {
  all: ['signals'] as const,
  access: ['signals', 'access'] as const,
  mine: ['signals', 'mine'] as const,
  inbox: ['signals', 'inbox'] as const,
  one: (id: string) => ['signals', 'one', id] as const,
  managementTeam: ['signals', 'management-team'] as const,
};

export const signalPaths = { mine: '/signalen', new: '/signalen/nieuw', inbox: '/signalen/ontvangen', one: (id: string) => `/signalen/ontvangen/${encodeURIComponent(id)}` } as const;

export function useSignalAccess() {
  return useQuery({ queryKey: signalKeys.access, queryFn: () => call(contract.signals.access) });
}

export function useMySignals() {
  return useQuery({ queryKey: signalKeys.mine, queryFn: () => call(contract.signals.mine) });
}

/** One query for the inbox page and the home card, so their numbers cannot disagree. */
export function useSignalInbox(enabled = true) {
  return useQuery({ queryKey: signalKeys.inbox, queryFn: () => call(contract.signals.inbox), enabled });
}

export function useSignal(id: string) {
  return useQuery({ queryKey: signalKeys.one(id), queryFn: () => call(contract.signals.get, { params: { id } }) });
}

export function useManagementTeam(enabled: boolean) {
  return useQuery({ queryKey: signalKeys.managementTeam, queryFn: () => call(contract.signals.managementTeam), enabled });
}
