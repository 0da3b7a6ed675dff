import { z } from 'zod';

/**
 * Notifications inside the app (GET /api/notifications, POST /api/notifications/:id/read,
 * POST /api/notifications/read-all). They name no client and hold no content: a kind, a
 * colleague's name where one acted, and a link into the app that checks access again.
 */
export const notificationKinds = ['share_received', 'comment_added', 'check_answered', 'change_requested', 'client_point_relayed', 'recording_expiring', 'share_expiring', 'learning_reminder', 'shared_removed', 'signal_answered'] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  actorName: z.string().nullable(),
  /** A path inside the app, e.g. /gedeeld/<id>. */
  link: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  unread: z.number().int().min(0),
  notifications: z.array(notificationSchema),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** The person's own choice of a daily e-mail digest; `available` is false when no SMTP server is configured. */
export const notificationDigestSchema = z.object({ available: z.boolean(), enabled: z.boolean() });
export type NotificationDigest = z.infer<typeof notificationDigestSchema>;
export const notificationDigestRequestSchema = z.object({ enabled: z.boolean() }).strict();
