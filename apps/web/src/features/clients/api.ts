import { useQuery } from '@tanstack/react-query';
import { contract } from '@spreekkamer/shared';
import { call } from '../../api/client.js';

export const clientKeys = {
  all: ['clients'] as const,
  one: (id: string) => ['clients', id] as const,
  conversations: (id: string) => ['clients', id, 'conversations'] as const,
  conversation: (id: string) => ['conversations', id] as const,
  consent: (id: string) => ['consents', id] as const,
  reviewers: ['reviewers'] as const,
};

const enc = encodeURIComponent;

export function useClients() {
  return useQuery({ queryKey: clientKeys.all, queryFn: () => call(contract.clients.list) });
}

export function useClient(id: string) {
  return useQuery({ queryKey: clientKeys.one(id), queryFn: () => call(contract.clients.get, { params: { id } }) });
}

export function useConversations(clientId: string) {
  return useQuery({ queryKey: clientKeys.conversations(clientId), queryFn: () => call(contract.clients.listConversations, { params: { id: clientId } }) });
}

export function useConversation(id: string) {
  return useQuery({ queryKey: clientKeys.conversation(id), queryFn: () => call(contract.clients.getConversation, { params: { id } }) });
}

export function useConsent(id: string | null) {
  return useQuery({ queryKey: clientKeys.consent(id ?? ''), queryFn: () => call(contract.consent.copy, { params: { id: id ?? '' } }), enabled: id !== null });
}

export function useReviewers() {
  return useQuery({ queryKey: clientKeys.reviewers, queryFn: () => call(contract.clients.listReviewers), staleTime: 5 * 60_000 });
}

export function clientPath(id: string): string {
  return `/clienten/${enc(id)}`;
}
