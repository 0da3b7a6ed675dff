import { randomUUID } from 'node:crypto';
import { hasPermission, localeOf, notificationDigestEmail, type NotificationDigest, type NotificationKind, type NotificationList } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { Mailer } from '../../notify/mailer.js';
import type { AuditEntry } from '../../audit/audit-log.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { NotificationRow } from '../../db/repositories/notifications.repository.js';
import { requirePermission, type Actor } from '../access.js';
import { AppError } from '../errors.js';

export interface NotificationsDependencies {
  notifications: Repositories['notifications'];
  users: Repositories['users'];
  shares: Repositories['shares'];
  peerGroups: Repositories['peerGroups'];
  comments: Repositories['comments'];
  feedback: Repositories['feedback'];
  clientPoints: Repositories['clientPoints'];
  clients: Repositories['clients'];
  recordings: Repositories['recordings'];
  /** With SMTP configured: the daily digest for those who asked for it. */
  mail?: { mailer: Mailer; publicUrl: string | undefined } | undefined;
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

interface Draft {
  userId: string;
  kind: NotificationKind;
  link: string;
  actorUserId: string | null;
  recordingId: string | null;
}

/**
 * Notifications inside the app. They are made from audit entries (one place where everything
 * that happens passes), carry no content and no client names, and are only ever read by their
 * own reader. The page a notification links to checks access again.
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
    requirePermission(actor, 'account.self');
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
    requirePermission(actor, 'account.self');
    await this.makeDue(actor);
    return this.deps.notifications.unreadCount(actor.userId);
  }

  /** Someone else's notification looks exactly like a missing one. */
  async markRead(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'account.self');
    if (!(await this.deps.notifications.markRead(actor.userId, id, this.now().toISOString()))) throw new AppError('not_found');
  }

  async markAllRead(actor: Actor): Promise<void> {
    requirePermission(actor, 'account.self');
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
    requirePermission(actor, 'account.self');
    const user = await this.deps.users.findById(actor.userId);
    return { available: this.deps.mail !== undefined, enabled: this.deps.mail !== undefined && user?.email_digest === 1 };
  }

  /** The person's own choice; turning it on needs a mail server. */
  async setDigest(actor: Actor, enabled: boolean): Promise<NotificationDigest> {
    requirePermission(actor, 'account.self');
    if (enabled && !this.deps.mail) throw new AppError('digest_unavailable');
    await this.deps.users.setEmailDigest(actor.userId, enabled);
    return this.digest(actor);
  }

  /**
   * Daily: to each person who asked for it, the number of unread notifications that no earlier
   * digest counted, and a link. No client, no colleague, no content; nothing when there is nothing new.
   */
  async sendDigests(): Promise<number> {
    const mail = this.deps.mail;
    if (!mail) return 0;
    let sent = 0;
    for (const reader of await this.deps.users.digestReaders()) {
      const count = await this.deps.notifications.undigestedCount(reader.id);
      if (count === 0) continue;
      const link = mail.publicUrl ? `${mail.publicUrl}/meldingen` : null;
      const outcome = await mail.mailer.send({ to: reader.email, ...notificationDigestEmail(localeOf(reader.locale), { count, link }) });
      if (outcome === 'sent') {
        await this.deps.notifications.markDigested(reader.id, this.now().toISOString());
        sent += 1;
      }
    }
    return sent;
  }

  /**
   * The people who could still watch a part of a recording that was just deleted (withdrawal):
   * one notice each that something shared with them is gone. No colleague, client or reason, and
   * no recording id, so the notice stays when the recording's own notifications are removed.
   */
  async sharedPartsRemoved(organisationId: string, userIds: readonly string[]): Promise<void> {
    const at = this.now().toISOString();
    await this.deps.notifications.insertMany(
      userIds.map((userId) => ({ id: randomUUID(), organisation_id: organisationId, user_id: userId, kind: 'shared_removed', actor_name: null, link: '/gedeeld', recording_id: null, created_at: at, read_at: null, emailed_at: null, dedupe_key: null })),
    );
  }

  /** When a recording's data is removed (withdrawal, retention), its notifications go too. */
  async removeForRecording(recordingId: string): Promise<void> {
    await this.deps.notifications.removeForRecording(recordingId);
  }

  /** Audit listener: turns what happened into notifications for the people it concerns. */
  async fromAudit(entry: AuditEntry): Promise<void> {
    const organisationId = entry.organisationId;
    if (!organisationId) return;
    if ((entry.action === 'recording.erased' || entry.action === 'recording.deleted') && entry.subjectType === 'recording' && entry.subjectId) {
      // What pointed at a removed recording goes with it; the professional's own notices say it happened.
      await this.removeForRecording(entry.subjectId);
      return;
    }
    const drafts = await this.draftsFor(entry);
    if (drafts.length === 0) return;
    const at = this.now().toISOString();
    const names = new Map<string, string | null>();
    const rows: NotificationRow[] = [];
    for (const draft of drafts) {
      if (draft.userId === draft.actorUserId) continue;
      let actorName: string | null = null;
      if (draft.actorUserId) {
        if (!names.has(draft.actorUserId)) names.set(draft.actorUserId, (await this.deps.users.findById(draft.actorUserId))?.name ?? null);
        actorName = names.get(draft.actorUserId) ?? null;
      }
      rows.push({ id: randomUUID(), organisation_id: organisationId, user_id: draft.userId, kind: draft.kind, actor_name: actorName, link: draft.link, recording_id: draft.recordingId, created_at: at, read_at: null, emailed_at: null, dedupe_key: null });
    }
    await this.deps.notifications.insertMany(rows);
  }

  private async draftsFor(entry: AuditEntry): Promise<Draft[]> {
    const details = entry.details ?? {};
    const text = (key: string) => (typeof details[key] === 'string' ? (details[key] as string) : null);
    switch (entry.action) {
      case 'review.share_created': {
        const share = await this.findShare(text('shareId'));
        if (!share) return [];
        const readers = await this.shareReaders(share);
        // A fragment shared for policy ("kijk met ons mee") opens on its own page.
        const link = share.policy === 1 ? `/kijk-met-ons-mee/${enc(share.id)}` : `/gedeeld/${enc(share.id)}`;
        return readers.map((userId) => ({ userId, kind: 'share_received', link, actorUserId: share.professional_id, recordingId: share.recording_id }));
      }
      case 'review.comment_added': {
        const recordingId = entry.subjectId ?? null;
        const commentId = text('commentId');
        if (!recordingId || !commentId) return [];
        const recording = await this.deps.recordings.findById(recordingId);
        if (!recording) return [];
        const shareId = text('shareId');
        const comment = await this.commentMoment(commentId);
        const drafts: Draft[] = [];
        if (entry.actorUserId !== recording.professional_id) {
          const at = comment ? `?moment=${enc(comment)}` : '';
          drafts.push({ userId: recording.professional_id, kind: 'comment_added', link: `/opnames/${enc(recordingId)}/bekijken${at}`, actorUserId: entry.actorUserId, recordingId });
        } else if (shareId) {
          // The professional answered in a share: the people it was shared with hear of it.
          const share = await this.findShare(shareId);
          if (share) for (const userId of await this.shareReaders(share)) drafts.push({ userId, kind: 'comment_added', link: `/gedeeld/${enc(share.id)}`, actorUserId: entry.actorUserId, recordingId });
        }
        return drafts;
      }
      case 'alliance.answered': {
        // An anonymous answer names nobody, and a notification about it would undo that.
        if (details.anonymous !== false || entry.subjectType !== 'client' || !entry.subjectId) return [];
        const client = await this.deps.clients.findById(entry.subjectId);
        if (!client) return [];
        return [{ userId: client.professional_id, kind: 'check_answered', link: `/clienten/${enc(client.id)}#client-feedback`, actorUserId: null, recordingId: null }];
      }
      case 'feedback.change_requested': {
        if (entry.actorUserId !== null || entry.subjectType !== 'feedback' || !entry.subjectId) return [];
        const feedback = await this.deps.feedback.findById(entry.subjectId);
        if (!feedback) return [];
        return [{ userId: feedback.professional_id, kind: 'change_requested', link: `/samenleergesprekken/${enc(feedback.id)}/gesprek`, actorUserId: null, recordingId: null }];
      }
      case 'review.client_point_decided': {
        const relay = text('relay');
        if (relay !== 'pass_on' && relay !== 'anonymous') return [];
        const point = await this.deps.clientPoints.findById(text('pointId') ?? '');
        const share = point ? await this.findShare(point.share_id) : null;
        if (!share) return [];
        return [{ userId: share.professional_id, kind: 'client_point_relayed', link: `/opnames/${enc(share.recording_id)}/bekijken#review-client-points`, actorUserId: null, recordingId: share.recording_id }];
      }
      case 'recording.retention_notice': {
        const recording = entry.subjectId ? await this.deps.recordings.findById(entry.subjectId) : undefined;
        if (!recording) return [];
        return [{ userId: recording.professional_id, kind: 'recording_expiring', link: `/opnames/${enc(recording.id)}`, actorUserId: null, recordingId: recording.id }];
      }
      default:
        return [];
    }
  }

  private async findShare(id: string | null) {
    return id ? ((await this.deps.shares.findById(id)) ?? null) : null;
  }

  private async shareReaders(share: { recipient_user_id: string | null; peer_group_id: string | null }): Promise<string[]> {
    if (share.recipient_user_id) return [share.recipient_user_id];
    if (!share.peer_group_id) return [];
    return (await this.deps.peerGroups.membersOf([share.peer_group_id])).filter((m) => m.status === 'active').map((m) => m.user_id);
  }

  private async commentMoment(commentId: string): Promise<string | null> {
    return (await this.deps.comments.findById(commentId))?.moment_id ?? null;
  }
}
