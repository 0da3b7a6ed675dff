import type { Kysely, Selectable } from 'kysely';
import type { AllianceAnswersTable, AllianceRequestsTable, Database } from '../schema.js';
import { inTransaction } from './in-transaction.js';

export type AllianceRequestRow = Selectable<AllianceRequestsTable>;
export type AllianceAnswerRow = Selectable<AllianceAnswersTable>;

/** Alliance checks. Answers are read per professional; anonymous ones only as whole periods. */
export class AllianceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertRequest(row: AllianceRequestRow): Promise<void> {
    await this.db.insertInto('alliance_requests').values(row).execute();
  }

  findRequest(id: string): Promise<AllianceRequestRow | undefined> {
    return this.db.selectFrom('alliance_requests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Open (unanswered, unexpired) requests of one client. */
  openRequestsOfClient(clientId: string, now: string): Promise<AllianceRequestRow[]> {
    return this.db
      .selectFrom('alliance_requests')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('answered_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at')
      .execute();
  }

  /**
   * Stores an answer. An anonymous check's request keeps only the month it was answered in (so a
   * client counts once per month toward the minimum group size) and the answer keeps no client,
   * request or time: nothing ties the two together but the month.
   */
  async answer(request: AllianceRequestRow, answer: AllianceAnswerRow, answeredAt: string): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await trx
        .updateTable('alliance_requests')
        .set({ answered_at: request.anonymous === 1 ? answer.period : answeredAt })
        .where('id', '=', request.id)
        .execute();
      await trx.insertInto('alliance_answers').values(answer).execute();
    });
  }

  /** Whether this client already answered an anonymous check for this professional in this month. */
  async answeredAnonymouslyIn(professionalId: string, clientId: string, period: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('alliance_requests')
      .select('id')
      .where('professional_id', '=', professionalId)
      .where('client_id', '=', clientId)
      .where('anonymous', '=', 1)
      .where('answered_at', '=', period)
      .executeTakeFirst();
    return row !== undefined;
  }

  async deleteRequest(id: string): Promise<void> {
    await this.db.deleteFrom('alliance_requests').where('id', '=', id).execute();
  }

  /** A named client's answers to their own professional, oldest first. Never anonymous ones. */
  identifiedAnswers(professionalId: string, clientId: string): Promise<AllianceAnswerRow[]> {
    return this.db
      .selectFrom('alliance_answers')
      .selectAll()
      .where('professional_id', '=', professionalId)
      .where('client_id', '=', clientId)
      .where('anonymous', '=', 0)
      .orderBy('answered_on')
      .orderBy('id')
      .execute();
  }

  /** The latest answers of each named client of one professional (for quiet signals). */
  identifiedAnswersOfProfessional(professionalId: string): Promise<AllianceAnswerRow[]> {
    return this.db
      .selectFrom('alliance_answers')
      .selectAll()
      .where('professional_id', '=', professionalId)
      .where('anonymous', '=', 0)
      .where('client_id', 'is not', null)
      .orderBy('answered_on')
      .execute();
  }

  /** Anonymous answers of one professional in closed periods only (before `currentPeriod`). */
  anonymousAnswers(professionalId: string, currentPeriod: string): Promise<AllianceAnswerRow[]> {
    return this.db
      .selectFrom('alliance_answers')
      .selectAll()
      .where('professional_id', '=', professionalId)
      .where('anonymous', '=', 1)
      .where('period', '<', currentPeriod)
      .orderBy('period')
      .execute();
  }

  openRequestsOfProfessionalClient(professionalId: string, clientId: string, now: string): Promise<AllianceRequestRow[]> {
    return this.db
      .selectFrom('alliance_requests')
      .selectAll()
      .where('professional_id', '=', professionalId)
      .where('client_id', '=', clientId)
      .where('anonymous', '=', 0)
      .where('answered_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at')
      .execute();
  }
}
