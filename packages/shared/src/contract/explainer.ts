import { organisationFilmSchema, organisationFilmStatusSchema } from '../api/explainer.js';
import { endpoints } from './endpoint.js';

/**
 * The organisation's own explainer film. The upload's body is the mp4 itself (the web app sends it
 * with callWithFile); streaming it (…/film.mp4, with ranges) is not a JSON call and
 * explainer.routes.ts registers it beside these.
 */
export const explainer = endpoints('explainer', {
  film: { method: 'GET', path: '/explainer/film', audience: 'staff', summary: 'Whether the organisation has its own explainer film', response: organisationFilmStatusSchema },
  clientFilm: { method: 'GET', path: '/client/explainer/film', audience: 'client', summary: 'Whether the organisation has its own explainer film (for a client)', response: organisationFilmStatusSchema },
  uploadFilm: { method: 'PUT', path: '/admin/explainer/film', audience: 'staff', summary: 'Add or replace the organisation\'s own explainer film (body: the mp4, video/mp4)', response: organisationFilmSchema },
  removeFilm: { method: 'DELETE', path: '/admin/explainer/film', audience: 'staff', summary: 'Remove the organisation\'s own explainer film', response: null },
});
