// Longer than 350 lines on purpose — one file: the whole database schema in one place.
/**
 * Row types of every table. Portable across SQLite and PostgreSQL: ids are UUID text, times are
 * ISO-8601 UTC text (they sort as text), booleans are 0/1 integers, structured values are JSON text.
 */
import type { Generated } from 'kysely';

export type Flag = 0 | 1;

export interface OrganisationsTable {
  id: string;
  name: string;
  require_totp: Flag;
  settings_json: string;
  created_at: string;
}

export interface TeamsTable {
  id: string;
  organisation_id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: Flag;
  active: Flag;
  failed_logins: number;
  locked_until: string | null;
  locale: string;
  created_at: string;
  password_set_at: string | null;
  password_reset_at: string | null;
  password_reset_requested_by: string | null;
  password_reset_approved_by: string | null;
  /** Set for an independent reviewer from another organisation (migration 011). */
  external_organisation: string | null;
  /** YYYY-MM-DD: the last day the account works; null = no end. */
  access_until: string | null;
  /** Migration 017: 1 = the person asked for a daily e-mail digest of their unread notifications. */
  email_digest: Generated<Flag>;
  /** Key for the professional's own texts not tied to a recording (coach notes), wrapped by the master key (migration 016, see text-vault.ts). */
  text_key: string | null;
  /** When the user went through "zo geef je feedback" (migration 018); null = not yet. */
  feedback_guide_seen_at: Generated<string | null>;
  /** Migration 024: 1 = a manager in the management team, who reads and answers signals sent to it (the open chair). */
  management_team: Generated<Flag>;
}

export interface MembershipsTable {
  id: string;
  user_id: string;
  team_id: string | null;
  role: string;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface InvitationsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  channel: 'email' | 'approval';
  token_hash: string;
  code_hash: string | null;
  requested_by: string | null;
  approved_by: string | null;
  approved_at: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  window_ends_ms: number;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  organisation_id: string | null;
  at: string;
  actor_user_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  /** Metadata only (ids, counts, role names); never content or personal data. */
  details_json: string;
  prev_hash: string;
  hash: string;
}

export interface Database {
  organisations: OrganisationsTable;
  teams: TeamsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  rate_limits: RateLimitsTable;
  audit_events: AuditEventsTable;
  clients: ClientsTable;
  client_access: ClientAccessTable;
  conversations: ConversationsTable;
  consent_texts: ConsentTextsTable;
  consents: ConsentsTable;
  feedback_conversations: FeedbackConversationsTable;
  feedback_participants: FeedbackParticipantsTable;
  feedback_voice_notes: FeedbackVoiceNotesTable;
  feedback_moments: FeedbackMomentsTable;
  feedback_entries: FeedbackEntriesTable;
  feedback_actions: FeedbackActionsTable;
  feedback_change_requests: FeedbackChangeRequestsTable;
  preparation_helps: PreparationHelpsTable;
  preparation_points: PreparationPointsTable;
  alliance_requests: AllianceRequestsTable;
  alliance_answers: AllianceAnswersTable;
  follow_ups: FollowUpsTable;
  recordings: RecordingsTable;
  jobs: JobsTable;
  moments: MomentsTable;
  peer_groups: PeerGroupsTable;
  peer_group_members: PeerGroupMembersTable;
  shares: SharesTable;
  share_moments: ShareMomentsTable;
  share_cuts: ShareCutsTable;
  comments: CommentsTable;
  review_meetings: ReviewMeetingsTable;
  review_outcomes: ReviewOutcomesTable;
  client_points: ClientPointsTable;
  review_guides: ReviewGuidesTable;
  learning_rhythms: LearningRhythmsTable;
  learning_rounds: LearningRoundsTable;
  learning_questions: LearningQuestionsTable;
  learning_links: LearningLinksTable;
  learning_coach_invitations: LearningCoachInvitationsTable;
  learning_question_shares: LearningQuestionSharesTable;
  learning_coach_notes: LearningCoachNotesTable;
  learning_actions: LearningActionsTable;
  learning_reminders_sent: LearningRemindersSentTable;
  recording_rhythm: RecordingRhythmTable;
  voice_prints: VoicePrintsTable;
  notifications: NotificationsTable;
  decline_reasons: DeclineReasonsTable;
  no_share_stretches: NoShareStretchesTable;
  sso_identities: SsoIdentitiesTable;
  sso_sessions: SsoSessionsTable;
  sso_settings: SsoSettingsTable;
  signals: SignalsTable;
  signal_groups: SignalGroupsTable;
  organisation_films: OrganisationFilmsTable;
  agenda_meetings: AgendaMeetingsTable;
  agenda_items: AgendaItemsTable;
  agenda_leave_choices: AgendaLeaveChoicesTable;
  survey_results: SurveyResultsTable;
  kar_canvases: KarCanvasesTable;
  kar_revisions: KarRevisionsTable;
  insight_populations: InsightPopulationsTable;
}

/** Migration 010: in-app notifications, one row per reader, without content or client names. */
export interface NotificationsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  kind: string;
  actor_name: string | null;
  link: string;
  recording_id: string | null;
  created_at: string;
  read_at: string | null;
  emailed_at: string | null;
  /** Migration 017: set for notices made when due (share expiring, learning reminder), once per reader and key. */
  dedupe_key: Generated<string | null>;
}

export interface ClientsTable {
  id: string;
  organisation_id: string;
  professional_id: string;
  pseudonym: string;
  contact_wrapped: string | null;
  locale: string;
  created_at: string;
  /** Key for texts the client can take back, wrapped by the master key (migration 008, see text-vault.ts); null = none yet or destroyed. */
  text_key: string | null;
  /** Migration 018: months between feedback reminders (null = none) and the day the next one shows. */
  feedback_reminder_months: Generated<number | null>;
  feedback_reminder_due_on: Generated<string | null>;
  /** Migration 021: a client, or a staff member in a manager's own conversation. */
  partner_kind: Generated<'client' | 'staff'>;
}

/** Migration 018: an anonymous reason for saying no; organisation and month only. */
export interface DeclineReasonsTable {
  id: string;
  organisation_id: string;
  month: string;
  kind: 'consent' | 'feedback';
  reason: string;
}

/** Migration 018: a stretch of a recording that is never shared. */
export interface NoShareStretchesTable {
  id: string;
  recording_id: string;
  start_seconds: number;
  end_seconds: number;
  marked_by: 'client' | 'professional';
  created_at: string;
  /** Migration 021: the owner asked to cut it out of the stored media; the row goes once that is done. */
  cut_requested_at: Generated<string | null>;
}

/** Migration 021: an organisation's own explainer film, an mp4 in the blob store. */
export interface OrganisationFilmsTable {
  organisation_id: string;
  blob_key: string;
  content_type: string;
  size_bytes: number;
  duration_seconds: number;
  uploaded_by: string | null;
  uploaded_at: string;
}

export interface ClientAccessTable {
  client_id: string;
  token_hash: string;
  code_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
}

export interface ConversationsTable {
  id: string;
  organisation_id: string;
  professional_id: string;
  client_id: string;
  /** yyyy-mm-dd */
  held_on: string;
  kind: 'in_person' | 'phone' | 'video_call';
  created_at: string;
  /** Proposed by the professional before consent (migration 003); null = left open. */
  reviewer_user_id: string | null;
}

export interface ConsentTextsTable {
  version: string;
  content_json: string;
  content_hash: string;
  published_at: string;
}

export interface ConsentsTable {
  id: string;
  conversation_id: string;
  client_id: string;
  professional_id: string;
  status: 'given' | 'declined' | 'withdrawn';
  media: 'video' | 'audio' | 'none';
  audience: 'professional' | 'reviewer' | 'peer_group';
  reviewer_user_id: string | null;
  watch_with_client: Flag;
  feedback_via_reviewer: Flag;
  retention_days: number;
  text_version: string;
  locale: string;
  signed_via: 'tablet' | 'own_device';
  client_signature: string;
  professional_consented_at: string | null;
  given_at: string;
  withdrawn_at: string | null;
  created_at: string;
  /** 1 until every withdrawal listener has succeeded (migration 003). */
  withdrawal_pending: Flag;
  /** A coach not named yet: anyone, only from the organisation, or only from outside (migration 011). */
  reviewer_from: 'any' | 'internal' | 'external';
  /** Migration 024: 1 = the client agreed that a fragment may be shown to policy or the management team ("kijk met ons mee"). */
  policy_viewing: Generated<Flag>;
}

export interface RecordingsTable {
  id: string;
  organisation_id: string;
  professional_id: string;
  conversation_id: string;
  consent_id: string;
  kind: 'video' | 'audio';
  status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
  progress: number;
  upload_id: string | null;
  upload_length: number | null;
  /** Per-recording media key wrapped by the master key; null once crypto-shredded. */
  wrapped_key: string | null;
  duration_seconds: number | null;
  has_poster: Flag;
  failure_code: string | null;
  failure_message: string | null;
  created_at: string;
  updated_at: string;
  ready_at: string | null;
  retention_ends_at: string | null;
  retention_notice_at: string | null;
  deleted_at: string | null;
  deleted_reason: 'withdrawn' | 'retention' | 'professional' | 'abandoned' | null;
  /** Key for every text derived from this recording, wrapped by the master key (migration 008, see text-vault.ts); null = none yet or shredded. */
  text_key: string | null;
}

export interface JobsTable {
  id: string;
  name: string;
  payload_json: string;
  /** done: kept for a few days only for singleton jobs (daily schedules), so a day's run happens once. */
  status: 'queued' | 'running' | 'failed' | 'done';
  attempts: number;
  max_attempts: number;
  run_after: string;
  locked_until: string | null;
  locked_by: string | null;
  singleton_key: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface FeedbackConversationsTable {
  id: string;
  organisation_id: string;
  professional_id: string;
  conversation_id: string | null;
  status: 'invited' | 'in_progress' | 'completed';
  step: number;
  summary: string;
  invitation_expires_at: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  completed_at: string | null;
}

export interface FeedbackParticipantsTable {
  id: string;
  feedback_id: string;
  client_id: string;
  position: number;
  anonymous: Flag;
  display_name: string | null;
  intro_seen: Flag;
  picks_json: string;
  own_words: string;
  prepared_at: string | null;
  created_at: string;
  /** Migration 019: short versions in the client's language, sealed under the client's text key. */
  short_summary: string | null;
  short_agreements: string | null;
  short_locale: string | null;
}

/** Migration 020: an independent helper for one client's preparation, without any recording. */
export interface PreparationHelpsTable {
  id: string;
  organisation_id: string;
  feedback_id: string;
  participant_id: string;
  client_id: string;
  professional_id: string;
  helper_id: string;
  shown_json: string;
  created_at: string;
  ended_at: string | null;
}

export interface PreparationPointsTable {
  id: string;
  help_id: string;
  client_id: string;
  /** Sealed under the client's text key. */
  text: string;
  relay: 'pending' | 'pass_on' | 'private';
  decided_at: string | null;
  created_at: string;
}

export interface FeedbackVoiceNotesTable {
  participant_id: string;
  wrapped_key: string;
  ciphertext: string;
  content_type: string;
  duration_seconds: number;
  created_at: string;
}

export interface FeedbackMomentsTable {
  id: string;
  feedback_id: string;
  position: number;
  theme: string;
  subtopic: string | null;
  /** The person's own sub-topic (the card's empty line), instead of or beside a fixed one. */
  own_subtopic: string | null; // sealed under the participants' client keys (migration 016)
  title: string;
  recording_id: string | null;
  start_seconds: number | null;
  end_seconds: number | null;
  created_at: string;
}

export interface FeedbackEntriesTable {
  id: string;
  feedback_id: string;
  moment_id: string | null;
  section: 'a' | 'b' | 'c' | 'learned';
  participant_id: string | null;
  text: string;
  updated_at: string;
}

export interface FeedbackActionsTable {
  id: string;
  feedback_id: string;
  owner: 'professional' | 'client' | 'together';
  participant_id: string | null;
  what: string;
  due_on: string;
  done_at: string | null;
  created_at: string;
}

export interface FeedbackChangeRequestsTable {
  id: string;
  feedback_id: string;
  participant_id: string | null;
  target: 'moment' | 'entry' | 'summary' | 'action';
  target_id: string | null;
  note: string;
  via: 'own_device' | 'room';
  status: 'open' | 'resolved';
  created_at: string;
  resolved_at: string | null;
}

export interface AllianceRequestsTable {
  id: string;
  organisation_id: string;
  professional_id: string;
  client_id: string;
  conversation_id: string | null;
  feedback_id: string | null;
  anonymous: Flag;
  created_at: string;
  expires_at: string;
  answered_at: string | null;
}

export interface AllianceAnswersTable {
  id: string;
  organisation_id: string;
  professional_id: string;
  /** null when anonymous: nothing links an anonymous answer to a client, a request or a time. */
  client_id: string | null;
  anonymous: Flag;
  period: string;
  /** ISO time; null when anonymous. */
  answered_on: string | null;
  collaboration: number | null;
  achievement: number | null;
  fit: number | null;
  own_topics: number | null;
  overall: number | null;
}

export interface FollowUpsTable {
  id: string;
  organisation_id: string;
  professional_id: string;
  client_id: string;
  feedback_id: string | null;
  learned: string;
  changed: string;
  status: 'draft' | 'sent';
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  read_at: string | null;
  /** Written by hand in the client's language (migration 012); sealed under the client's key (migration 016), like learned and changed. */
  short_version: string | null;
  short_version_locale: string | null;
}

// ── Reviews ("foreign eyes", migration 006) ──

export interface MomentsTable {
  id: string;
  organisation_id: string;
  recording_id: string;
  professional_id: string;
  start_seconds: number;
  end_seconds: number;
  title: string;
  /** JSON array of moment theme ids. */
  themes_json: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface PeerGroupsTable {
  id: string;
  organisation_id: string;
  name: string;
  created_by: string;
  created_at: string;
}

export interface PeerGroupMembersTable {
  group_id: string;
  user_id: string;
  status: 'invited' | 'active';
  invited_by: string | null;
  created_at: string;
  joined_at: string | null;
}

export interface SharesTable {
  id: string;
  organisation_id: string;
  recording_id: string;
  professional_id: string;
  recipient_user_id: string | null;
  peer_group_id: string | null;
  question: string;
  client_talk: Flag;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
  /** The rhythm lane of the shared span goes along only when the professional ticked it. */
  rhythm_lane: Generated<Flag>;
  /** "Wat moet de kijker weten", sealed under the recording's text key; '' = none (migration 018). */
  viewer_context: Generated<string>;
  /** "Kijk met ons mee": shared with a policy advisor or management team member (migration 027). */
  policy: Generated<Flag>;
  /** The policy recipient's note to the owner, sealed under the recording's text key; '' = none. */
  policy_note: Generated<string>;
  policy_note_at: Generated<string | null>;
}

/** Migration 015: one exact cut of a shared moment, with the salt of its own key. */
export interface ShareCutsTable {
  id: string;
  share_id: string;
  moment_id: string;
  recording_id: string;
  start_seconds: number;
  end_seconds: number;
  salt: string;
  status: 'pending' | 'ready' | 'failed';
  created_at: string;
  updated_at: string;
}

export interface ShareMomentsTable {
  share_id: string;
  moment_id: string;
}

export interface CommentsTable {
  id: string;
  organisation_id: string;
  moment_id: string;
  share_id: string | null;
  parent_id: string | null;
  author_id: string;
  at_seconds: number;
  kind: 'observation' | 'question' | 'strength' | 'alternative';
  body: string;
  takeaway: Flag;
  created_at: string;
}

export interface ReviewMeetingsTable {
  share_id: string;
  analysis: string;
  meeting_on: string | null;
  updated_at: string;
}

export interface ReviewOutcomesTable {
  id: string;
  organisation_id: string;
  recording_id: string;
  share_id: string | null;
  author_id: string;
  kind: 'takeaway' | 'agreement';
  text: string;
  created_at: string;
}

export interface ClientPointsTable {
  id: string;
  organisation_id: string;
  share_id: string;
  moment_id: string | null;
  reviewer_id: string;
  client_id: string;
  text: string;
  relay: 'pending' | 'pass_on' | 'anonymous' | 'private';
  decided_at: string | null;
  created_at: string;
  /** Set when an anonymous point is released in a batch of at least k clients; final from then on. */
  released_batch: string | null;
}

export interface ReviewGuidesTable {
  organisation_id: string;
  /** JSON: [{ id: step id, prompts: [{ nl, en }] }] */
  steps_json: string;
  updated_by: string | null;
  updated_at: string;
}

// ── Learning as routine (migration 014) ──

export interface LearningRhythmsTable {
  organisation_id: string;
  rounds_json: string;
  updated_by: string | null;
  updated_at: string;
}

export interface LearningRoundsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  round_key: string;
  starts_on: string;
  ends_on: string;
  steps_json: string;
  skipped: Flag;
  minutes_spent: number | null;
  /** The professional's own words; not derived from a recording. */
  next_step: string;
  look_back_tried: 'yes' | 'partly' | 'no' | null;
  look_back_effect: string;
  created_at: string;
  updated_at: string;
}

export interface LearningQuestionsTable {
  id: string;
  organisation_id: string;
  professional_id: string;
  /** The professional's own words: they stay when a linked recording goes. */
  text: string;
  theme: 'genuine_conversation' | 'shared_goal' | 'fitting_approach' | null;
  status: 'open' | 'done';
  learned: string;
  round_key: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

export interface LearningLinksTable {
  id: string;
  question_id: string;
  kind: 'moment' | 'comment' | 'outcome' | 'feedback' | 'feedback_action';
  target_id: string;
  recording_id: string | null;
  conversation_id: string | null;
  created_at: string;
}

export interface LearningCoachInvitationsTable {
  id: string;
  organisation_id: string;
  professional_id: string;
  coach_user_id: string;
  round_key: string;
  invited_at: string;
  until: string;
  ended_at: string | null;
}

export interface LearningQuestionSharesTable {
  id: string;
  question_id: string;
  coach_invitation_id: string | null;
  peer_group_id: string | null;
  created_at: string;
}

export interface LearningCoachNotesTable {
  id: string;
  invitation_id: string;
  author_id: string;
  kind: 'voorgesprek' | 'nagesprek';
  /**
   * Sealed (migration 016) under the text key of the professional whose learning track this is
   * (`users.text_key`, purpose 'coach_note.body'). Not a recording's key: the thread is about the
   * professional's learning question and outlives any one fragment; not a per-question key: an
   * invitation covers several questions. One key per professional is the simplest honest owner.
   */
  body: string;
  created_at: string;
}

export interface LearningActionsTable {
  id: string;
  organisation_id: string;
  professional_id: string;
  question_id: string | null;
  what: string;
  due_on: string | null;
  done_at: string | null;
  created_at: string;
}

export type LearningReminderKind = 'start' | 'halfway' | 'week_before_end';
export interface LearningRemindersSentTable {
  user_id: string;
  round_key: string;
  kind: 'start' | 'halfway' | 'week_before_end';
  sent_at: string;
}
export interface RecordingRhythmTable {
  recording_id: string;
  organisation_id: string;
  professional_id: string;
  status: 'ready' | 'failed';
  professional_speaker: 'A' | 'B' | null;
  suggested_speaker: 'A' | 'B' | null;
  suggestion_basis: 'first_speaker' | 'own_voice' | null;
  created_at: string;
  updated_at: string;
}

/** Migration 028: a professional's own voice print, sealed under its own wrapped key. */
export interface VoicePrintsTable {
  professional_id: string;
  organisation_id: string;
  wrapped_key: string;
  sealed: string;
  updated_at: string;
}

/** Migration 022: single sign-on (OpenID Connect). */
export interface SsoIdentitiesTable {
  id: string;
  user_id: string;
  issuer: string;
  subject: string;
  /** Role and group names of the last log-in only; never a token. */
  last_claims_json: string;
  created_at: string;
  last_login_at: string;
}

export interface SsoSessionsTable {
  session_id: string;
  identity_id: string;
  provider_session_id: string | null;
  created_at: string;
}

export interface SsoSettingsTable {
  organisation_id: string;
  passwords_off: Flag;
  changed_at: string;
  changed_by: string | null;
}

/** Migration 023: a werkoverleg of a team, with the lead's note on its outcome. */
export interface AgendaMeetingsTable {
  id: string;
  organisation_id: string;
  team_id: string;
  /** YYYY-MM-DD */
  meeting_date: string;
  note: string;
  created_at: string;
  updated_at: string;
}

/** Migration 023: a lesson or question a member brought to the team's learning agenda. */
export interface AgendaItemsTable {
  id: string;
  organisation_id: string;
  team_id: string;
  /** Never sent to anyone unless `named` is 1; null once the author left anonymously. */
  author_id: string | null;
  named: Flag;
  kind: 'lesson' | 'question';
  text: string;
  /** JSON text array of theme ids. */
  themes: string;
  status: 'new' | 'discussed' | 'trying' | 'done';
  agreement: string;
  meeting_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Migration 023: what happens to one's agenda items on leaving a team (no row = anonymous). */
export interface AgendaLeaveChoicesTable {
  user_id: string;
  choice: 'anonymous' | 'withdraw';
  updated_at: string;
}

/** Migration 024: a signal to policy and/or the management team; the author is shown only when named. */
export interface SignalsTable {
  id: string;
  organisation_id: string;
  author_id: string;
  kind: 'knelt' | 'werkt';
  subject: 'rule' | 'process' | 'offer';
  theme: string;
  text: string;
  named: Flag;
  to_policy: Flag;
  to_management: Flag;
  status: 'received' | 'in_progress' | 'answered' | 'adopted' | 'not_adopted';
  group_id: string | null;
  agenda_item_id: string | null;
  answer: string | null;
  answered_at: string | null;
  created_at: string;
}

export interface SignalGroupsTable {
  id: string;
  organisation_id: string;
  name: string;
  status: 'received' | 'in_progress' | 'answered' | 'adopted' | 'not_adopted';
  answer: string | null;
  answered_at: string | null;
  created_at: string;
}

/** Migration 026: survey results as the survey reported them (aggregates), and KAR canvases. */
export interface SurveyResultsTable {
  id: string;
  organisation_id: string;
  period: string;
  code: string;
  measure: 'score' | 'percentage';
  value: number;
  respondents: number;
  imported_at: string;
}

export interface KarCanvasesTable {
  id: string;
  organisation_id: string;
  team_id: string | null;
  scope_key: string;
  year: number;
  content_json: string;
  created_at: string;
  updated_at: string;
}

export interface KarRevisionsTable {
  id: string;
  canvas_id: string;
  revised_on: string;
  note: string;
  created_at: string;
}

/** Migration 025: who was in a group for a closed month, frozen the first time it is counted (read only inside aggregates). */
export interface InsightPopulationsTable {
  organisation_id: string;
  month: string;
  previous_month: string;
  /** '' = the organisation as a whole. */
  team_id: string;
  user_id: string;
}
