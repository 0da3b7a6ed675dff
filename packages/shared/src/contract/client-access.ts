import { okResponseSchema } from '../api/auth.js';
import { idParamsSchema } from '../api/admin.js';
import {
  clientAccessIssuedSchema,
  clientLinkLanguagesSchema,
  clientLinkParamsSchema,
  clientSessionResponseSchema,
  issueClientAccessRequestSchema,
  openClientSessionRequestSchema,
  setClientLocaleRequestSchema,
} from '../api/client-access.js';
import { myDataSchema } from '../api/my-data.js';
import { endpoints } from './endpoint.js';

/** How a client gets in: the personal link with its code, or a hand-over in the room. */
export const clientAccess = endpoints('clientAccess', {
  open: { method: 'POST', path: '/client/session', audience: 'public', summary: 'Open the client\'s session with the personal link and its code', body: openClientSessionRequestSchema, response: clientSessionResponseSchema },
  linkLanguages: { method: 'GET', path: '/client/links/:token/languages', audience: 'public', summary: 'The languages a personal link can be read in', params: clientLinkParamsSchema, response: clientLinkLanguagesSchema },
  session: { method: 'GET', path: '/client/session', audience: 'client', summary: 'The client on this device', response: clientSessionResponseSchema },
  setLocale: { method: 'PUT', path: '/client/locale', audience: 'client', summary: 'The client chooses a language', body: setClientLocaleRequestSchema, response: clientSessionResponseSchema },
  myData: { method: 'GET', path: '/client/my-data', audience: 'client', summary: 'Everything kept about the client (GDPR art. 15), on their own device only', response: myDataSchema },
  close: { method: 'DELETE', path: '/client/session', audience: 'client', summary: 'End the client\'s session on this device', response: okResponseSchema },
  issue: { method: 'POST', path: '/clients/:id/access', audience: 'staff', summary: 'Make a new personal link and code for a client (on paper, QR or e-mail)', params: idParamsSchema, body: issueClientAccessRequestSchema.nullish(), response: clientAccessIssuedSchema },
  handOver: { method: 'POST', path: '/clients/:id/hand-over', audience: 'staff', summary: 'Hand this device to the client in the room', params: idParamsSchema, response: clientSessionResponseSchema },
});
