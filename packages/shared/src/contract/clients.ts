import { idParamsSchema } from '../api/admin.js';
import {
  clientListSchema,
  clientSchema,
  conversationListSchema,
  conversationSchema,
  createClientRequestSchema,
  createConversationRequestSchema,
  reviewerListSchema,
  updateClientRequestSchema,
  updateConversationRequestSchema,
} from '../api/clients.js';
import { consentCopySchema, professionalConsentRequestSchema } from '../api/consent.js';
import { endpoints } from './endpoint.js';

/** The professional's own clients and conversations. */
export const clients = endpoints('clients', {
  list: { method: 'GET', path: '/clients', audience: 'staff', summary: 'The professional\'s own clients', response: clientListSchema },
  create: { method: 'POST', path: '/clients', audience: 'staff', summary: 'Add a client (by pseudonym)', body: createClientRequestSchema, response: clientSchema },
  get: { method: 'GET', path: '/clients/:id', audience: 'staff', summary: 'One client', params: idParamsSchema, response: clientSchema },
  update: { method: 'PATCH', path: '/clients/:id', audience: 'staff', summary: 'Change a client', params: idParamsSchema, body: updateClientRequestSchema, response: clientSchema },
  listConversations: { method: 'GET', path: '/clients/:id/conversations', audience: 'staff', summary: 'A client\'s conversations', params: idParamsSchema, response: conversationListSchema },
  createConversation: { method: 'POST', path: '/clients/:id/conversations', audience: 'staff', summary: 'Plan a conversation with a client', params: idParamsSchema, body: createConversationRequestSchema, response: conversationSchema },
  getConversation: { method: 'GET', path: '/conversations/:id', audience: 'staff', summary: 'One conversation', params: idParamsSchema, response: conversationSchema },
  updateConversation: { method: 'PATCH', path: '/conversations/:id', audience: 'staff', summary: 'Change a conversation (e.g. its reviewer)', params: idParamsSchema, body: updateConversationRequestSchema, response: conversationSchema },
  listReviewers: { method: 'GET', path: '/reviewers', audience: 'staff', summary: 'Who may be chosen as reviewer', response: reviewerListSchema },
});

/** Consent as the professional sees it. */
export const consent = endpoints('consent', {
  copy: { method: 'GET', path: '/consents/:id', audience: 'staff', summary: 'The professional\'s copy of a consent', params: idParamsSchema, response: consentCopySchema },
  confirmAsProfessional: { method: 'POST', path: '/consents/:id/professional-consent', audience: 'staff', summary: 'The professional confirms their own consent', params: idParamsSchema, body: professionalConsentRequestSchema, response: consentCopySchema },
});
