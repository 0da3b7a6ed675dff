import { z } from 'zod';
import { idParamsSchema } from '../api/admin.js';
import {
  clientHelperSchema,
  clientHelperShownSchema,
  clientPreparationPointDecisionSchema,
  feedbackHelpersSchema,
  feedbackIdParamsSchema,
  inviteHelperSchema,
  preparationHelpListSchema,
  preparationHelpSchema,
  preparationPointInputSchema,
} from '../api/feedback.js';
import { endpoints } from './endpoint.js';

const participantParamsSchema = z.object({ id: z.string().uuid(), participantId: z.string().uuid() });
const pointParamsSchema = z.object({ id: z.string().uuid(), pointId: z.string().uuid() });

/** Help with preparing a Samenleergesprek from an independent coach, without any recording. */
export const preparationHelp = endpoints('preparationHelp', {
  helpers: { method: 'GET', path: '/feedback/:id/helpers', audience: 'staff', summary: 'The helpers invited for a feedback conversation', params: feedbackIdParamsSchema, response: feedbackHelpersSchema },
  invite: { method: 'PUT', path: '/feedback/:id/participants/:participantId/helper', audience: 'staff', summary: 'Invite a helper for one participant', params: participantParamsSchema, body: inviteHelperSchema, response: feedbackHelpersSchema },
  end: { method: 'DELETE', path: '/feedback/:id/participants/:participantId/helper', audience: 'staff', summary: 'End a helper\'s help', params: participantParamsSchema, response: feedbackHelpersSchema },
  listForHelper: { method: 'GET', path: '/preparation-helps', audience: 'staff', summary: 'The preparations one helps with', response: preparationHelpListSchema },
  getForHelper: { method: 'GET', path: '/preparation-helps/:id', audience: 'staff', summary: 'One preparation, as far as the client shows it', params: idParamsSchema, response: preparationHelpSchema },
  addPoint: { method: 'POST', path: '/preparation-helps/:id/points', audience: 'staff', summary: 'The helper writes down a point', params: idParamsSchema, body: preparationPointInputSchema, response: preparationHelpSchema },
  forClient: { method: 'GET', path: '/client/feedback/:id/helper', audience: 'client', summary: 'The client\'s helper and the helper\'s points', params: feedbackIdParamsSchema, response: clientHelperSchema },
  clientShow: { method: 'POST', path: '/client/feedback/:id/helper/shown', audience: 'client', summary: 'The client chooses what the helper sees', params: feedbackIdParamsSchema, body: clientHelperShownSchema, response: clientHelperSchema },
  clientDecide: { method: 'POST', path: '/client/feedback/:id/helper/points/:pointId', audience: 'client', summary: 'The client decides whether a helper\'s point goes on', params: pointParamsSchema, body: clientPreparationPointDecisionSchema, response: clientHelperSchema },
});
