import { z } from 'zod';
import * as adminSchemas from '../api/admin.js';
import * as authSchemas from '../api/auth.js';
import * as clientAccessSchemas from '../api/client-access.js';
import * as clientsSchemas from '../api/clients.js';
import * as consentSchemas from '../api/consent.js';
import * as feedbackSchemas from '../api/feedback.js';
import * as insightSchemas from '../api/insight.js';
import * as learningSchemas from '../api/learning.js';
import * as noShareSchemas from '../api/no-share.js';
import * as notificationsSchemas from '../api/notifications.js';
import * as recordingsSchemas from '../api/recordings.js';
import * as reviewsSchemas from '../api/reviews.js';
import * as rhythmSchemas from '../api/rhythm.js';
import * as ssoSchemas from '../api/sso.js';
import * as explainerSchemas from '../api/explainer.js';
import * as myDataSchemas from '../api/my-data.js';
import * as teamAgendaSchemas from '../api/team-agenda.js';
import * as signalsSchemas from '../api/signals.js';
import * as organisationPictureSchemas from '../api/organisation-picture.js';
import { problemSchema } from '../errors.js';
import { account } from './account.js';
import { admin } from './admin.js';
import { clientAccess } from './client-access.js';
import { clientConsent } from './client-consent.js';
import { clients, consent } from './clients.js';
import type { Endpoint } from './endpoint.js';
import { alliance, clientFeedback, feedback, followUps } from './feedback.js';
import { insight } from './insight.js';
import { learning } from './learning.js';
import { notifications } from './notifications.js';
import { preparationHelp } from './preparation-help.js';
import { clientReviews, reviews } from './reviews.js';
import { recordings } from './recordings.js';
import { rhythm } from './rhythm.js';
import { sso } from './sso.js';
import { explainer } from './explainer.js';
import { teamAgenda } from './team-agenda.js';
import { signals } from './signals.js';
import { kar, surveys } from './organisation-picture.js';

export * from './endpoint.js';
export { uploadsPath } from './recordings.js';

/** Every endpoint of the API, by feature. */
export const contract = {
  account,
  admin,
  clientAccess,
  clients,
  consent,
  clientConsent,
  feedback,
  alliance,
  followUps,
  clientFeedback,
  insight,
  learning,
  notifications,
  preparationHelp,
  recordings,
  reviews,
  clientReviews,
  rhythm,
  sso,
  explainer,
  teamAgenda,
  signals,
  surveys,
  kar,
};

export function allEndpoints(): Endpoint[] {
  return Object.values(contract).flatMap((feature) => Object.values(feature) as Endpoint[]);
}

/**
 * Named schemas for OpenAPI's components: every exported object schema of packages/shared/src/api,
 * named after its export (`recordingDetailSchema` → `RecordingDetail`). Path and query schemas stay
 * inline, because OpenAPI lists their fields as separate parameters.
 */
export const apiSchemas = z.registry<{ id: string }>();

function componentName(exportName: string): string {
  const name = exportName.charAt(0).toUpperCase() + exportName.slice(1, -'Schema'.length);
  // The generator names a schema's request form `<name>Input`; keep our own `…Input` schemas apart.
  return name.endsWith('Input') ? `${name}Body` : name;
}

const inlineSchemas = new Set<unknown>(allEndpoints().flatMap((endpoint) => [endpoint.params, endpoint.query]));
const schemaModules: Record<string, unknown>[] = [
  adminSchemas,
  authSchemas,
  clientAccessSchemas,
  clientsSchemas,
  consentSchemas,
  feedbackSchemas,
  insightSchemas,
  learningSchemas,
  noShareSchemas,
  notificationsSchemas,
  recordingsSchemas,
  reviewsSchemas,
  rhythmSchemas,
  ssoSchemas,
  explainerSchemas,
  myDataSchemas,
  teamAgendaSchemas,
  signalsSchemas,
  organisationPictureSchemas,
];
for (const module of schemaModules) {
  for (const [exportName, value] of Object.entries(module)) {
    if (!exportName.endsWith('Schema') || !(value instanceof z.ZodObject) || inlineSchemas.has(value) || apiSchemas.has(value)) continue;
    apiSchemas.add(value, { id: componentName(exportName) });
  }
}
apiSchemas.add(problemSchema, { id: 'Problem' });
