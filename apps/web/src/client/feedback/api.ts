import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { apiErrorSchema, clientFeedbackOverviewSchema, clientFeedbackSchema, feedbackVersionSchema, voiceNoteSavedSchema, type ClientFeedback } from '@spreekkamer/shared';
import { ApiError } from '../../api/client.js';
import { clientApi, clientCsrfHeaders } from '../../api/client-session.js';

const enc = encodeURIComponent;

export const clientFeedbackKeys = {
  overview: ['client', 'feedback'] as const,
  one: (id: string) => ['client', 'feedback', id] as const,
  followUp: (id: string) => ['client', 'follow-up', id] as const,
};

export function useClientFeedbackOverview() {
  return useQuery({ queryKey: clientFeedbackKeys.overview, queryFn: () => clientApi('/client/feedback', clientFeedbackOverviewSchema) });
}

/**
 * One feedback conversation. While `live`, a small content-free version check runs every few
 * seconds and the conversation is read again only when something changed.
 */
export function useClientFeedback(id: string, live: boolean) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: clientFeedbackKeys.one(id), queryFn: () => clientApi(`/client/feedback/${enc(id)}`, clientFeedbackSchema) });
  const version = useQuery({
    queryKey: [...clientFeedbackKeys.one(id), 'version'],
    queryFn: () => clientApi(`/client/feedback/${enc(id)}/version`, feedbackVersionSchema),
    enabled: live && query.isSuccess,
    refetchInterval: 3000,
  });
  const seen = useRef<string | null>(null);
  const updatedAt = version.data?.updatedAt;
  useEffect(() => {
    if (!updatedAt) return;
    if (seen.current !== null && seen.current !== updatedAt) void queryClient.invalidateQueries({ queryKey: clientFeedbackKeys.one(id), exact: true });
    seen.current = updatedAt;
  }, [updatedAt, id, queryClient]);
  return query;
}

export function setClientFeedback(queryClient: ReturnType<typeof useQueryClient>, feedback: ClientFeedback): void {
  queryClient.setQueryData(clientFeedbackKeys.one(feedback.id), feedback);
}

/** Sends a recorded voice note as raw audio (not JSON), with the client's CSRF token. */
export async function uploadVoiceNote(id: string, audio: Blob): Promise<{ durationSeconds: number }> {
  const type = (audio.type.split(';')[0] ?? '').trim() || 'audio/webm';
  let response: Response;
  try {
    response = await fetch(`/api/client/feedback/${enc(id)}/voice-note`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': type, accept: 'application/json', ...clientCsrfHeaders() },
      body: audio,
    });
  } catch {
    throw new ApiError(0, 'network', 'De verbinding is weggevallen.');
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(data);
    if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new ApiError(response.status, 'bad_request', `HTTP ${response.status}`);
  }
  return voiceNoteSavedSchema.parse(data);
}

