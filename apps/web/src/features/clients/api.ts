import { useQuery } from '@tanstack/react-query';
import { clientListSchema, clientSchema, consentCopySchema, conversationListSchema, conversationSchema, reviewerListSchema } from '@spreekkamer/shared';
import { api } from '../../api/client.js';

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
  return useQuery({ queryKey: clientKeys.all, queryFn: () => api('/clients', clientListSchema) });
}

export function useClient(id: string) {
  return useQuery({ queryKey: clientKeys.one(id), queryFn: () => api(`/clients/${enc(id)}`, clientSchema) });
}

export function useConversations(clientId: string) {
  return useQuery({ queryKey: clientKeys.conversations(clientId), queryFn: () => api(`/clients/${enc(clientId)}/conversations`, conversationListSchema) });
}

export function useConversation(id: string) {
  return useQuery({ queryKey: clientKeys.conversation(id), queryFn: () => api(`/conversations/${enc(id)}`, conversationSchema) });
}

export function useConsent(id: string | null) {
  return useQuery({ queryKey: clientKeys.consent(id ?? ''), queryFn: () => api(`/consents/${enc(id ?? '')}`, consentCopySchema), enabled: id !== null });
}

export function useReviewers() {
  return useQuery({ queryKey: clientKeys.reviewers, queryFn: () => api('/reviewers', reviewerListSchema), staleTime: 5 * 60_000 });
}

export function clientPath(id: string): string {
  return `/clienten/${enc(id)}`;
}
