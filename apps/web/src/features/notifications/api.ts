import { useQuery } from '@tanstack/react-query';
import { contract } from '@spreekkamer/shared';
import { call } from '../../api/client.js';

export const notificationKeys = { all: ['notifications'] as const };

/** One query for the bell and the list, so their counts always agree. Refreshed every minute. */
export function useNotifications(enabled = true) {
  return useQuery({ queryKey: notificationKeys.all, queryFn: () => call(contract.notifications.list), enabled, refetchInterval: 60_000 });
}

export function markRead(id: string) {
  return call(contract.notifications.markRead, { params: { id } });
}

export function markAllRead() {
  return call(contract.notifications.markAllRead);
}

export const digestKeys = { all: ['notifications', 'digest'] as const };

/** The person's own choice of a daily e-mail digest, and whether e-mail is possible at all. */
export function useDigest() {
  return useQuery({ queryKey: digestKeys.all, queryFn: () => call(contract.notifications.digest) });
}
