import { randomUUID } from 'node:crypto';
import type { NotificationKind } from '@spreekkamer/shared';
import type { AuditEntry } from '../../audit/audit-log.js';
import type { Clock } from '../../clock.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { NotificationRow } from '../../db/repositories/notifications.repository.js';

export interface NotificationEventsDependencies {
  notifications: Pick<Repositories['notifications'], 'insertMany' | 'removeForRecording'>;
  users: Pick<Repositories['users'], 'namesOf'>;
  shares: Pick<Repositories['shares'], 'findById'>;
  peerGroups: Pick<Repositories['peerGroups'], 'membersOf'>;
  comments: Pick<Repositories['comments'], 'findById'>;
  feedback: Pick<Repositories['feedback'], 'findById'>;
  clientPoints: Pick<Repositories['clientPoints'], 'findById'>;
  clients: Pick<Repositories['clients'], 'findById'>;
  recordings: Pick<Repositories['recordings'], 'findById'>;
  now: Clock;
}

const enc = encodeURIComponent;

interface Draft {
  userId: string;
  kind: NotificationKind;
  link: string;
  actorUserId: string | null;
  recordingId: string | null;
}

/**
 * Makes and removes notifications when something happens. No actor: the composition root makes
 * `fromAudit` an audit listener (it hears an entry once its transaction committed) and hands
 * `sharedPartsRemoved` to the reviews. Reading them is NotificationsService, for the reader only.
 */
export class NotificationEvents {
  constructor(private readonly deps: NotificationEventsDependencies) {}

  /**
   * The people who could still watch a part of a recording that was just deleted (withdrawal):
   * one notice each that something shared with them is gone. No colleague, client or reason, and
   * no recording id, so the notice stays when the recording's own notifications are removed.
   */
  async sharedPartsRemoved(organisationId: string, userIds: readonly string[]): Promise<void> {
    const at = this.deps.now().toISOString();
    await this.deps.notifications.insertMany(
      userIds.map((userId) => ({ id: randomUUID(), organisation_id: organisationId, user_id: userId, kind: 'shared_removed', actor_name: null, link: '/gedeeld', recording_id: null, created_at: at, read_at: null, emailed_at: null, dedupe_key: null })),
    );
  }

  /** Audit listener: turns what happened into notifications for the people it concerns. */
  async fromAudit(entry: AuditEntry): Promise<void> {
    const organisationId = entry.organisationId;
    if (!organisationId) return;
    if ((entry.action === 'recording.erased' || entry.action === 'recording.deleted') && entry.subjectType === 'recording' && entry.subjectId) {
      // What pointed at a removed recording goes with it; the professional's own notices say it happened.
      await this.deps.notifications.removeForRecording(entry.subjectId);
      return;
    }
    const drafts = (await this.draftsFor(entry)).filter((draft) => draft.userId !== draft.actorUserId);
    if (drafts.length === 0) return;
    const at = this.deps.now().toISOString();
    const names = await this.deps.users.namesOf([...new Set(drafts.flatMap((draft) => (draft.actorUserId ? [draft.actorUserId] : [])))]);
    const rows: NotificationRow[] = drafts.map((draft) => ({
      id: randomUUID(),
      organisation_id: organisationId,
      user_id: draft.userId,
      kind: draft.kind,
      actor_name: draft.actorUserId ? (names.get(draft.actorUserId) ?? null) : null,
      link: draft.link,
      recording_id: draft.recordingId,
      created_at: at,
      read_at: null,
      emailed_at: null,
      dedupe_key: null,
    }));
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
