// Longer than 350 lines on purpose — one file: every query of the learning feature, each sealing or opening its texts with the same vault.
import type { Kysely, Selectable } from 'kysely';
import { TextKeyGoneError, type TextVault } from './text-vault.js';
import type {
  Database,
  LearningActionsTable,
  LearningCoachInvitationsTable,
  LearningCoachNotesTable,
  LearningLinksTable,
  LearningQuestionSharesTable,
  LearningQuestionsTable,
  LearningRoundsTable,
} from '../schema.js';

const coachNotePurpose = 'coach_note.body';

export type LearningRoundRow = Selectable<LearningRoundsTable>;
export type LearningQuestionRow = Selectable<LearningQuestionsTable>;
export type LearningLinkRow = Selectable<LearningLinksTable>;
export type LearningQuestionShareRow = Selectable<LearningQuestionSharesTable>;
export type CoachInvitationRow = Selectable<LearningCoachInvitationsTable>;
export type CoachNoteRow = Selectable<LearningCoachNotesTable>;
export type LearningActionRow = Selectable<LearningActionsTable>;

/** What a person did within a round's dates, per kind; the checklist ticks itself from this. */
export interface ActivityCounts {
  questions: number;
  recordings: number;
  moments: number;
  shares: number;
  feedback: number;
  takeaways: number;
}

/** A linkable item of the professional's own, with where it comes from. */
export interface LinkTarget {
  label: string;
  recordingId: string | null;
  conversationId: string | null;
}

export class LearningRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: TextVault,
  ) {}

  /** A sealed label of a recording's text, or undefined once that recording's key is gone. */
  private opened(row: { label: string; text_key: string | null; recordingId: string; conversationId: string } | undefined, purpose: string): LinkTarget | undefined {
    return this.vault.openRows(row ? [row] : [], { label: purpose })[0];
  }

  /** A sealed label of a feedback conversation (under its clients' keys), or undefined once a client had it erased. */
  private async openedFeedback(row: { label: string; conversationId: string | null; feedbackId: string } | undefined, purpose: string): Promise<LinkTarget | undefined> {
    if (!row) return undefined;
    const label = row.label === '' ? '' : this.vault.openLayers((await this.vault.clientKeysOfFeedback(row.feedbackId)).wrapped, purpose, row.label);
    return label === null ? undefined : { label, conversationId: row.conversationId, recordingId: null };
  }

  // ── rhythm ──
  async rhythmJson(organisationId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('learning_rhythms').select('rounds_json').where('organisation_id', '=', organisationId).executeTakeFirst();
    return row?.rounds_json;
  }

  async saveRhythm(organisationId: string, roundsJson: string, userId: string, at: string): Promise<void> {
    const updated = await this.db
      .updateTable('learning_rhythms')
      .set({ rounds_json: roundsJson, updated_by: userId, updated_at: at })
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await this.db.insertInto('learning_rhythms').values({ organisation_id: organisationId, rounds_json: roundsJson, updated_by: userId, updated_at: at }).execute();
    }
  }

  // ── rounds ──
  findRound(userId: string, roundKey: string): Promise<LearningRoundRow | undefined> {
    return this.db.selectFrom('learning_rounds').selectAll().where('user_id', '=', userId).where('round_key', '=', roundKey).executeTakeFirst();
  }

  listRounds(userId: string): Promise<LearningRoundRow[]> {
    return this.db.selectFrom('learning_rounds').selectAll().where('user_id', '=', userId).orderBy('starts_on', 'desc').execute();
  }

  async insertRound(row: LearningRoundRow): Promise<void> {
    await this.db.insertInto('learning_rounds').values(row).onConflict((oc) => oc.columns(['user_id', 'round_key']).doNothing()).execute();
  }

  async updateRound(id: string, changes: Partial<Omit<LearningRoundRow, 'id' | 'user_id' | 'round_key'>>): Promise<void> {
    await this.db.updateTable('learning_rounds').set(changes).where('id', '=', id).execute();
  }

  /** Counts of the person's own actions with created_at in [from, to). */
  async activity(userId: string, from: string, to: string): Promise<ActivityCounts> {
    const count = async (query: Promise<{ n: string | number | bigint } | undefined>) => Number((await query)?.n ?? 0);
    const [questions, recordings, moments, shares, feedback, alliance, takeaways, learned] = await Promise.all([
      count(this.db.selectFrom('learning_questions').select((eb) => eb.fn.countAll().as('n')).where('professional_id', '=', userId).where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirst()),
      count(this.db.selectFrom('recordings').select((eb) => eb.fn.countAll().as('n')).where('professional_id', '=', userId).where('status', '!=', 'failed').where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirst()),
      count(this.db.selectFrom('moments').select((eb) => eb.fn.countAll().as('n')).where('professional_id', '=', userId).where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirst()),
      count(this.db.selectFrom('shares').select((eb) => eb.fn.countAll().as('n')).where('professional_id', '=', userId).where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirst()),
      count(this.db.selectFrom('feedback_conversations').select((eb) => eb.fn.countAll().as('n')).where('professional_id', '=', userId).where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirst()),
      count(this.db.selectFrom('alliance_requests').select((eb) => eb.fn.countAll().as('n')).where('professional_id', '=', userId).where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirst()),
      count(this.db.selectFrom('review_outcomes').select((eb) => eb.fn.countAll().as('n')).where('author_id', '=', userId).where('kind', '=', 'takeaway').where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirst()),
      count(this.db.selectFrom('learning_questions').select((eb) => eb.fn.countAll().as('n')).where('professional_id', '=', userId).where('learned', '!=', '').where('updated_at', '>=', from).where('updated_at', '<', to).executeTakeFirst()),
    ]);
    return { questions, recordings, moments, shares, feedback: feedback + alliance, takeaways: takeaways + learned };
  }

  async hasOpenQuestion(userId: string, before: string): Promise<boolean> {
    const row = await this.db.selectFrom('learning_questions').select('id').where('professional_id', '=', userId).where('status', '=', 'open').where('created_at', '<', before).executeTakeFirst();
    return row !== undefined;
  }

  // ── questions ──
  findQuestion(id: string): Promise<LearningQuestionRow | undefined> {
    return this.db.selectFrom('learning_questions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listQuestions(professionalId: string): Promise<LearningQuestionRow[]> {
    return this.db.selectFrom('learning_questions').selectAll().where('professional_id', '=', professionalId).orderBy('created_at', 'desc').execute();
  }

  async insertQuestion(row: LearningQuestionRow): Promise<void> {
    await this.db.insertInto('learning_questions').values(row).execute();
  }

  async updateQuestion(id: string, changes: Partial<Omit<LearningQuestionRow, 'id' | 'professional_id' | 'organisation_id'>>): Promise<void> {
    await this.db.updateTable('learning_questions').set(changes).where('id', '=', id).execute();
  }

  async deleteQuestion(id: string): Promise<void> {
    await this.db.deleteFrom('learning_questions').where('id', '=', id).execute();
  }

  linksOf(questionIds: readonly string[]): Promise<LearningLinkRow[]> {
    if (questionIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('learning_links').selectAll().where('question_id', 'in', questionIds).orderBy('created_at').execute();
  }

  async insertLink(row: LearningLinkRow): Promise<void> {
    await this.db.insertInto('learning_links').values(row).execute();
  }

  async deleteLink(questionId: string, linkId: string): Promise<number> {
    const result = await this.db.deleteFrom('learning_links').where('id', '=', linkId).where('question_id', '=', questionId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteLinksOfConversation(conversationId: string): Promise<number> {
    const result = await this.db.deleteFrom('learning_links').where('conversation_id', '=', conversationId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteLinksOfRecording(recordingId: string): Promise<number> {
    const result = await this.db.deleteFrom('learning_links').where('recording_id', '=', recordingId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * The professional's own item of the given kind, or undefined when it does not exist or is not
   * theirs: linking is never a way to learn about someone else's item.
   */
  async linkTarget(professionalId: string, kind: LearningLinkRow['kind'], targetId: string): Promise<LinkTarget | undefined> {
    switch (kind) {
      case 'moment': {
        const row = await this.db
          .selectFrom('moments')
          .innerJoin('recordings', 'recordings.id', 'moments.recording_id')
          .select(['moments.title as label', 'moments.recording_id as recordingId', 'recordings.conversation_id as conversationId', 'recordings.text_key as text_key'])
          .where('moments.id', '=', targetId)
          .where('moments.professional_id', '=', professionalId)
          .executeTakeFirst();
        return this.opened(row, 'moment.title');
      }
      case 'comment': {
        const row = await this.db
          .selectFrom('comments')
          .innerJoin('moments', 'moments.id', 'comments.moment_id')
          .innerJoin('recordings', 'recordings.id', 'moments.recording_id')
          .select(['comments.body as label', 'moments.recording_id as recordingId', 'recordings.conversation_id as conversationId', 'recordings.text_key as text_key'])
          .where('comments.id', '=', targetId)
          .where('moments.professional_id', '=', professionalId)
          .executeTakeFirst();
        return this.opened(row, 'comment.body');
      }
      case 'outcome': {
        const row = await this.db
          .selectFrom('review_outcomes')
          .innerJoin('recordings', 'recordings.id', 'review_outcomes.recording_id')
          .select(['review_outcomes.text as label', 'review_outcomes.recording_id as recordingId', 'recordings.conversation_id as conversationId', 'recordings.text_key as text_key'])
          .where('review_outcomes.id', '=', targetId)
          .where('recordings.professional_id', '=', professionalId)
          .executeTakeFirst();
        return this.opened(row, 'outcome.text');
      }
      case 'feedback': {
        const row = await this.db
          .selectFrom('feedback_conversations')
          .select(['summary as label', 'conversation_id as conversationId', 'id as feedbackId'])
          .where('id', '=', targetId)
          .where('professional_id', '=', professionalId)
          .executeTakeFirst();
        return this.openedFeedback(row, 'feedback.summary');
      }
      case 'feedback_action': {
        const row = await this.db
          .selectFrom('feedback_actions')
          .innerJoin('feedback_conversations', 'feedback_conversations.id', 'feedback_actions.feedback_id')
          .select(['feedback_actions.what as label', 'feedback_conversations.conversation_id as conversationId', 'feedback_conversations.id as feedbackId'])
          .where('feedback_actions.id', '=', targetId)
          .where('feedback_conversations.professional_id', '=', professionalId)
          .executeTakeFirst();
        return this.openedFeedback(row, 'feedback.action');
      }
    }
  }

  // ── shares of questions ──
  sharesOf(questionIds: readonly string[]): Promise<(LearningQuestionShareRow & { recipient_name: string | null })[]> {
    if (questionIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('learning_question_shares')
      .leftJoin('learning_coach_invitations', 'learning_coach_invitations.id', 'learning_question_shares.coach_invitation_id')
      .leftJoin('users', 'users.id', 'learning_coach_invitations.coach_user_id')
      .leftJoin('peer_groups', 'peer_groups.id', 'learning_question_shares.peer_group_id')
      .selectAll('learning_question_shares')
      .select((eb) => eb.fn.coalesce('users.name', 'peer_groups.name').as('recipient_name'))
      .where('learning_question_shares.question_id', 'in', questionIds)
      .orderBy('learning_question_shares.created_at')
      .execute();
  }

  findShare(id: string): Promise<LearningQuestionShareRow | undefined> {
    return this.db.selectFrom('learning_question_shares').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertShare(row: LearningQuestionShareRow): Promise<void> {
    await this.db.insertInto('learning_question_shares').values(row).execute();
  }

  async deleteShare(id: string): Promise<void> {
    await this.db.deleteFrom('learning_question_shares').where('id', '=', id).execute();
  }

  questionsSharedWithInvitation(invitationId: string): Promise<LearningQuestionRow[]> {
    return this.db
      .selectFrom('learning_questions')
      .innerJoin('learning_question_shares', 'learning_question_shares.question_id', 'learning_questions.id')
      .selectAll('learning_questions')
      .where('learning_question_shares.coach_invitation_id', '=', invitationId)
      .orderBy('learning_questions.created_at', 'desc')
      .execute();
  }

  /** Questions shared with groups in which this user is an active member (never their own). */
  questionsSharedWithMember(userId: string): Promise<(LearningQuestionRow & { professional_name: string })[]> {
    return this.db
      .selectFrom('learning_questions')
      .innerJoin('learning_question_shares', 'learning_question_shares.question_id', 'learning_questions.id')
      .innerJoin('peer_group_members', 'peer_group_members.group_id', 'learning_question_shares.peer_group_id')
      .innerJoin('users', 'users.id', 'learning_questions.professional_id')
      .selectAll('learning_questions')
      .select('users.name as professional_name')
      .where('peer_group_members.user_id', '=', userId)
      .where('peer_group_members.status', '=', 'active')
      .where('learning_questions.professional_id', '!=', userId)
      .distinct()
      .orderBy('learning_questions.updated_at', 'desc')
      .execute();
  }

  // ── coach ──
  findInvitation(id: string): Promise<(CoachInvitationRow & { coach_name: string; professional_name: string }) | undefined> {
    return this.invitationQuery().where('learning_coach_invitations.id', '=', id).executeTakeFirst();
  }

  invitationsOfProfessional(professionalId: string): Promise<(CoachInvitationRow & { coach_name: string; professional_name: string })[]> {
    return this.invitationQuery().where('learning_coach_invitations.professional_id', '=', professionalId).orderBy('learning_coach_invitations.invited_at', 'desc').execute();
  }

  activeInvitationsOfCoach(coachUserId: string, at: string): Promise<(CoachInvitationRow & { coach_name: string; professional_name: string })[]> {
    return this.invitationQuery()
      .where('learning_coach_invitations.coach_user_id', '=', coachUserId)
      .where('learning_coach_invitations.ended_at', 'is', null)
      .where('learning_coach_invitations.until', '>', at)
      .orderBy('learning_coach_invitations.invited_at', 'desc')
      .execute();
  }

  private invitationQuery() {
    return this.db
      .selectFrom('learning_coach_invitations')
      .innerJoin('users as coach', 'coach.id', 'learning_coach_invitations.coach_user_id')
      .innerJoin('users as professional', 'professional.id', 'learning_coach_invitations.professional_id')
      .selectAll('learning_coach_invitations')
      .select(['coach.name as coach_name', 'professional.name as professional_name']);
  }

  async insertInvitation(row: CoachInvitationRow): Promise<void> {
    await this.db.insertInto('learning_coach_invitations').values(row).execute();
  }

  async endInvitation(id: string, at: string): Promise<void> {
    await this.db.updateTable('learning_coach_invitations').set({ ended_at: at }).where('id', '=', id).execute();
  }

  /** The voorgesprek/nagesprek thread, sealed under the professional's own text key (see schema.ts). */
  async notesOf(invitationId: string): Promise<(CoachNoteRow & { author_name: string })[]> {
    const rows = await this.db
      .selectFrom('learning_coach_notes')
      .innerJoin('users as author', 'author.id', 'learning_coach_notes.author_id')
      .innerJoin('learning_coach_invitations', 'learning_coach_invitations.id', 'learning_coach_notes.invitation_id')
      .innerJoin('users as owner', 'owner.id', 'learning_coach_invitations.professional_id')
      .selectAll('learning_coach_notes')
      .select(['author.name as author_name', 'owner.text_key as text_key'])
      .where('learning_coach_notes.invitation_id', '=', invitationId)
      .orderBy('learning_coach_notes.created_at')
      .execute();
    return this.vault.openRows(rows, { body: coachNotePurpose });
  }

  async insertNote(row: CoachNoteRow): Promise<void> {
    const invitation = await this.db.selectFrom('learning_coach_invitations').select('professional_id').where('id', '=', row.invitation_id).executeTakeFirst();
    if (!invitation) throw new TextKeyGoneError();
    await this.db
      .insertInto('learning_coach_notes')
      .values({ ...row, body: await this.vault.sealForUser(invitation.professional_id, coachNotePurpose, row.body) })
      .execute();
  }

  async countsForInvitation(invitationId: string, professionalId: string, coachUserId: string, at: string): Promise<{ questions: number; fragments: number; notes: number }> {
    const [questions, fragments, notes] = await Promise.all([
      this.db.selectFrom('learning_question_shares').select((eb) => eb.fn.countAll().as('n')).where('coach_invitation_id', '=', invitationId).executeTakeFirst(),
      this.db
        .selectFrom('shares')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('professional_id', '=', professionalId)
        .where('recipient_user_id', '=', coachUserId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst(),
      this.db.selectFrom('learning_coach_notes').select((eb) => eb.fn.countAll().as('n')).where('invitation_id', '=', invitationId).executeTakeFirst(),
    ]);
    return { questions: Number(questions?.n ?? 0), fragments: Number(fragments?.n ?? 0), notes: Number(notes?.n ?? 0) };
  }

  /** Active shares of fragments from this professional to this coach (the review feature's own shares); the question opened, a shredded one left out. */
  async fragmentsFor(professionalId: string, coachUserId: string, at: string): Promise<{ id: string; question: string; expires_at: string }[]> {
    const rows = await this.db
      .selectFrom('shares')
      .innerJoin('recordings', 'recordings.id', 'shares.recording_id')
      .select(['shares.id as id', 'shares.question as question', 'shares.expires_at as expires_at', 'recordings.text_key as text_key'])
      .where('shares.professional_id', '=', professionalId)
      .where('shares.recipient_user_id', '=', coachUserId)
      .where('shares.revoked_at', 'is', null)
      .where('shares.expires_at', '>', at)
      .orderBy('shares.created_at', 'desc')
      .execute();
    return this.vault.openRows(rows, { question: 'share.question' });
  }

  /** Active reviewers of the organisation: the people one can invite as leercoach. */
  reviewers(organisationId: string): Promise<{ id: string; name: string }[]> {
    return this.db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select(['users.id', 'users.name'])
      .where('users.organisation_id', '=', organisationId)
      .where('users.active', '=', 1)
      .where('memberships.role', '=', 'reviewer')
      .distinct()
      .orderBy('users.name')
      .execute();
  }

  // ── actions ──
  listActions(professionalId: string): Promise<LearningActionRow[]> {
    return this.db.selectFrom('learning_actions').selectAll().where('professional_id', '=', professionalId).orderBy('created_at').execute();
  }

  findAction(id: string): Promise<LearningActionRow | undefined> {
    return this.db.selectFrom('learning_actions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertAction(row: LearningActionRow): Promise<void> {
    await this.db.insertInto('learning_actions').values(row).execute();
  }

  async updateAction(id: string, changes: Partial<Pick<LearningActionRow, 'what' | 'due_on' | 'done_at'>>): Promise<void> {
    await this.db.updateTable('learning_actions').set(changes).where('id', '=', id).execute();
  }

  async deleteAction(id: string): Promise<void> {
    await this.db.deleteFrom('learning_actions').where('id', '=', id).execute();
  }

  // ── reminders ──
  /** Everyone who runs learning rounds: active users with the professional role (team leads who record included). */
  participants(): Promise<{ id: string; organisation_id: string; email: string; name: string; locale: string }[]> {
    return this.db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select(['users.id', 'users.organisation_id', 'users.email', 'users.name', 'users.locale'])
      .where('users.active', '=', 1)
      .where('memberships.role', '=', 'professional')
      .distinct()
      .execute();
  }

  async reminderSent(userId: string, roundKey: string, kind: 'start' | 'halfway' | 'week_before_end'): Promise<boolean> {
    const row = await this.db.selectFrom('learning_reminders_sent').select('user_id').where('user_id', '=', userId).where('round_key', '=', roundKey).where('kind', '=', kind).executeTakeFirst();
    return row !== undefined;
  }

  async markReminderSent(userId: string, roundKey: string, kind: 'start' | 'halfway' | 'week_before_end', at: string): Promise<void> {
    await this.db
      .insertInto('learning_reminders_sent')
      .values({ user_id: userId, round_key: roundKey, kind, sent_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'round_key', 'kind']).doNothing())
      .execute();
  }
}
