import { localeOf, notificationDigestEmail } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { Mailer } from '../../notify/mailer.js';

export interface NotificationDigestsDependencies {
  notifications: Pick<Repositories['notifications'], 'undigestedCount' | 'markDigested'>;
  users: Pick<Repositories['users'], 'digestReaders'>;
  /** With SMTP configured; without it no digest is sent. */
  mail?: { mailer: Mailer; publicUrl: string | undefined } | undefined;
  now: Clock;
}

/**
 * The daily digest job (`notifications.digest`, registered in main.ts). No actor: it goes to
 * everyone who turned it on themselves (NotificationsService.setDigest).
 */
export class NotificationDigests {
  constructor(private readonly deps: NotificationDigestsDependencies) {}

  /**
   * To each person who asked for it, the number of unread notifications that no earlier digest
   * counted, and a link. No client, no colleague, no content; nothing when there is nothing new.
   * Returns how many were sent.
   */
  async send(): Promise<number> {
    const mail = this.deps.mail;
    if (!mail) return 0;
    let sent = 0;
    for (const reader of await this.deps.users.digestReaders()) {
      const count = await this.deps.notifications.undigestedCount(reader.id);
      if (count === 0) continue;
      const link = mail.publicUrl ? `${mail.publicUrl}/meldingen` : null;
      const outcome = await mail.mailer.send({ to: reader.email, ...notificationDigestEmail(localeOf(reader.locale), { count, link }) });
      if (outcome === 'sent') {
        await this.deps.notifications.markDigested(reader.id, this.deps.now().toISOString());
        sent += 1;
      }
    }
    return sent;
  }
}
