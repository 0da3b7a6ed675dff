import { useQuery } from '@tanstack/react-query';
import {
  type CommentKind,
  contract,
  type CreateShareRequest,
  type MomentInput,
  type MomentPatch,
  type NoShareStretchInput,
  type PlaybackDescriptor,
  type ReviewGuideUpdate,
} from '@spreekkamer/shared';
import { call, hrefOf } from '../../api/client.js';

export const reviewKeys = {
  moments: (recordingId: string) => ['reviews', 'moments', recordingId] as const,
  shares: (recordingId: string) => ['reviews', 'shares', recordingId] as const,
  shareOptions: (recordingId: string) => ['reviews', 'share-options', recordingId] as const,
  outcomes: (recordingId: string) => ['reviews', 'outcomes', recordingId] as const,
  relayed: (recordingId: string) => ['reviews', 'relayed', recordingId] as const,
  anonymousPoints: ['reviews', 'anonymous-points'] as const,
  received: ['reviews', 'received'] as const,
  policyReceived: ['reviews', 'policy-received'] as const,
  share: (shareId: string) => ['reviews', 'share', shareId] as const,
  comments: (momentId: string, shareId: string | null) => ['reviews', 'comments', momentId, shareId] as const,
  commentsOfMoment: (momentId: string) => ['reviews', 'comments', momentId] as const,
  allOutcomes: ['reviews', 'outcomes'] as const,
  meeting: (shareId: string) => ['reviews', 'meeting', shareId] as const,
  clientPoints: (shareId: string) => ['reviews', 'client-points', shareId] as const,
  groups: ['reviews', 'groups'] as const,
  people: ['reviews', 'people'] as const,
  guide: ['reviews', 'guide'] as const,
  exportData: (recordingId: string) => ['reviews', 'export', recordingId] as const,
  noShare: (recordingId: string) => ['reviews', 'no-share', recordingId] as const,
};

export const useMoments = (recordingId: string) => useQuery({ queryKey: reviewKeys.moments(recordingId), queryFn: () => call(contract.reviews.listMoments, { params: { id: recordingId } }) });
export const useShares = (recordingId: string) => useQuery({ queryKey: reviewKeys.shares(recordingId), queryFn: () => call(contract.reviews.listShares, { params: { id: recordingId } }) });
export const useShareOptions = (recordingId: string, enabled: boolean) =>
  useQuery({ queryKey: reviewKeys.shareOptions(recordingId), queryFn: () => call(contract.reviews.shareOptions, { params: { id: recordingId } }), enabled, staleTime: 0 });
export const useOutcomes = (recordingId: string) => useQuery({ queryKey: reviewKeys.outcomes(recordingId), queryFn: () => call(contract.reviews.outcomes, { params: { id: recordingId } }) });
export const useRelayedPoints = (recordingId: string) =>
  useQuery({ queryKey: reviewKeys.relayed(recordingId), queryFn: () => call(contract.reviews.relayedClientPoints, { params: { id: recordingId } }) });
export const useAnonymousPoints = () => useQuery({ queryKey: reviewKeys.anonymousPoints, queryFn: () => call(contract.reviews.anonymousClientPoints) });
export const useReceivedShares = () => useQuery({ queryKey: reviewKeys.received, queryFn: () => call(contract.reviews.received), staleTime: 0 });
/** "Kijk met ons mee": what professionals shared with me for policy; the home page summarises this same query. */
export const usePolicyShares = () => useQuery({ queryKey: reviewKeys.policyReceived, queryFn: () => call(contract.reviews.policyReceived), staleTime: 0 });
export const savePolicyNote = (shareId: string, note: string) => call(contract.reviews.setPolicyNote, { params: { id: shareId }, body: { note } });
export const useShare = (shareId: string) => useQuery({ queryKey: reviewKeys.share(shareId), queryFn: () => call(contract.reviews.shareDetail, { params: { id: shareId } }), staleTime: 0 });
export const useComments = (momentId: string, shareId: string | null) =>
  useQuery({
    queryKey: reviewKeys.comments(momentId, shareId),
    queryFn: () => call(contract.reviews.listComments, { params: { id: momentId }, query: { shareId: shareId ?? undefined } }),
    staleTime: 0,
  });
export const useMeeting = (shareId: string) => useQuery({ queryKey: reviewKeys.meeting(shareId), queryFn: () => call(contract.reviews.meeting, { params: { id: shareId } }), staleTime: 0 });
export const useClientPoints = (shareId: string) =>
  useQuery({ queryKey: reviewKeys.clientPoints(shareId), queryFn: () => call(contract.reviews.listClientPoints, { params: { id: shareId } }), staleTime: 0, refetchInterval: 5000 });
export const usePeerGroups = () => useQuery({ queryKey: reviewKeys.groups, queryFn: () => call(contract.reviews.listPeerGroups) });
export const usePeople = () => useQuery({ queryKey: reviewKeys.people, queryFn: () => call(contract.reviews.people) });
export const useReviewGuide = () => useQuery({ queryKey: reviewKeys.guide, queryFn: () => call(contract.reviews.guide), staleTime: 5 * 60_000 });
export const useReviewExport = (recordingId: string) =>
  useQuery({ queryKey: reviewKeys.exportData(recordingId), queryFn: () => call(contract.reviews.export, { params: { id: recordingId } }) });

export const useNoShareStretches = (recordingId: string) =>
  useQuery({ queryKey: reviewKeys.noShare(recordingId), queryFn: () => call(contract.reviews.listNoShareStretches, { params: { id: recordingId } }) });
export const markNoShare = (recordingId: string, body: NoShareStretchInput) => call(contract.reviews.markNoShareStretch, { params: { id: recordingId }, body });
export const removeNoShare = (stretchId: string) => call(contract.reviews.removeNoShareStretch, { params: { id: stretchId } });

export const createMoment = (recordingId: string, body: MomentInput) => call(contract.reviews.createMoment, { params: { id: recordingId }, body });
export const updateMoment = (momentId: string, body: MomentPatch) => call(contract.reviews.updateMoment, { params: { id: momentId }, body });
export const deleteMoment = (momentId: string) => call(contract.reviews.deleteMoment, { params: { id: momentId } });
export const createShare = (recordingId: string, body: CreateShareRequest) => call(contract.reviews.createShare, { params: { id: recordingId }, body });
export const revokeShare = (shareId: string) => call(contract.reviews.revokeShare, { params: { id: shareId } });

export interface CommentDraft {
  shareId: string | null;
  parentId: string | null;
  atSeconds: number;
  kind: CommentKind;
  body: string;
  confirmJudging?: boolean;
}
export const createComment = (momentId: string, body: CommentDraft) => call(contract.reviews.createComment, { params: { id: momentId }, body });
export const deleteComment = (commentId: string) => call(contract.reviews.deleteComment, { params: { id: commentId } });
export const setTakeaway = (commentId: string, takeaway: boolean) => call(contract.reviews.setTakeaway, { params: { id: commentId }, body: { takeaway } });

export const saveMeeting = (shareId: string, body: { analysis: string; meetingOn: string | null }) => call(contract.reviews.updateMeeting, { params: { id: shareId }, body });
export const addOutcome = (recordingId: string, body: { kind: 'takeaway' | 'agreement'; text: string; shareId: string | null }) =>
  call(contract.reviews.addOutcome, { params: { id: recordingId }, body });
export const deleteOutcome = (outcomeId: string) => call(contract.reviews.deleteOutcome, { params: { id: outcomeId } });

export const addClientPoint = (shareId: string, body: { text: string; momentId: string | null }) => call(contract.reviews.addClientPoint, { params: { id: shareId }, body });
export const removeClientPoint = (pointId: string) => call(contract.reviews.removeClientPoint, { params: { id: pointId } });

export const createGroup = (body: { name: string; memberIds: string[] }) => call(contract.reviews.createPeerGroup, { body });
export const inviteToGroup = (groupId: string, userId: string) => call(contract.reviews.inviteToPeerGroup, { params: { id: groupId }, body: { userId } });
export const removeFromGroup = (groupId: string, userId: string) => call(contract.reviews.removeFromPeerGroup, { params: { id: groupId, userId } });
export const acceptGroup = (groupId: string) => call(contract.reviews.acceptPeerGroup, { params: { id: groupId } });
export const leaveGroup = (groupId: string) => call(contract.reviews.leavePeerGroup, { params: { id: groupId } });

export const updateGuide = (body: ReviewGuideUpdate) => call(contract.reviews.updateGuide, { body });
export const resetGuide = () => call(contract.reviews.resetGuide);

/**
 * The playback descriptor of the exact cut of one shared moment: its media holds only that span,
 * starting at `startsAtSeconds` on the recording's clock. 409 span_preparing while it is being cut.
 */
export function fetchSharedSpanPlayback(shareId: string, momentId: string): Promise<PlaybackDescriptor> {
  return call(contract.reviews.momentPlayback, { params: { id: shareId, momentId } });
}

export function exportUrl(recordingId: string, format: 'md' | 'csv'): string {
  return hrefOf(format === 'md' ? contract.reviews.exportMarkdown : contract.reviews.exportCsv, { params: { id: recordingId } });
}
