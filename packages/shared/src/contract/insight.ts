import { insightSchema } from '../api/insight.js';
import { declineReasonTotalsSchema } from '../api/no-share.js';
import { endpoints } from './endpoint.js';

/** Anonymous figures for team leads and policy advisors, never about one person. */
export const insight = endpoints('insight', {
  teams: { method: 'GET', path: '/insight/teams', audience: 'staff', summary: 'Figures per team of the team lead', response: insightSchema },
  organisation: { method: 'GET', path: '/insight/organisation', audience: 'staff', summary: 'Figures for the whole organisation', response: insightSchema },
  declineReasons: { method: 'GET', path: '/insight/decline-reasons', audience: 'staff', summary: 'Why clients said no, counted', response: declineReasonTotalsSchema },
});
