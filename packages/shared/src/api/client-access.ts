import { z } from 'zod';
import { clientLocaleSchema } from '../client-languages.js';

export const clientCodeSchema = z.string().trim().regex(/^\d{6}$/);
export const clientLinkTokenSchema = z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/);

export const openClientSessionRequestSchema = z.object({ token: clientLinkTokenSchema, code: clientCodeSchema });

/**
 * Before the code is typed: the languages the link's organisation offers, so the code page shows
 * only those. Nothing about the client (not even their language) is told before the code.
 */
export const clientLinkParamsSchema = z.object({ token: clientLinkTokenSchema });
export const clientLinkLanguagesSchema = z.object({ offeredLocales: z.array(clientLocaleSchema) });
export type ClientLinkLanguages = z.infer<typeof clientLinkLanguagesSchema>;

export const clientSessionResponseSchema = z.object({
  organisationName: z.string(),
  locale: clientLocaleSchema,
  /** The languages this organisation offers its clients, Dutch first. */
  offeredLocales: z.array(clientLocaleSchema),
  /** link = the client's own device; tablet = the professional's device, handed over in the room. */
  via: z.enum(['link', 'tablet']),
  csrfToken: z.string(),
});
export type ClientSessionResponse = z.infer<typeof clientSessionResponseSchema>;

/** The client chose another language: remembered for their link (card, e-mail, copies). */
export const setClientLocaleRequestSchema = z.strictObject({ locale: clientLocaleSchema });
export type SetClientLocaleRequest = z.infer<typeof setClientLocaleRequestSchema>;

export const issueClientAccessRequestSchema = z.strictObject({
  /** Also send the link (never the code) to the client's e-mail address. */
  sendByEmail: z.boolean().optional(),
});
export type IssueClientAccessRequest = z.infer<typeof issueClientAccessRequestSchema>;

export const clientAccessIssuedSchema = z.object({
  /** Path of the personal link, e.g. /k/abc…; the web app prefixes its own origin. */
  path: z.string(),
  code: z.string(),
  qrSvg: z.string(),
  /** Only when sending by e-mail was asked: sent, or failed (the link and code work all the same). */
  email: z.enum(['sent', 'failed']).nullable(),
});
