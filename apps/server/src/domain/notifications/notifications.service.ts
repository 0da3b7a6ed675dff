import { randomUUID } from 'node:crypto';
import { hasPermission, type NotificationDigest, type NotificationKind, type NotificationList } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { NotificationRow } from '../../db/repositories/notifications.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { AppError } from '../errors.js';

export interface NotificationsDependencies {
  gate: AccessGate;
  notifications: Pick<Repositories['notifications'], 'listForUser' | 'unreadCount' | 'markRead' | 'markAllRead' | 'insertDue'>;
  users: Pick<Repositories['users'], 'findById' | 'setEmailDigest'>;
  shares: Pick<Repositories['shares'], 'listOwnEndingSoon'>;
  /** Whether a mail server is configured, so the daily digest can be turned on (NotificationDigests sends it). */
  digestAvailable: boolean;
  now: Clock;
}

const listLimit = 50;
/** A professional hears this long before a share of theirs ends. */
export const shareEndingNoticeMs = 2 * 24 * 60 * 60 * 1000;

/** A notice that is due now rather than caused by someone's act; made once per reader and key. */
export interface DueNotice {
  kind: NotificationKind;
  link: string;
  dedupeKey: string;
  recordingId: string | null;
}

/** Another part of the product that knows what is due for this reader (e.g. a learning-round reminder). */
export type DueNoticeSource = (actor: Actor) => Promise<DueNotice[]>;
const enc = encodeURIComponent;

/**
 * Notifications inside the app, for their own reader only. They are made from audit entries
 * (NotificationEvents, one place where everything that happens passes), carry no content and no
 * client names; the daily e-mail is NotificationDigests. The page a notification links to checks
 * access again.
 */
export class NotificationsService {
  private readonly now: Clock;
  private readonly dueSources: DueNoticeSource[] = [];

  constructor(private readonly deps: NotificationsDependencies) {
    this.now = deps.now;
    this.dueSources.push((actor) => this.sharesEndingSoon(actor));
  }

  /** main.ts registers the learning rounds here, so their reminders appear in the same list. */
  addDueSource(source: DueNoticeSource): void {
    this.dueSources.push(source);
  }

  async list(actor: Actor): Promise<NotificationList> {
    await requireAccess(this.deps.gate, { actor, permission: 'account.self' });
    await this.makeDue(actor);
    const rows = await this.deps.notifications.listForUser(actor.userId, listLimit);
    const unread = await this.deps.notifications.unreadCount(actor.userId);
    return {
      unread,
      notifications: rows
        .filter((row) => row.organisation_id === actor.organisationId)
        .map((row) => ({ id: row.id, kind: row.kind as NotificationKind, actorName: row.actor_name, link: row.link, createdAt: row.created_at, read: row.read_at !== null })),
    };
  }

  async unreadCount(actor: Actor): Promise<number> {
    await requireAccess(this.deps.gate, { actor, permission: 'account.self' });
    await this.makeDue(actor);
    return this.deps.notifications.unreadCount(actor.userId);
  }

  /** Someone else's notification looks exactly like a missing one. */
  async markRead(actor: Actor, id: string): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'notification.reader', ids: [id] });
    if (!(await this.deps.notifications.markRead(actor.userId, id, this.now().toISOString()))) throw new AppError('not_found');
  }

  async markAllRead(actor: Actor): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'account.self' });
    await this.deps.notifications.markAllRead(actor.userId, this.now().toISOString());
  }

  /**
   * Computed when the reader looks (the bell asks on every page), from the same queries as the
   * pages the notices point to; the dedupe key keeps each notice to one row, read or not.
   */
  private async makeDue(actor: Actor): Promise<void> {
    const at = this.now().toISOString();
    const rows: NotificationRow[] = [];
    for (const source of this.dueSources) {
      for (const notice of await source(actor)) {
        rows.push({ id: randomUUID(), organisation_id: actor.organisationId, user_id: actor.userId, kind: notice.kind, actor_name: null, link: notice.link, recording_id: notice.recordingId, created_at: at, read_at: null, emailed_at: null, dedupe_key: notice.dedupeKey });
      }
    }
    await this.deps.notifications.insertDue(rows);
  }

  /** The professional's own shares that end within two days, while they can still extend or make a new one. */
  private async sharesEndingSoon(actor: Actor): Promise<DueNotice[]> {
    if (!hasPermission(actor.roles, 'recordings.own')) return [];
    const now = this.now();
    const shares = await this.deps.shares.listOwnEndingSoon(actor.userId, now.toISOString(), new Date(now.getTime() + shareEndingNoticeMs).toISOString());
    return shares.map((share) => ({ kind: 'share_expiring', link: `/opnames/${enc(share.recording_id)}/bekijken#review-share`, dedupeKey: `share_expiring:${share.id}:${share.expires_at}`, recordingId: share.recording_id }));
  }

  async digest(actor: Actor): Promise<NotificationDigest> {
    await requireAccess(this.deps.gate, { actor, permission: 'account.self' });
    const user = await this.deps.users.findById(actor.userId);
    return { available: this.deps.digestAvailable, enabled: this.deps.digestAvailable && user?.email_digest === 1 };
  }

  /** The person's own choice; turning it on needs a mail server. */
  async setDigest(actor: Actor, enabled: boolean): Promise<NotificationDigest> {
    await requireAccess(this.deps.gate, { actor, permission: 'account.self' });
    if (enabled && !this.deps.digestAvailable) throw new AppError('digest_unavailable');
    await this.deps.users.setEmailDigest(actor.userId, enabled);
    return this.digest(actor);
  }
}
