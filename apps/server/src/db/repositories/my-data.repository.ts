import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * What is stored about one client, for their right of access (GDPR art. 15). Metadata only:
 * no sealed text is read here, so this repository never needs the text vault.
 */
export class MyDataRepository {
  constructor(private readonly db: Kysely<Database>) {}

  consents(clientId: string) {
    return this.db
      .selectFrom('consents')
      .innerJoin('conversations', 'conversations.id', 'consents.conversation_id')
      .select([
        'consents.id',
        'conversations.held_on',
        'consents.status',
        'consents.media',
        'consents.audience',
        'consents.reviewer_from',
        'consents.retention_days',
        'consents.text_version',
        'consents.given_at',
        'consents.withdrawn_at',
      ])
      .where('consents.client_id', '=', clientId)
      .orderBy('consents.given_at', 'desc')
      .execute();
  }

  recordings(clientId: string) {
    return this.db
      .selectFrom('recordings')
      .innerJoin('conversations', 'conversations.id', 'recordings.conversation_id')
      .select([
        'recordings.id',
        'conversations.held_on',
        'recordings.kind',
        'recordings.status',
        'recordings.duration_seconds',
        'recordings.created_at',
        'recordings.retention_ends_at',
        'recordings.deleted_at',
        'recordings.deleted_reason',
      ])
      .where('conversations.client_id', '=', clientId)
      .orderBy('recordings.created_at', 'desc')
      .execute();
  }

  checks(clientId: string) {
    return this.db.selectFrom('alliance_requests').select(['created_at', 'answered_at', 'anonymous']).where('client_id', '=', clientId).orderBy('created_at', 'desc').execute();
  }

  /** Only answers given with the client's name carry their id; anonymous ones cannot be found, by design. */
  checkAnswers(clientId: string) {
    return this.db
      .selectFrom('alliance_answers')
      .select(['answered_on', 'period', 'collaboration', 'achievement', 'fit', 'own_topics', 'overall'])
      .where('client_id', '=', clientId)
      .orderBy('period', 'desc')
      .execute();
  }

  feedbackConversations(clientId: string) {
    return this.db
      .selectFrom('feedback_participants')
      .innerJoin('feedback_conversations', 'feedback_conversations.id', 'feedback_participants.feedback_id')
      .select(['feedback_conversations.id', 'feedback_conversations.created_at', 'feedback_conversations.status', 'feedback_conversations.completed_at'])
      .where('feedback_participants.client_id', '=', clientId)
      .orderBy('feedback_conversations.created_at', 'desc')
      .execute();
  }

  /** Drafts are the professional's until sent: the client has not received them. */
  sentFollowUps(clientId: string) {
    return this.db
      .selectFrom('follow_ups')
      .select(['id', 'sent_at', 'read_at'])
      .where('client_id', '=', clientId)
      .where('status', '=', 'sent')
      .orderBy('sent_at', 'desc')
      .execute();
  }
}
