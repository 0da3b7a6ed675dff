import { z } from 'zod';
import { idParamsSchema } from '../api/admin.js';
import { okResponseSchema } from '../api/auth.js';
import {
  allianceAnswerSchema,
  allianceDeclineSchema,
  allianceOverviewSchema,
  allianceRequestCreatedSchema,
  allianceTrendSchema,
  clientChangeRequestSchema,
  clientFeedbackErasedSchema,
  clientFeedbackOverviewSchema,
  clientFeedbackSchema,
  clientFollowUpSchema,
  clientMomentInputSchema,
  clientStepInputSchema,
  createAllianceRequestSchema,
  createFeedbackRequestSchema,
  createFollowUpSchema,
  feedbackActionInputSchema,
  feedbackActionUpdateSchema,
  feedbackDetailSchema,
  feedbackEntryInputSchema,
  feedbackHomeSchema,
  feedbackIdParamsSchema,
  feedbackItemParamsSchema,
  feedbackListSchema,
  feedbackMomentInputSchema,
  feedbackMomentUpdateSchema,
  feedbackVersionSchema,
  followUpListQuerySchema,
  followUpListSchema,
  followUpSchema,
  participantShortVersionInputSchema,
  preparationInputSchema,
  roomChangeRequestSchema,
  updateFeedbackRequestSchema,
  updateFollowUpSchema,
  voiceNoteSavedSchema,
} from '../api/feedback.js';
import { endpoints } from './endpoint.js';

const participantParamsSchema = z.object({ id: z.string().uuid(), participantId: z.string().uuid() });

/** The professional's side of client feedback: the feedback conversation (Samenleergesprek). */
export const feedback = endpoints('feedback', {
  list: { method: 'GET', path: '/feedback', audience: 'staff', summary: 'One\'s feedback conversations', response: feedbackListSchema },
  create: { method: 'POST', path: '/feedback', audience: 'staff', summary: 'Start a feedback conversation and invite clients', body: createFeedbackRequestSchema, response: feedbackDetailSchema },
  home: { method: 'GET', path: '/feedback/home', audience: 'staff', summary: 'What waits for the professional, with alliance signals', response: feedbackHomeSchema },
  get: { method: 'GET', path: '/feedback/:id', audience: 'staff', summary: 'One feedback conversation', params: feedbackIdParamsSchema, response: feedbackDetailSchema },
  version: { method: 'GET', path: '/feedback/:id/version', audience: 'staff', summary: 'A cheap version number, to poll for changes', params: feedbackIdParamsSchema, response: feedbackVersionSchema },
  update: { method: 'PATCH', path: '/feedback/:id', audience: 'staff', summary: 'Change a feedback conversation (e.g. extend the invitation)', params: feedbackIdParamsSchema, body: updateFeedbackRequestSchema, response: feedbackDetailSchema },
  remove: { method: 'DELETE', path: '/feedback/:id', audience: 'staff', summary: 'Delete a feedback conversation', params: feedbackIdParamsSchema, response: okResponseSchema },
  addMoment: { method: 'POST', path: '/feedback/:id/moments', audience: 'staff', summary: 'Add a moment to talk about', params: feedbackIdParamsSchema, body: feedbackMomentInputSchema, response: feedbackDetailSchema },
  updateMoment: { method: 'PATCH', path: '/feedback/:id/moments/:itemId', audience: 'staff', summary: 'Change a moment', params: feedbackItemParamsSchema, body: feedbackMomentUpdateSchema, response: feedbackDetailSchema },
  removeMoment: { method: 'DELETE', path: '/feedback/:id/moments/:itemId', audience: 'staff', summary: 'Remove a moment', params: feedbackItemParamsSchema, response: feedbackDetailSchema },
  putEntry: { method: 'PUT', path: '/feedback/:id/entries', audience: 'staff', summary: 'Write down what was said in a step', params: feedbackIdParamsSchema, body: feedbackEntryInputSchema, response: feedbackDetailSchema },
  addAction: { method: 'POST', path: '/feedback/:id/actions', audience: 'staff', summary: 'Agree on an action', params: feedbackIdParamsSchema, body: feedbackActionInputSchema, response: feedbackDetailSchema },
  updateAction: { method: 'PATCH', path: '/feedback/:id/actions/:itemId', audience: 'staff', summary: 'Change an action', params: feedbackItemParamsSchema, body: feedbackActionUpdateSchema, response: feedbackDetailSchema },
  removeAction: { method: 'DELETE', path: '/feedback/:id/actions/:itemId', audience: 'staff', summary: 'Remove an action', params: feedbackItemParamsSchema, response: feedbackDetailSchema },
  addChangeRequest: { method: 'POST', path: '/feedback/:id/change-requests', audience: 'staff', summary: 'Write down a change a client asks for in the room', params: feedbackIdParamsSchema, body: roomChangeRequestSchema, response: feedbackDetailSchema },
  resolveChangeRequest: { method: 'POST', path: '/feedback/:id/change-requests/:itemId/resolve', audience: 'staff', summary: 'Mark a change request as handled', params: feedbackItemParamsSchema, response: feedbackDetailSchema },
  putShortVersion: { method: 'PUT', path: '/feedback/:id/participants/:participantId/short-version', audience: 'staff', summary: 'The short version for one participant', params: participantParamsSchema, body: participantShortVersionInputSchema, response: feedbackDetailSchema },
  voiceNote: { method: 'GET', path: '/feedback/:id/participants/:participantId/voice-note', audience: 'staff', summary: 'A participant\'s spoken message (audio, to play, never to download)', params: participantParamsSchema, response: null, audio: true },
});

/** The alliance check: a few questions to the client about the working relationship. */
export const alliance = endpoints('alliance', {
  request: { method: 'POST', path: '/alliance/requests', audience: 'staff', summary: 'Ask a client the alliance questions', body: createAllianceRequestSchema, response: allianceRequestCreatedSchema },
  overview: { method: 'GET', path: '/alliance/overview', audience: 'staff', summary: 'The alliance signals of all one\'s clients', response: allianceOverviewSchema },
  trend: { method: 'GET', path: '/alliance/clients/:id', audience: 'staff', summary: 'The alliance answers of one client over time', params: idParamsSchema, response: allianceTrendSchema },
});

/** What the professional sends the client after a conversation. */
export const followUps = endpoints('followUps', {
  list: { method: 'GET', path: '/follow-ups', audience: 'staff', summary: 'Follow-ups, optionally of one client', query: followUpListQuerySchema, response: followUpListSchema },
  create: { method: 'POST', path: '/follow-ups', audience: 'staff', summary: 'Write a follow-up', body: createFollowUpSchema, response: followUpSchema },
  update: { method: 'PATCH', path: '/follow-ups/:id', audience: 'staff', summary: 'Change a follow-up that was not sent yet', params: idParamsSchema, body: updateFollowUpSchema, response: followUpSchema },
  send: { method: 'POST', path: '/follow-ups/:id/send', audience: 'staff', summary: 'Send a follow-up to the client', params: idParamsSchema, response: followUpSchema },
  remove: { method: 'DELETE', path: '/follow-ups/:id', audience: 'staff', summary: 'Delete a follow-up that was not sent yet', params: idParamsSchema, response: okResponseSchema },
});

/** The client's side of feedback, the alliance check and follow-ups, behind the client session. */
export const clientFeedback = endpoints('clientFeedback', {
  overview: { method: 'GET', path: '/client/feedback', audience: 'client', summary: 'The client\'s feedback conversations', response: clientFeedbackOverviewSchema },
  erase: { method: 'POST', path: '/client/feedback/erase', audience: 'client', summary: 'The client erases their own words', response: clientFeedbackErasedSchema },
  get: { method: 'GET', path: '/client/feedback/:id', audience: 'client', summary: 'One feedback conversation as the client sees it', params: feedbackIdParamsSchema, response: clientFeedbackSchema },
  version: { method: 'GET', path: '/client/feedback/:id/version', audience: 'client', summary: 'A cheap version number, to poll for changes', params: feedbackIdParamsSchema, response: feedbackVersionSchema },
  prepare: { method: 'POST', path: '/client/feedback/:id/preparation', audience: 'client', summary: 'The client\'s preparation', params: feedbackIdParamsSchema, body: preparationInputSchema, response: clientFeedbackSchema },
  saveVoiceNote: { method: 'POST', path: '/client/feedback/:id/voice-note', audience: 'client', summary: 'The client records a spoken message (raw audio body)', params: feedbackIdParamsSchema, response: voiceNoteSavedSchema, audio: true },
  voiceNote: { method: 'GET', path: '/client/feedback/:id/voice-note', audience: 'client', summary: 'The client\'s own spoken message (audio)', params: feedbackIdParamsSchema, response: null, audio: true },
  deleteVoiceNote: { method: 'DELETE', path: '/client/feedback/:id/voice-note', audience: 'client', summary: 'The client deletes their spoken message', params: feedbackIdParamsSchema, response: okResponseSchema },
  addChangeRequest: { method: 'POST', path: '/client/feedback/:id/change-requests', audience: 'client', summary: 'The client asks for a change in what was written', params: feedbackIdParamsSchema, body: clientChangeRequestSchema, response: clientFeedbackSchema },
  addMoment: { method: 'POST', path: '/client/feedback/:id/moments', audience: 'client', summary: 'The client chooses a moment to talk about', params: feedbackIdParamsSchema, body: clientMomentInputSchema, response: clientFeedbackSchema },
  setStep: { method: 'POST', path: '/client/feedback/:id/step', audience: 'client', summary: 'The client moves to a step', params: feedbackIdParamsSchema, body: clientStepInputSchema, response: clientFeedbackSchema },
  answerAlliance: { method: 'POST', path: '/client/alliance/:id/answer', audience: 'client', summary: 'The client answers the alliance questions', params: idParamsSchema, body: allianceAnswerSchema, response: okResponseSchema },
  declineAlliance: { method: 'POST', path: '/client/alliance/:id/decline', audience: 'client', summary: 'The client would rather not answer (a reason is optional)', params: idParamsSchema, body: allianceDeclineSchema.nullable(), response: okResponseSchema },
  followUp: { method: 'GET', path: '/client/follow-ups/:id', audience: 'client', summary: 'A follow-up sent to the client', params: idParamsSchema, response: clientFollowUpSchema },
  readFollowUp: { method: 'POST', path: '/client/follow-ups/:id/read', audience: 'client', summary: 'The client has read a follow-up', params: idParamsSchema, response: clientFollowUpSchema },
});
