import { okResponseSchema } from '../api/auth.js';
import { idParamsSchema } from '../api/admin.js';
import { notificationDigestRequestSchema, notificationDigestSchema, notificationListSchema } from '../api/notifications.js';
import { endpoints } from './endpoint.js';

/** The reader's own notifications and their choice of a daily e-mail digest. */
export const notifications = endpoints('notifications', {
  list: { method: 'GET', path: '/notifications', audience: 'staff', summary: 'One\'s own notifications', response: notificationListSchema },
  markRead: { method: 'POST', path: '/notifications/:id/read', audience: 'staff', summary: 'Mark one notification as read', params: idParamsSchema, response: okResponseSchema },
  markAllRead: { method: 'POST', path: '/notifications/read-all', audience: 'staff', summary: 'Mark all notifications as read', response: okResponseSchema },
  digest: { method: 'GET', path: '/notifications/digest', audience: 'staff', summary: 'Whether a daily e-mail digest is sent', response: notificationDigestSchema },
  setDigest: { method: 'PUT', path: '/notifications/digest', audience: 'staff', summary: 'Switch the daily e-mail digest on or off', body: notificationDigestRequestSchema, response: notificationDigestSchema },
});
