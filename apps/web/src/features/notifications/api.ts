import { useQuery } from '@tanstack/react-query';
import { notificationDigestSchema, notificationListSchema, okResponseSchema } from '@spreekkamer/shared';
import { api } from '../../api/client.js';

export const notificationKeys = { all: ['notifications'] as const };

/** One query for the bell and the list, so their counts always agree. Refreshed every minute. */
export function useNotifications(enabled = true) {
  return useQuery({ queryKey: notificationKeys.all, queryFn: () => api('/notifications', notificationListSchema), enabled, refetchInterval: 60_000 });
}

export function markRead(id: string) {
  return api(`/notifications/${encodeURIComponent(id)}/read`, okResponseSchema, { method: 'POST' });
}

export function markAllRead() {
  return api('/notifications/read-all', okResponseSchema, { method: 'POST' });
}

export const digestKeys = { all: ['notifications', 'digest'] as const };

/** The person's own choice of a daily e-mail digest, and whether e-mail is possible at all. */
export function useDigest() {
  return useQuery({ queryKey: digestKeys.all, queryFn: () => api('/notifications/digest', notificationDigestSchema) });
}
