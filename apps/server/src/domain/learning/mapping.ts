import type { CoachInvitation, LearningAction, LearningQuestion, SharedQuestion } from '@spreekkamer/shared';
import type { CoachInvitationRow, LearningActionRow, LearningLinkRow, LearningQuestionRow, LearningQuestionShareRow } from '../../db/repositories/learning.repository.js';

export function isInvitationActive(row: Pick<CoachInvitationRow, 'ended_at' | 'until'>, now: Date): boolean {
  return row.ended_at === null && row.until > now.toISOString();
}

export function toInvitation(row: CoachInvitationRow & { coach_name: string; professional_name: string }, now: Date): CoachInvitation {
  return {
    id: row.id,
    roundKey: row.round_key,
    coachUserId: row.coach_user_id,
    coachName: row.coach_name,
    professionalName: row.professional_name,
    invitedAt: row.invited_at,
    until: row.until,
    endedAt: row.ended_at,
    active: isInvitationActive(row, now),
  };
}

export function toQuestion(
  row: LearningQuestionRow,
  links: readonly (LearningLinkRow & { label: string })[],
  shares: readonly (LearningQuestionShareRow & { recipient_name: string | null })[],
): LearningQuestion {
  return {
    id: row.id,
    text: row.text,
    theme: row.theme,
    status: row.status,
    learned: row.learned,
    roundKey: row.round_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    doneAt: row.done_at,
    links: links.filter((l) => l.question_id === row.id).map((l) => ({ id: l.id, kind: l.kind, targetId: l.target_id, recordingId: l.recording_id, label: l.label })),
    shares: shares
      .filter((s) => s.question_id === row.id)
      .map((s) => ({ id: s.id, coachInvitationId: s.coach_invitation_id, peerGroupId: s.peer_group_id, recipientName: s.recipient_name ?? '', createdAt: s.created_at })),
  };
}

export function toAction(row: LearningActionRow): LearningAction {
  return { id: row.id, questionId: row.question_id, what: row.what, dueOn: row.due_on, doneAt: row.done_at, createdAt: row.created_at };
}

export function toSharedQuestion(row: LearningQuestionRow, professionalName: string): SharedQuestion {
  return { id: row.id, text: row.text, theme: row.theme, status: row.status, professionalName, updatedAt: row.updated_at };
}
