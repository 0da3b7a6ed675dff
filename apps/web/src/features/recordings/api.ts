import { useQuery } from '@tanstack/react-query';
import { contract, type CreateRecordingRequest, type PlaybackDescriptor, type RecordingStatus, type UploadCreation } from '@spreekkamer/shared';
import { call } from '../../api/client.js';

export const recordingKeys = {
  all: ['recordings'] as const,
  list: (conversationId: string | null) => ['recordings', 'list', conversationId] as const,
  detail: (id: string) => ['recordings', 'detail', id] as const,
  views: (id: string) => ['recordings', 'views', id] as const,
};

/** Upload and processing still move; everything else stays as it is until someone acts. */
export function isSettled(status: RecordingStatus): boolean {
  return status === 'ready' || status === 'failed' || status === 'deleted';
}

/** How often to ask for progress while a recording is uploading or processing. */
export const pollIntervalMs = 1500;

export function useRecordingList(conversationId: string | null = null) {
  return useQuery({
    queryKey: recordingKeys.list(conversationId),
    queryFn: () =>
      call(contract.recordings.list, { query: { conversationId: conversationId ?? undefined } }),
    refetchInterval: (query) =>
      query.state.data?.recordings.some((recording) => !isSettled(recording.status)) ? pollIntervalMs * 2 : false,
  });
}

export function useRecording(id: string) {
  return useQuery({
    queryKey: recordingKeys.detail(id),
    queryFn: () => call(contract.recordings.get, { params: { id } }),
    refetchInterval: (query) => (query.state.data && !isSettled(query.state.data.status) ? pollIntervalMs : false),
    // Progress must be fresh whenever the page is looked at again.
    staleTime: 0,
  });
}

export function useRecordingViews(id: string, enabled = true) {
  return useQuery({
    queryKey: recordingKeys.views(id),
    queryFn: () => call(contract.recordings.views, { params: { id } }),
    enabled,
    staleTime: 0,
  });
}

export function createRecording(request: CreateRecordingRequest): Promise<UploadCreation> {
  return call(contract.recordings.create, { body: request });
}

export async function deleteRecording(id: string): Promise<void> {
  await call(contract.recordings.remove, { params: { id } });
}

/** Mints fresh playback tokens; the player calls this again before `refreshAt`. */
export function fetchPlayback(id: string): Promise<PlaybackDescriptor> {
  return call(contract.recordings.playback, { params: { id } });
}
