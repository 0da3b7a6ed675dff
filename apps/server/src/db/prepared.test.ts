import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { prepared } from './prepared.js';
import type { Database } from './schema.js';

describe('prepared', () => {
  const open: Kysely<Database>[] = [];
  const database = () => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec("create table organisations (id text primary key, name text, require_totp integer, settings_json text, created_at text)");
    sqlite.exec("insert into organisations values ('a', 'Eerste', 0, '{}', '2026-01-01'), ('b', 'Tweede', 1, '{}', '2026-01-02')");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    open.push(db);
    return db;
  };
  afterEach(async () => {
    for (const db of open.splice(0)) await db.destroy();
  });

  const byIdAndTotp = prepared((db, id: string, requireTotp: 0 | 1) =>
    db.selectFrom('organisations').select(['id', 'name']).where('id', '=', id).where('require_totp', '=', requireTotp),
  );

  it('fills in each call its own arguments, in their places', async () => {
    const db = database();
    expect(await byIdAndTotp(db, 'a', 0)).toEqual([{ id: 'a', name: 'Eerste' }]);
    expect(await byIdAndTotp(db, 'b', 1)).toEqual([{ id: 'b', name: 'Tweede' }]);
    expect(await byIdAndTotp(db, 'b', 0)).toEqual([]);
  });

  it('works on a second database and inside a transaction, seeing its uncommitted rows', async () => {
    await byIdAndTotp(database(), 'a', 0);
    const db = database();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('organisations').values({ id: 'c', name: 'Derde', require_totp: 0, settings_json: '{}', created_at: '2026-01-03' }).execute();
      expect(await byIdAndTotp(trx, 'c', 0)).toEqual([{ id: 'c', name: 'Derde' }]);
    });
  });

  it('refuses a query that does not use every argument as a value', async () => {
    const unused = prepared((db, id: string) => db.selectFrom('organisations').select('id').where('name', '=', id === 'a' ? 'Eerste' : 'Tweede'));
    await expect(unused(database(), 'a')).rejects.toThrow(/each argument/);
  });
});
