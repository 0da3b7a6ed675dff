import { idParamsSchema } from '../api/admin.js';
import { noShareStretchInputSchema, noShareStretchListSchema, noShareStretchSchema } from '../api/no-share.js';
import { playbackDescriptorSchema } from '../api/recordings.js';
import {
  addPeerGroupMemberRequestSchema,
  anonymousClientPointsSchema,
  clientPointForClientSchema,
  clientPointListSchema,
  clientPointSchema,
  clientRelayRequestSchema,
  clientReviewTalkListSchema,
  clientTalkPlaybackQuerySchema,
  commentListQuerySchema,
  commentListSchema,
  commentSchema,
  createClientPointRequestSchema,
  createCommentRequestSchema,
  createOutcomeRequestSchema,
  createPeerGroupRequestSchema,
  createShareRequestSchema,
  momentInputSchema,
  momentListSchema,
  momentPatchSchema,
  momentSchema,
  outcomeListSchema,
  outcomeSchema,
  peerGroupListSchema,
  peerGroupMemberParamsSchema,
  peerGroupSchema,
  peopleListSchema,
  receivedShareListSchema,
  relayedClientPointListSchema,
  reviewExportSchema,
  reviewGuideSchema,
  reviewGuideUpdateSchema,
  reviewMeetingSchema,
  reviewMeetingUpdateSchema,
  shareDetailSchema,
  policyNoteRequestSchema,
  shareIdParamsSchema,
  shareListSchema,
  shareMomentParamsSchema,
  shareOptionsSchema,
  shareSchema,
  takeawayRequestSchema,
} from '../api/reviews.js';
import { endpoints } from './endpoint.js';

/** "Foreign eyes": moments, shares, comments, review meetings, client points and peer groups. */
export const reviews = endpoints('reviews', {
  guide: { method: 'GET', path: '/review-guide', audience: 'staff', summary: 'The organisation\'s review guide', response: reviewGuideSchema },
  updateGuide: { method: 'PUT', path: '/review-guide', audience: 'staff', summary: 'Change the review guide', body: reviewGuideUpdateSchema, response: reviewGuideSchema },
  resetGuide: { method: 'DELETE', path: '/review-guide', audience: 'staff', summary: 'Go back to the standard review guide', response: reviewGuideSchema },

  listMoments: { method: 'GET', path: '/recordings/:id/moments', audience: 'staff', summary: 'The moments marked in a recording', params: idParamsSchema, response: momentListSchema },
  createMoment: { method: 'POST', path: '/recordings/:id/moments', audience: 'staff', summary: 'Mark a moment', params: idParamsSchema, body: momentInputSchema, response: momentSchema },
  updateMoment: { method: 'PATCH', path: '/moments/:id', audience: 'staff', summary: 'Change a moment', params: idParamsSchema, body: momentPatchSchema, response: momentSchema },
  deleteMoment: { method: 'DELETE', path: '/moments/:id', audience: 'staff', summary: 'Delete a moment', params: idParamsSchema, response: null },

  listNoShareStretches: { method: 'GET', path: '/recordings/:id/no-share-stretches', audience: 'staff', summary: 'Stretches that are never shared', params: idParamsSchema, response: noShareStretchListSchema },
  markNoShareStretch: { method: 'POST', path: '/recordings/:id/no-share-stretches', audience: 'staff', summary: 'Mark a stretch as never to be shared', params: idParamsSchema, body: noShareStretchInputSchema, response: noShareStretchSchema },
  removeNoShareStretch: { method: 'DELETE', path: '/no-share-stretches/:id', audience: 'staff', summary: 'Remove a no-share stretch', params: idParamsSchema, response: null },
  cutNoShareStretch: { method: 'POST', path: '/no-share-stretches/:id/cut', audience: 'staff', summary: 'Cut a no-share stretch out of the stored media for good', params: idParamsSchema, response: noShareStretchSchema },

  people: { method: 'GET', path: '/reviews/people', audience: 'staff', summary: 'Colleagues one can share with', response: peopleListSchema },
  shareOptions: { method: 'GET', path: '/recordings/:id/share-options', audience: 'staff', summary: 'With whom this recording may be shared (the consent\'s scope)', params: idParamsSchema, response: shareOptionsSchema },
  listShares: { method: 'GET', path: '/recordings/:id/shares', audience: 'staff', summary: 'The shares of a recording', params: idParamsSchema, response: shareListSchema },
  createShare: { method: 'POST', path: '/recordings/:id/shares', audience: 'staff', summary: 'Share moments with a colleague or group', params: idParamsSchema, body: createShareRequestSchema, response: shareSchema },
  revokeShare: { method: 'POST', path: '/shares/:id/revoke', audience: 'staff', summary: 'Stop a share', params: idParamsSchema, response: shareSchema },
  momentPlayback: { method: 'POST', path: '/shares/:id/moments/:momentId/playback', audience: 'staff', summary: 'Short-lived addresses to play the exact cut of one shared moment', params: shareMomentParamsSchema, response: playbackDescriptorSchema },
  received: { method: 'GET', path: '/shares/received', audience: 'staff', summary: 'Shares others made with me', response: receivedShareListSchema },
  policyReceived: { method: 'GET', path: '/shares/policy-received', audience: 'staff', summary: 'Fragments professionals shared with me for policy (kijk met ons mee)', response: receivedShareListSchema },
  setPolicyNote: { method: 'PUT', path: '/shares/:id/policy-note', audience: 'staff', summary: 'The policy recipient\'s note to the owner: what I see for policy', params: idParamsSchema, body: policyNoteRequestSchema, response: shareDetailSchema },
  shareDetail: { method: 'GET', path: '/shares/:id', audience: 'staff', summary: 'One share as its recipient sees it', params: idParamsSchema, response: shareDetailSchema },

  listComments: { method: 'GET', path: '/moments/:id/comments', audience: 'staff', summary: 'Comments on a moment', params: idParamsSchema, query: commentListQuerySchema, response: commentListSchema },
  createComment: { method: 'POST', path: '/moments/:id/comments', audience: 'staff', summary: 'Comment on a moment', params: idParamsSchema, body: createCommentRequestSchema, response: commentSchema },
  deleteComment: { method: 'DELETE', path: '/comments/:id', audience: 'staff', summary: 'Delete one\'s own comment', params: idParamsSchema, response: null },
  setTakeaway: { method: 'PUT', path: '/comments/:id/takeaway', audience: 'staff', summary: 'Mark a comment as a takeaway or not', params: idParamsSchema, body: takeawayRequestSchema, response: commentSchema },

  meeting: { method: 'GET', path: '/shares/:id/meeting', audience: 'staff', summary: 'The review meeting of a share', params: idParamsSchema, response: reviewMeetingSchema },
  updateMeeting: { method: 'PUT', path: '/shares/:id/meeting', audience: 'staff', summary: 'Plan or change the review meeting', params: idParamsSchema, body: reviewMeetingUpdateSchema, response: reviewMeetingSchema },
  outcomes: { method: 'GET', path: '/recordings/:id/outcomes', audience: 'staff', summary: 'What came out of the review meetings', params: idParamsSchema, response: outcomeListSchema },
  addOutcome: { method: 'POST', path: '/recordings/:id/outcomes', audience: 'staff', summary: 'Write down an outcome', params: idParamsSchema, body: createOutcomeRequestSchema, response: outcomeSchema },
  deleteOutcome: { method: 'DELETE', path: '/outcomes/:id', audience: 'staff', summary: 'Delete an outcome', params: idParamsSchema, response: null },

  listClientPoints: { method: 'GET', path: '/shares/:id/client-points', audience: 'staff', summary: 'The reviewer\'s points for the client', params: idParamsSchema, response: clientPointListSchema },
  addClientPoint: { method: 'POST', path: '/shares/:id/client-points', audience: 'staff', summary: 'The reviewer adds a point for the client', params: idParamsSchema, body: createClientPointRequestSchema, response: clientPointSchema },
  removeClientPoint: { method: 'DELETE', path: '/client-points/:id', audience: 'staff', summary: 'Remove a point for the client', params: idParamsSchema, response: null },
  anonymousClientPoints: { method: 'GET', path: '/client-points/anonymous', audience: 'staff', summary: 'Client points passed on without a name', response: anonymousClientPointsSchema },
  relayedClientPoints: { method: 'GET', path: '/recordings/:id/client-points', audience: 'staff', summary: 'Client points the client passed on to the professional', params: idParamsSchema, response: relayedClientPointListSchema },

  listPeerGroups: { method: 'GET', path: '/peer-groups', audience: 'staff', summary: 'One\'s peer groups', response: peerGroupListSchema },
  createPeerGroup: { method: 'POST', path: '/peer-groups', audience: 'staff', summary: 'Start a peer group', body: createPeerGroupRequestSchema, response: peerGroupSchema },
  inviteToPeerGroup: { method: 'POST', path: '/peer-groups/:id/members', audience: 'staff', summary: 'Invite a colleague to a peer group', params: idParamsSchema, body: addPeerGroupMemberRequestSchema, response: peerGroupSchema },
  removeFromPeerGroup: { method: 'DELETE', path: '/peer-groups/:id/members/:userId', audience: 'staff', summary: 'Remove a member from a peer group', params: peerGroupMemberParamsSchema, response: peerGroupSchema },
  acceptPeerGroup: { method: 'POST', path: '/peer-groups/:id/accept', audience: 'staff', summary: 'Accept an invitation to a peer group', params: idParamsSchema, response: peerGroupSchema },
  leavePeerGroup: { method: 'POST', path: '/peer-groups/:id/leave', audience: 'staff', summary: 'Leave a peer group', params: idParamsSchema, response: null },

  export: { method: 'GET', path: '/recordings/:id/review-export', audience: 'staff', summary: 'Everything written about a recording', params: idParamsSchema, response: reviewExportSchema },
  exportMarkdown: { method: 'GET', path: '/recordings/:id/review-export.md', audience: 'staff', summary: 'The same as a Markdown file', params: idParamsSchema, response: null, download: 'text/markdown' },
  exportCsv: { method: 'GET', path: '/recordings/:id/review-export.csv', audience: 'staff', summary: 'The same as a CSV file', params: idParamsSchema, response: null, download: 'text/csv' },
});

/** The client's side: their talks with a reviewer and their choice per point. */
export const clientReviews = endpoints('clientReviews', {
  talks: { method: 'GET', path: '/client/review-talks', audience: 'client', summary: 'The client\'s talks with a reviewer', response: clientReviewTalkListSchema },
  noShareStretches: { method: 'GET', path: '/client/consents/:id/no-share-stretches', audience: 'client', summary: 'Stretches the client keeps out of every share', params: idParamsSchema, response: noShareStretchListSchema },
  markNoShareStretch: { method: 'POST', path: '/client/consents/:id/no-share-stretches', audience: 'client', summary: 'The client keeps a stretch out of every share', params: idParamsSchema, body: noShareStretchInputSchema, response: noShareStretchListSchema },
  removeNoShareStretch: { method: 'DELETE', path: '/client/no-share-stretches/:id', audience: 'client', summary: 'The client takes back a stretch they marked', params: idParamsSchema, response: null },
  cutNoShareStretch: { method: 'POST', path: '/client/no-share-stretches/:id/cut', audience: 'client', summary: 'The client asks to cut their stretch out of the stored media', params: idParamsSchema, response: noShareStretchSchema },
  relay: { method: 'POST', path: '/client/client-points/:id/relay', audience: 'client', summary: 'The client decides whether a point goes to the professional', params: idParamsSchema, body: clientRelayRequestSchema, response: clientPointForClientSchema },
  talkPlayback: { method: 'GET', path: '/client/review-talks/:shareId/playback', audience: 'client', summary: 'Play a fragment on the reviewer\'s device with the client present (both sessions)', params: shareIdParamsSchema, query: clientTalkPlaybackQuerySchema, response: playbackDescriptorSchema },
});
