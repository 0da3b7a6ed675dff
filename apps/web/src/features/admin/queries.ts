import { useQuery } from '@tanstack/react-query';
import { adminUserListSchema, organisationSettingsSchema, teamListSchema } from '@spreekkamer/shared';
import { api } from '../../api/client.js';

export const adminKeys = {
  all: ['admin'] as const,
  users: ['admin', 'users'] as const,
  teams: ['admin', 'teams'] as const,
  settings: ['admin', 'settings'] as const,
  audit: (before: number | null) => ['admin', 'audit', before] as const,
};

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: () => api('/admin/users', adminUserListSchema) });
}

export function useTeams() {
  return useQuery({ queryKey: adminKeys.teams, queryFn: () => api('/admin/teams', teamListSchema) });
}

export function useSettings() {
  return useQuery({ queryKey: adminKeys.settings, queryFn: () => api('/admin/settings', organisationSettingsSchema) });
}
