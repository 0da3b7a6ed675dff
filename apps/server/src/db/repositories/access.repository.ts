// Longer than 350 lines on purpose — one file: every fact the access gate asks, so all access queries are read and reviewed in one place (ARCHITECTURE.md, "Access: the one gate").
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Who asks: a signed-in person within their organisation, or a client within theirs. */
export interface AccessorIds {
  userId: string;
  organisationId: string;
}
export interface ClientIds {
  clientId: string;
  organisationId: string;
}

/**
 * Every question the access gate asks, in bulk: a set of ids in, the subset the asker may reach
 * out. Each method is one query whatever the number of ids, and an empty set never queries.
 * Only facts live here (ownership, shares, group membership, consent scope); which fact a
 * permission needs is decided in domain/access.
 */
export class AccessRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Recordings the professional made, that are not deleted. */
  recordingsOwned(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('recordings')
        .select('id')
        .where('id', 'in', [...ids])
        .where('professional_id', '=', by.userId)
        .where('organisation_id', '=', by.organisationId)
        .where('status', '!=', 'deleted')
        .execute(),
    );
  }

  /** Recordings the professional made, in any state (a deleted one still shows why it went). */
  recordingsMade(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db.selectFrom('recordings').select('id').where('id', 'in', [...ids]).where('professional_id', '=', by.userId).where('organisation_id', '=', by.organisationId).execute(),
    );
  }

  /** Conversations the professional held, in their organisation. */
  conversationsHeld(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db.selectFrom('conversations').select('id').where('id', 'in', [...ids]).where('professional_id', '=', by.userId).where('organisation_id', '=', by.organisationId).execute(),
    );
  }

  /** Recordings of the professional that can be played: ready, with their key still there. */
  recordingsPlayableOwned(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('recordings')
        .select('id')
        .where('id', 'in', [...ids])
        .where('professional_id', '=', by.userId)
        .where('organisation_id', '=', by.organisationId)
        .where('status', '=', 'ready')
        .where('wrapped_key', 'is not', null)
        .execute(),
    );
  }

  /** Recordings with a moment in an active share that reaches the person, still holding their key. */
  recordingsShared(by: AccessorIds, ids: ReadonlySet<string>, at: string): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.activeSharesReaching(by, at, 'reviewer_or_group')
        .innerJoin('share_moments', 'share_moments.share_id', 'shares.id')
        .innerJoin('moments', 'moments.id', 'share_moments.moment_id')
        .select('recordings.id as id')
        .distinct()
        .where('recordings.id', 'in', [...ids])
        .whereRef('moments.recording_id', '=', 'recordings.id')
        .where('recordings.organisation_id', '=', by.organisationId)
        .where('recordings.wrapped_key', 'is not', null)
        .execute(),
    );
  }

  /** Peer groups in the organisation where the person is a member with one of these statuses. */
  peerGroupsJoined(by: AccessorIds, ids: ReadonlySet<string>, statuses: readonly ('active' | 'invited')[]): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('peer_groups')
        .innerJoin('peer_group_members', 'peer_group_members.group_id', 'peer_groups.id')
        .select('peer_groups.id as id')
        .where('peer_groups.id', 'in', [...ids])
        .where('peer_groups.organisation_id', '=', by.organisationId)
        .where('peer_group_members.user_id', '=', by.userId)
        .where('peer_group_members.status', 'in', [...statuses])
        .execute(),
    );
  }

  /** Moments on a not-deleted recording of the professional. */
  momentsOwned(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('moments')
        .innerJoin('recordings', 'recordings.id', 'moments.recording_id')
        .select('moments.id as id')
        .where('moments.id', 'in', [...ids])
        .where('moments.professional_id', '=', by.userId)
        .where('recordings.professional_id', '=', by.userId)
        .where('recordings.organisation_id', '=', by.organisationId)
        .where('recordings.status', '!=', 'deleted')
        .execute(),
    );
  }

  /** Shares the professional made (in any state) of a recording that is not deleted. */
  sharesOwned(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('shares')
        .innerJoin('recordings', 'recordings.id', 'shares.recording_id')
        .select('shares.id as id')
        .where('shares.id', 'in', [...ids])
        .where('shares.professional_id', '=', by.userId)
        .where('shares.organisation_id', '=', by.organisationId)
        .where('recordings.professional_id', '=', by.userId)
        .where('recordings.status', '!=', 'deleted')
        .execute(),
    );
  }

  /**
   * Shares that reach the person at `at`: named as reviewer, or an active member of the named
   * peer group; neither revoked nor expired, of a recording that can be watched.
   */
  sharesReceived(by: AccessorIds, ids: ReadonlySet<string>, at: string, via: 'reviewer' | 'reviewer_or_group' = 'reviewer_or_group'): Promise<Set<string>> {
    return this.allowed(ids, () => this.activeSharesReaching(by, at, via).select('shares.id as id').where('shares.id', 'in', [...ids]).execute());
  }

  /** Moments that are part of an active share reaching the person (see sharesReceived). */
  momentsReceived(by: AccessorIds, ids: ReadonlySet<string>, at: string): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.activeSharesReaching(by, at, 'reviewer_or_group')
        .innerJoin('share_moments', 'share_moments.share_id', 'shares.id')
        .select('share_moments.moment_id as id')
        .where('share_moments.moment_id', 'in', [...ids])
        .execute(),
    );
  }

  /** Comments on a moment of the professional's own (not deleted) recording, whoever wrote them. */
  commentsOnOwnRecordings(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('comments')
        .innerJoin('moments', 'moments.id', 'comments.moment_id')
        .innerJoin('recordings', 'recordings.id', 'moments.recording_id')
        .select('comments.id as id')
        .where('comments.id', 'in', [...ids])
        .where('moments.professional_id', '=', by.userId)
        .where('recordings.professional_id', '=', by.userId)
        .where('recordings.organisation_id', '=', by.organisationId)
        .where('recordings.status', '!=', 'deleted')
        .execute(),
    );
  }

  /**
   * "Kijk met ons mee" shares that reach the person at `at`: named as recipient, active, of a
   * recording that can be watched, under a consent that is given and still holds the client's
   * policy choice; and the person is a policy advisor (`asPolicy`, from their roles) or an active
   * member of the management team. Checked on every request, so taking back the choice, leaving
   * the management team or losing the role ends access at once.
   */
  policySharesReceived(by: AccessorIds, ids: ReadonlySet<string>, at: string, asPolicy: boolean): Promise<Set<string>> {
    return this.allowed(ids, () => this.activePolicySharesReaching(by, at, asPolicy).select('shares.id as id').where('shares.id', 'in', [...ids]).execute());
  }

  /** Recordings with a moment in an active policy share that reaches the person (see policySharesReceived), key kept. */
  recordingsSharedForPolicy(by: AccessorIds, ids: ReadonlySet<string>, at: string, asPolicy: boolean): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.activePolicySharesReaching(by, at, asPolicy)
        .innerJoin('share_moments', 'share_moments.share_id', 'shares.id')
        .innerJoin('moments', 'moments.id', 'share_moments.moment_id')
        .select('recordings.id as id')
        .distinct()
        .where('recordings.id', 'in', [...ids])
        .whereRef('moments.recording_id', '=', 'recordings.id')
        .where('recordings.wrapped_key', 'is not', null)
        .execute(),
    );
  }

  private activePolicySharesReaching(by: AccessorIds, at: string, asPolicy: boolean) {
    return this.db
      .selectFrom('shares')
      .innerJoin('recordings', 'recordings.id', 'shares.recording_id')
      .innerJoin('consents', 'consents.id', 'recordings.consent_id')
      .where('shares.organisation_id', '=', by.organisationId)
      .where('recordings.organisation_id', '=', by.organisationId)
      .where('shares.policy', '=', 1)
      .where('shares.recipient_user_id', '=', by.userId)
      .where('shares.revoked_at', 'is', null)
      .where('shares.expires_at', '>', at)
      .where('recordings.status', '=', 'ready')
      .where('consents.status', '=', 'given')
      .where('consents.policy_viewing', '=', 1)
      .$if(!asPolicy, (query) => query.where((eb) => eb.exists(this.managementTeamMember(by))));
  }

  private activeSharesReaching(by: AccessorIds, at: string, via: 'reviewer' | 'reviewer_or_group') {
    return this.db
      .selectFrom('shares')
      .innerJoin('recordings', 'recordings.id', 'shares.recording_id')
      .where('shares.organisation_id', '=', by.organisationId)
      // A share for policy never reaches anyone as a reviewer: it has its own rule above.
      .where('shares.policy', '=', 0)
      .where('shares.revoked_at', 'is', null)
      .where('shares.expires_at', '>', at)
      .where('recordings.status', '=', 'ready')
      .where((eb) =>
        via === 'reviewer'
          ? eb('shares.recipient_user_id', '=', by.userId)
          : eb.or([
              eb('shares.recipient_user_id', '=', by.userId),
              eb.exists(
                eb
                  .selectFrom('peer_group_members')
                  .select('peer_group_members.user_id')
                  .whereRef('peer_group_members.group_id', '=', 'shares.peer_group_id')
                  .where('peer_group_members.user_id', '=', by.userId)
                  .where('peer_group_members.status', '=', 'active'),
              ),
            ]),
      );
  }

  /** "Niet delen" stretches on the professional's own (not deleted) recording. */
  noShareStretchesOwned(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('no_share_stretches')
        .innerJoin('recordings', 'recordings.id', 'no_share_stretches.recording_id')
        .select('no_share_stretches.id as id')
        .where('no_share_stretches.id', 'in', [...ids])
        .where('recordings.professional_id', '=', by.userId)
        .where('recordings.organisation_id', '=', by.organisationId)
        .where('recordings.status', '!=', 'deleted')
        .execute(),
    );
  }

  /** Comments the person wrote, in their organisation. */
  commentsAuthored(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db.selectFrom('comments').select('id').where('id', 'in', [...ids]).where('author_id', '=', by.userId).where('organisation_id', '=', by.organisationId).execute(),
    );
  }

  /** Review outcomes (takeaways, agreements) the person wrote, in their organisation. */
  outcomesAuthored(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db.selectFrom('review_outcomes').select('id').where('id', 'in', [...ids]).where('author_id', '=', by.userId).where('organisation_id', '=', by.organisationId).execute(),
    );
  }

  /** Client points the reviewer wrote down, in their organisation. */
  clientPointsWritten(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db.selectFrom('client_points').select('id').where('id', 'in', [...ids]).where('reviewer_id', '=', by.userId).where('organisation_id', '=', by.organisationId).execute(),
    );
  }

  /** Clients in the professional's own caseload. */
  clientsOwned(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db.selectFrom('clients').select('id').where('id', 'in', [...ids]).where('professional_id', '=', by.userId).where('organisation_id', '=', by.organisationId).execute(),
    );
  }

  /** Follow-ups the professional wrote (draft or sent). */
  followUpsOwned(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db.selectFrom('follow_ups').select('id').where('id', 'in', [...ids]).where('professional_id', '=', by.userId).where('organisation_id', '=', by.organisationId).execute(),
    );
  }

  /** Feedback conversations the professional leads. */
  feedbackOwned(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('feedback_conversations')
        .select('id')
        .where('id', 'in', [...ids])
        .where('professional_id', '=', by.userId)
        .where('organisation_id', '=', by.organisationId)
        .execute(),
    );
  }

  /** Preparation helps the person was asked to give, that have not ended. */
  preparationHelpsGiven(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('preparation_helps')
        .select('id')
        .where('id', 'in', [...ids])
        .where('helper_id', '=', by.userId)
        .where('organisation_id', '=', by.organisationId)
        .where('ended_at', 'is', null)
        .execute(),
    );
  }

  /** Learning questions the professional wrote, in their organisation (nobody else ever reaches them). */
  learningQuestionsOwned(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db.selectFrom('learning_questions').select('id').where('id', 'in', [...ids]).where('professional_id', '=', by.userId).where('organisation_id', '=', by.organisationId).execute(),
    );
  }

  /** Learning actions the professional wrote, in their organisation. */
  learningActionsOwned(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db.selectFrom('learning_actions').select('id').where('id', 'in', [...ids]).where('professional_id', '=', by.userId).where('organisation_id', '=', by.organisationId).execute(),
    );
  }

  /** Shares (to a leercoach or an intervision group) of the professional's own learning questions. */
  learningQuestionSharesOwned(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('learning_question_shares')
        .innerJoin('learning_questions', 'learning_questions.id', 'learning_question_shares.question_id')
        .select('learning_question_shares.id as id')
        .where('learning_question_shares.id', 'in', [...ids])
        .where('learning_questions.professional_id', '=', by.userId)
        .where('learning_questions.organisation_id', '=', by.organisationId)
        .execute(),
    );
  }

  /** Leercoach invitations the professional made, in any state. */
  coachInvitationsMade(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('learning_coach_invitations')
        .select('id')
        .where('id', 'in', [...ids])
        .where('professional_id', '=', by.userId)
        .where('organisation_id', '=', by.organisationId)
        .execute(),
    );
  }

  /** Leercoach invitations that name the person as the coach and still last at `at` (not ended, not past `until`). */
  coachInvitationsCoaching(by: AccessorIds, ids: ReadonlySet<string>, at: string): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('learning_coach_invitations')
        .select('id')
        .where('id', 'in', [...ids])
        .where('coach_user_id', '=', by.userId)
        .where('organisation_id', '=', by.organisationId)
        .where('ended_at', 'is', null)
        .where('until', '>', at)
        .execute(),
    );
  }

  /** Signals the person sent, in their organisation. */
  signalsAuthored(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db.selectFrom('signals').select('id').where('id', 'in', [...ids]).where('author_id', '=', by.userId).where('organisation_id', '=', by.organisationId).execute(),
    );
  }

  /**
   * Signals that reach the person: addressed to policy when they are a policy advisor
   * (`asPolicy`, from their roles), or addressed to the management team when they are an active
   * member of it.
   */
  signalsReceived(by: AccessorIds, ids: ReadonlySet<string>, asPolicy: boolean): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('signals')
        .select('signals.id as id')
        .where('signals.id', 'in', [...ids])
        .where('signals.organisation_id', '=', by.organisationId)
        .where((eb) =>
          eb.or([
            ...(asPolicy ? [eb('signals.to_policy', '=', 1)] : []),
            eb.and([eb('signals.to_management', '=', 1), eb.exists(this.managementTeamMember(by))]),
          ]),
        )
        .execute(),
    );
  }

  /** Groups of signals in the organisation, for a policy advisor or a management team member. */
  signalGroupsReachable(by: AccessorIds, ids: ReadonlySet<string>, asPolicy: boolean): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('signal_groups')
        .select('signal_groups.id as id')
        .where('signal_groups.id', 'in', [...ids])
        .where('signal_groups.organisation_id', '=', by.organisationId)
        .$if(!asPolicy, (query) => query.where((eb) => eb.exists(this.managementTeamMember(by))))
        .execute(),
    );
  }

  /** The organisation (the id set is that one id) when the person reads its signals: policy, or the management team. */
  signalInboxes(by: AccessorIds, ids: ReadonlySet<string>, asPolicy: boolean): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('organisations')
        .select('organisations.id as id')
        .where('organisations.id', 'in', [...ids])
        .where('organisations.id', '=', by.organisationId)
        .$if(!asPolicy, (query) => query.where((eb) => eb.exists(this.managementTeamMember(by))))
        .execute(),
    );
  }

  /** Accounts in the person's own organisation (for an administrator's changes). */
  usersInOrganisation(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () => this.db.selectFrom('users').select('id').where('id', 'in', [...ids]).where('organisation_id', '=', by.organisationId).execute());
  }

  /** Teams in the person's own organisation (for an administrator's changes). */
  teamsInOrganisation(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () => this.db.selectFrom('teams').select('id').where('id', 'in', [...ids]).where('organisation_id', '=', by.organisationId).execute());
  }

  /** Notifications in the person's own list, in their organisation. */
  notificationsOf(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db.selectFrom('notifications').select('id').where('id', 'in', [...ids]).where('user_id', '=', by.userId).where('organisation_id', '=', by.organisationId).execute(),
    );
  }

  private managementTeamMember(by: AccessorIds) {
    return this.db
      .selectFrom('users as mt')
      .select('mt.id')
      .where('mt.id', '=', by.userId)
      .where('mt.organisation_id', '=', by.organisationId)
      .where('mt.management_team', '=', 1)
      .where('mt.active', '=', 1);
  }

  /** The client of the session still exists in its organisation (the id set is that one client). */
  clientsSelf(client: ClientIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db.selectFrom('clients').select('id').where('id', 'in', [...ids]).where('id', '=', client.clientId).where('organisation_id', '=', client.organisationId).execute(),
    );
  }

  /** Conversations (the scope a consent is given for) held with the client. */
  conversationsOfClient(client: ClientIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('conversations')
        .select('id')
        .where('id', 'in', [...ids])
        .where('client_id', '=', client.clientId)
        .where('organisation_id', '=', client.organisationId)
        .execute(),
    );
  }

  /** Consents the client gave (and has not withdrawn), for a conversation in their organisation. */
  consentsGiven(client: ClientIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('consents')
        .innerJoin('conversations', 'conversations.id', 'consents.conversation_id')
        .select('consents.id as id')
        .where('consents.id', 'in', [...ids])
        .where('consents.client_id', '=', client.clientId)
        .where('conversations.client_id', '=', client.clientId)
        .where('conversations.organisation_id', '=', client.organisationId)
        .where('consents.status', '=', 'given')
        .execute(),
    );
  }

  /** Consents the client answered, in any state (given, declined or withdrawn), in their organisation. */
  consentsAnswered(client: ClientIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('consents')
        .innerJoin('conversations', 'conversations.id', 'consents.conversation_id')
        .select('consents.id as id')
        .where('consents.id', 'in', [...ids])
        .where('consents.client_id', '=', client.clientId)
        .where('conversations.organisation_id', '=', client.organisationId)
        .execute(),
    );
  }

  /** Consents given to the professional (in any state), for a conversation in their organisation. */
  consentsReceived(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('consents')
        .innerJoin('conversations', 'conversations.id', 'consents.conversation_id')
        .select('consents.id as id')
        .where('consents.id', 'in', [...ids])
        .where('consents.professional_id', '=', by.userId)
        .where('conversations.organisation_id', '=', by.organisationId)
        .execute(),
    );
  }

  /** Feedback conversations the client takes part in. */
  feedbackParticipating(client: ClientIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('feedback_conversations')
        .innerJoin('feedback_participants', 'feedback_participants.feedback_id', 'feedback_conversations.id')
        .select('feedback_conversations.id as id')
        .where('feedback_conversations.id', 'in', [...ids])
        .where('feedback_participants.client_id', '=', client.clientId)
        .where('feedback_conversations.organisation_id', '=', client.organisationId)
        .execute(),
    );
  }

  /** Follow-ups sent to the client. */
  followUpsReceived(client: ClientIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('follow_ups')
        .select('id')
        .where('id', 'in', [...ids])
        .where('client_id', '=', client.clientId)
        .where('organisation_id', '=', client.organisationId)
        .where('status', '=', 'sent')
        .execute(),
    );
  }

  /** Points a reviewer wrote down about what the client said. */
  clientPointsAbout(client: ClientIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('client_points')
        .select('id')
        .where('id', 'in', [...ids])
        .where('client_id', '=', client.clientId)
        .where('organisation_id', '=', client.organisationId)
        .execute(),
    );
  }

  /** Alliance checks handed to the client, in their organisation. */
  allianceRequestsOf(client: ClientIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('alliance_requests')
        .select('id')
        .where('id', 'in', [...ids])
        .where('client_id', '=', client.clientId)
        .where('organisation_id', '=', client.organisationId)
        .execute(),
    );
  }

  /**
   * Teams the person belongs to, in their organisation: as a member (professional) or the lead
   * (manager). `lead` asks for the lead only. The learning agenda and the KAR canvas both use it.
   */
  teamsBelongedTo(by: AccessorIds, ids: ReadonlySet<string>, lead = false): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('memberships')
        .innerJoin('teams', 'teams.id', 'memberships.team_id')
        .select('teams.id as id')
        .where('teams.id', 'in', [...ids])
        .where('teams.organisation_id', '=', by.organisationId)
        .where('memberships.user_id', '=', by.userId)
        .where('memberships.role', 'in', lead ? ['manager'] : ['professional', 'manager'])
        .execute(),
    );
  }

  /** Agenda items of a team the person is a member or (with `lead`) the lead of. */
  agendaItemsReached(by: AccessorIds, ids: ReadonlySet<string>, lead = false): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('agenda_items')
        .innerJoin('memberships', 'memberships.team_id', 'agenda_items.team_id')
        .select('agenda_items.id as id')
        .where('agenda_items.id', 'in', [...ids])
        .where('agenda_items.organisation_id', '=', by.organisationId)
        .where('memberships.user_id', '=', by.userId)
        .where('memberships.role', 'in', lead ? ['manager'] : ['professional', 'manager'])
        .execute(),
    );
  }

  /** Agenda items the person wrote, in a team they are still in. */
  agendaItemsAuthored(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('agenda_items')
        .innerJoin('memberships', 'memberships.team_id', 'agenda_items.team_id')
        .select('agenda_items.id as id')
        .where('agenda_items.id', 'in', [...ids])
        .where('agenda_items.organisation_id', '=', by.organisationId)
        .where('agenda_items.author_id', '=', by.userId)
        .where('memberships.user_id', '=', by.userId)
        .where('memberships.role', 'in', ['professional', 'manager'])
        .execute(),
    );
  }

  /** Werkoverleg meetings of a team the person leads. */
  agendaMeetingsLed(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('agenda_meetings')
        .innerJoin('memberships', 'memberships.team_id', 'agenda_meetings.team_id')
        .select('agenda_meetings.id as id')
        .where('agenda_meetings.id', 'in', [...ids])
        .where('agenda_meetings.organisation_id', '=', by.organisationId)
        .where('memberships.user_id', '=', by.userId)
        .where('memberships.role', '=', 'manager')
        .execute(),
    );
  }

  /** KAR canvases of a team the person belongs to as a member or their team lead. */
  karCanvasesOfOwnTeams(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('kar_canvases')
        .innerJoin('memberships', 'memberships.team_id', 'kar_canvases.team_id')
        .select('kar_canvases.id as id')
        .where('kar_canvases.id', 'in', [...ids])
        .where('kar_canvases.organisation_id', '=', by.organisationId)
        .where('memberships.user_id', '=', by.userId)
        .where('memberships.role', 'in', ['professional', 'manager'])
        .execute(),
    );
  }

  /** The organisation's own KAR canvases (not a team's), in the person's organisation. */
  karCanvasesOfOrganisation(by: AccessorIds, ids: ReadonlySet<string>): Promise<Set<string>> {
    return this.allowed(ids, () =>
      this.db
        .selectFrom('kar_canvases')
        .select('id')
        .where('id', 'in', [...ids])
        .where('organisation_id', '=', by.organisationId)
        .where('team_id', 'is', null)
        .execute(),
    );
  }

  private async allowed(ids: ReadonlySet<string>, query: () => Promise<{ id: string }[]>): Promise<Set<string>> {
    if (ids.size === 0) return new Set();
    return new Set((await query()).map((row) => row.id));
  }
}
