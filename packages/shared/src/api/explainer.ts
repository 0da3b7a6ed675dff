import { z } from 'zod';

/**
 * The organisation's own explainer film, beside the app's picture story.
 *
 *   GET    /explainer/film          → organisationFilmStatusSchema   every logged-in staff member
 *   GET    /explainer/film.mp4      → the film (Range requests)      every logged-in staff member
 *   PUT    /admin/explainer/film    → organisationFilmSchema         administrator; body: the mp4 itself (content-type video/mp4)
 *   DELETE /admin/explainer/film    → 204                            administrator
 *   GET    /client/explainer/film   → organisationFilmStatusSchema   a client (own link)
 *   GET    /client/explainer/film.mp4 → the film                     a client (own link)
 */
export const organisationFilmSchema = z.object({ durationSeconds: z.number(), sizeBytes: z.number().int(), uploadedAt: z.string() });
export type OrganisationFilm = z.infer<typeof organisationFilmSchema>;
export const organisationFilmStatusSchema = z.object({ film: organisationFilmSchema.nullable() });
