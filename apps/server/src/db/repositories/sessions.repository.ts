import type { Kysely, Selectable } from 'kysely';
import type { Database, SessionsTable } from '../schema.js';
import type { OrganisationRow } from './organisations.repository.js';
import type { UserRow } from './users.repository.js';
import { prepared } from '../prepared.js';

export type SessionRow = Selectable<SessionsTable>;

const byTokenHash = prepared((db, tokenHash: string) => db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash));

/** A session with its account and organisation, in one query (every authenticated request asks). */
export interface SessionWithAccount {
  session: SessionRow;
  user: UserRow;
  organisation: OrganisationRow;
}

// Inner joins lose nothing: a session's user is a cascading foreign key, a user's organisation a required one.
const withAccount = prepared((db, tokenHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .selectAll('users')
    .select([
      'sessions.id as session__id',
      'sessions.user_id as session__user_id',
      'sessions.token_hash as session__token_hash',
      'sessions.created_at as session__created_at',
      'sessions.last_seen_at as session__last_seen_at',
      'sessions.expires_at as session__expires_at',
      'organisations.id as organisation__id',
      'organisations.name as organisation__name',
      'organisations.require_totp as organisation__require_totp',
      'organisations.settings_json as organisation__settings_json',
      'organisations.created_at as organisation__created_at',
    ])
    .where('sessions.token_hash', '=', tokenHash),
);

export class SessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: SessionRow): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  findByTokenHash(tokenHash: string): Promise<SessionRow | undefined> {
    return byTokenHash(this.db, tokenHash).then((rows) => rows[0]);
  }

  async findWithAccount(tokenHash: string): Promise<SessionWithAccount | undefined> {
    const row = (await withAccount(this.db, tokenHash))[0];
    if (!row) return undefined;
    const {
      session__id,
      session__user_id,
      session__token_hash,
      session__created_at,
      session__last_seen_at,
      session__expires_at,
      organisation__id,
      organisation__name,
      organisation__require_totp,
      organisation__settings_json,
      organisation__created_at,
      ...user
    } = row;
    return {
      session: { id: session__id, user_id: session__user_id, token_hash: session__token_hash, created_at: session__created_at, last_seen_at: session__last_seen_at, expires_at: session__expires_at },
      user,
      organisation: { id: organisation__id, name: organisation__name, require_totp: organisation__require_totp, settings_json: organisation__settings_json, created_at: organisation__created_at },
    };
  }

  async touch(id: string, lastSeenAt: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteForUser(userId: string, exceptSessionId?: string): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
    await query.execute();
  }

  async deleteExpired(now: string, idleCutoff: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
