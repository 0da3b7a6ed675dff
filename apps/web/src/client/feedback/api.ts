import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { type ClientFeedback, contract, voiceNoteSavedSchema } from '@spreekkamer/shared';
import { ApiError, apiErrorFrom, call, clientCsrfHeaders, hrefOf } from '../../api/client.js';


export const clientFeedbackKeys = {
  overview: ['client', 'feedback'] as const,
  one: (id: string) => ['client', 'feedback', id] as const,
  followUp: (id: string) => ['client', 'follow-up', id] as const,
};

export function useClientFeedbackOverview() {
  return useQuery({ queryKey: clientFeedbackKeys.overview, queryFn: () => call(contract.clientFeedback.overview) });
}

/**
 * One feedback conversation. While `live`, a small content-free version check runs every few
 * seconds and the conversation is read again only when something changed.
 */
export function useClientFeedback(id: string, live: boolean) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: clientFeedbackKeys.one(id), queryFn: () => call(contract.clientFeedback.get, { params: { id } }) });
  const version = useQuery({
    queryKey: [...clientFeedbackKeys.one(id), 'version'],
    queryFn: () => call(contract.clientFeedback.version, { params: { id } }),
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
    response = await fetch(hrefOf(contract.clientFeedback.saveVoiceNote, { params: { id } }), {
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
    throw apiErrorFrom(response.status, data);
  }
  return voiceNoteSavedSchema.parse(data);
}

