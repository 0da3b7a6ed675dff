import { useQuery } from '@tanstack/react-query';
import { contract } from '@spreekkamer/shared';
import { call } from '../../api/client.js';

export const adminKeys = {
  all: ['admin'] as const,
  users: ['admin', 'users'] as const,
  teams: ['admin', 'teams'] as const,
  settings: ['admin', 'settings'] as const,
  audit: (before: number | null) => ['admin', 'audit', before] as const,
};

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: () => call(contract.admin.listUsers) });
}

export function useTeams() {
  return useQuery({ queryKey: adminKeys.teams, queryFn: () => call(contract.admin.listTeams) });
}

export function useSettings() {
  return useQuery({ queryKey: adminKeys.settings, queryFn: () => call(contract.admin.settings) });
}
