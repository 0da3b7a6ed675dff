import { useQuery } from '@tanstack/react-query';
import {
  anonymousClientPointsSchema,
  clientPointListSchema,
  clientPointSchema,
  commentListSchema,
  commentSchema,
  momentListSchema,
  momentSchema,
  noShareStretchListSchema,
  noShareStretchSchema,
  outcomeListSchema,
  outcomeSchema,
  peerGroupListSchema,
  peerGroupSchema,
  peopleListSchema,
  playbackDescriptorSchema,
  receivedShareListSchema,
  relayedClientPointListSchema,
  reviewExportSchema,
  reviewGuideSchema,
  reviewMeetingSchema,
  shareDetailSchema,
  shareListSchema,
  shareOptionsSchema,
  shareSchema,
  type CommentKind,
  type CreateShareRequest,
  type MomentInput,
  type MomentPatch,
  type NoShareStretchInput,
  type PlaybackDescriptor,
  type ReviewGuideUpdate,
} from '@spreekkamer/shared';
import { api, type Parser } from '../../api/client.js';

const enc = encodeURIComponent;
/** DELETE and some POSTs answer 204 without a body. */
const noContent: Parser<void> = { parse: () => undefined };

export const reviewKeys = {
  moments: (recordingId: string) => ['reviews', 'moments', recordingId] as const,
  shares: (recordingId: string) => ['reviews', 'shares', recordingId] as const,
  shareOptions: (recordingId: string) => ['reviews', 'share-options', recordingId] as const,
  outcomes: (recordingId: string) => ['reviews', 'outcomes', recordingId] as const,
  relayed: (recordingId: string) => ['reviews', 'relayed', recordingId] as const,
  anonymousPoints: ['reviews', 'anonymous-points'] as const,
  received: ['reviews', 'received'] as const,
  share: (shareId: string) => ['reviews', 'share', shareId] as const,
  comments: (momentId: string, shareId: string | null) => ['reviews', 'comments', momentId, shareId] as const,
  meeting: (shareId: string) => ['reviews', 'meeting', shareId] as const,
  clientPoints: (shareId: string) => ['reviews', 'client-points', shareId] as const,
  groups: ['reviews', 'groups'] as const,
  people: ['reviews', 'people'] as const,
  guide: ['reviews', 'guide'] as const,
  exportData: (recordingId: string) => ['reviews', 'export', recordingId] as const,
  noShare: (recordingId: string) => ['reviews', 'no-share', recordingId] as const,
};

export const useMoments = (recordingId: string) => useQuery({ queryKey: reviewKeys.moments(recordingId), queryFn: () => api(`/recordings/${enc(recordingId)}/moments`, momentListSchema) });
export const useShares = (recordingId: string) => useQuery({ queryKey: reviewKeys.shares(recordingId), queryFn: () => api(`/recordings/${enc(recordingId)}/shares`, shareListSchema) });
export const useShareOptions = (recordingId: string, enabled: boolean) =>
  useQuery({ queryKey: reviewKeys.shareOptions(recordingId), queryFn: () => api(`/recordings/${enc(recordingId)}/share-options`, shareOptionsSchema), enabled, staleTime: 0 });
export const useOutcomes = (recordingId: string) => useQuery({ queryKey: reviewKeys.outcomes(recordingId), queryFn: () => api(`/recordings/${enc(recordingId)}/outcomes`, outcomeListSchema) });
export const useRelayedPoints = (recordingId: string) =>
  useQuery({ queryKey: reviewKeys.relayed(recordingId), queryFn: () => api(`/recordings/${enc(recordingId)}/client-points`, relayedClientPointListSchema) });
export const useAnonymousPoints = () => useQuery({ queryKey: reviewKeys.anonymousPoints, queryFn: () => api('/client-points/anonymous', anonymousClientPointsSchema) });
export const useReceivedShares = () => useQuery({ queryKey: reviewKeys.received, queryFn: () => api('/shares/received', receivedShareListSchema), staleTime: 0 });
export const useShare = (shareId: string) => useQuery({ queryKey: reviewKeys.share(shareId), queryFn: () => api(`/shares/${enc(shareId)}`, shareDetailSchema), staleTime: 0 });
export const useComments = (momentId: string, shareId: string | null) =>
  useQuery({
    queryKey: reviewKeys.comments(momentId, shareId),
    queryFn: () => api(`/moments/${enc(momentId)}/comments${shareId ? `?shareId=${enc(shareId)}` : ''}`, commentListSchema),
    staleTime: 0,
  });
export const useMeeting = (shareId: string) => useQuery({ queryKey: reviewKeys.meeting(shareId), queryFn: () => api(`/shares/${enc(shareId)}/meeting`, reviewMeetingSchema), staleTime: 0 });
export const useClientPoints = (shareId: string) =>
  useQuery({ queryKey: reviewKeys.clientPoints(shareId), queryFn: () => api(`/shares/${enc(shareId)}/client-points`, clientPointListSchema), staleTime: 0, refetchInterval: 5000 });
export const usePeerGroups = () => useQuery({ queryKey: reviewKeys.groups, queryFn: () => api('/peer-groups', peerGroupListSchema) });
export const usePeople = () => useQuery({ queryKey: reviewKeys.people, queryFn: () => api('/reviews/people', peopleListSchema) });
export const useReviewGuide = () => useQuery({ queryKey: reviewKeys.guide, queryFn: () => api('/review-guide', reviewGuideSchema), staleTime: 5 * 60_000 });
export const useReviewExport = (recordingId: string) =>
  useQuery({ queryKey: reviewKeys.exportData(recordingId), queryFn: () => api(`/recordings/${enc(recordingId)}/review-export`, reviewExportSchema) });

export const useNoShareStretches = (recordingId: string) =>
  useQuery({ queryKey: reviewKeys.noShare(recordingId), queryFn: () => api(`/recordings/${enc(recordingId)}/no-share-stretches`, noShareStretchListSchema) });
export const markNoShare = (recordingId: string, body: NoShareStretchInput) => api(`/recordings/${enc(recordingId)}/no-share-stretches`, noShareStretchSchema, { method: 'POST', body });
export const removeNoShare = (stretchId: string) => api(`/no-share-stretches/${enc(stretchId)}`, noContent, { method: 'DELETE' });

export const createMoment = (recordingId: string, body: MomentInput) => api(`/recordings/${enc(recordingId)}/moments`, momentSchema, { method: 'POST', body });
export const updateMoment = (momentId: string, body: MomentPatch) => api(`/moments/${enc(momentId)}`, momentSchema, { method: 'PATCH', body });
export const deleteMoment = (momentId: string) => api(`/moments/${enc(momentId)}`, noContent, { method: 'DELETE' });
export const createShare = (recordingId: string, body: CreateShareRequest) => api(`/recordings/${enc(recordingId)}/shares`, shareSchema, { method: 'POST', body });
export const revokeShare = (shareId: string) => api(`/shares/${enc(shareId)}/revoke`, shareSchema, { method: 'POST' });

export interface CommentDraft {
  shareId: string | null;
  parentId: string | null;
  atSeconds: number;
  kind: CommentKind;
  body: string;
  confirmJudging?: boolean;
}
export const createComment = (momentId: string, body: CommentDraft) => api(`/moments/${enc(momentId)}/comments`, commentSchema, { method: 'POST', body });
export const deleteComment = (commentId: string) => api(`/comments/${enc(commentId)}`, noContent, { method: 'DELETE' });
export const setTakeaway = (commentId: string, takeaway: boolean) => api(`/comments/${enc(commentId)}/takeaway`, commentSchema, { method: 'PUT', body: { takeaway } });

export const saveMeeting = (shareId: string, body: { analysis: string; meetingOn: string | null }) => api(`/shares/${enc(shareId)}/meeting`, reviewMeetingSchema, { method: 'PUT', body });
export const addOutcome = (recordingId: string, body: { kind: 'takeaway' | 'agreement'; text: string; shareId: string | null }) =>
  api(`/recordings/${enc(recordingId)}/outcomes`, outcomeSchema, { method: 'POST', body });
export const deleteOutcome = (outcomeId: string) => api(`/outcomes/${enc(outcomeId)}`, noContent, { method: 'DELETE' });

export const addClientPoint = (shareId: string, body: { text: string; momentId: string | null }) => api(`/shares/${enc(shareId)}/client-points`, clientPointSchema, { method: 'POST', body });
export const removeClientPoint = (pointId: string) => api(`/client-points/${enc(pointId)}`, noContent, { method: 'DELETE' });

export const createGroup = (body: { name: string; memberIds: string[] }) => api('/peer-groups', peerGroupSchema, { method: 'POST', body });
export const inviteToGroup = (groupId: string, userId: string) => api(`/peer-groups/${enc(groupId)}/members`, peerGroupSchema, { method: 'POST', body: { userId } });
export const removeFromGroup = (groupId: string, userId: string) => api(`/peer-groups/${enc(groupId)}/members/${enc(userId)}`, peerGroupSchema, { method: 'DELETE' });
export const acceptGroup = (groupId: string) => api(`/peer-groups/${enc(groupId)}/accept`, peerGroupSchema, { method: 'POST' });
export const leaveGroup = (groupId: string) => api(`/peer-groups/${enc(groupId)}/leave`, noContent, { method: 'POST' });

export const updateGuide = (body: ReviewGuideUpdate) => api('/review-guide', reviewGuideSchema, { method: 'PUT', body });
export const resetGuide = () => api('/review-guide', reviewGuideSchema, { method: 'DELETE' });

/**
 * The playback descriptor of the exact cut of one shared moment: its media holds only that span,
 * starting at `startsAtSeconds` on the recording's clock. 409 span_preparing while it is being cut.
 */
export function fetchSharedSpanPlayback(shareId: string, momentId: string): Promise<PlaybackDescriptor> {
  return api(`/shares/${enc(shareId)}/moments/${enc(momentId)}/playback`, playbackDescriptorSchema, { method: 'POST' });
}

export function exportUrl(recordingId: string, format: 'md' | 'csv'): string {
  return `/api/recordings/${enc(recordingId)}/review-export.${format}`;
}
