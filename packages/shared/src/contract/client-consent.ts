import { idParamsSchema } from '../api/admin.js';
import { clientHomeSchema, consentCopySchema, consentFormSchema, giveConsentRequestSchema } from '../api/consent.js';
import { endpoints } from './endpoint.js';

/** The client's side of consent, behind the client session. */
export const clientConsent = endpoints('clientConsent', {
  home: { method: 'GET', path: '/client/home', audience: 'client', summary: 'The client\'s own page: what waits and what was chosen', response: clientHomeSchema },
  form: { method: 'GET', path: '/client/conversations/:id/consent-form', audience: 'client', summary: 'The consent question for one conversation', params: idParamsSchema, response: consentFormSchema },
  give: { method: 'POST', path: '/client/conversations/:id/consent', audience: 'client', summary: 'The client answers the consent question', params: idParamsSchema, body: giveConsentRequestSchema, response: consentCopySchema },
  copy: { method: 'GET', path: '/client/consents/:id', audience: 'client', summary: 'The client\'s copy of a consent', params: idParamsSchema, response: consentCopySchema },
  withdrawPolicyViewing: {
    method: 'POST', path: '/client/consents/:id/policy-viewing/withdraw', audience: 'client', summary: 'The client takes back only the choice to let policy watch a fragment', params: idParamsSchema, response: consentCopySchema,
  },
  withdraw: { method: 'POST', path: '/client/consents/:id/withdraw', audience: 'client', summary: 'The client withdraws a consent', params: idParamsSchema, response: consentCopySchema },
});
