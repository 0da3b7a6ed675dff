import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './database.js';

describe('withStatementCache', () => {
  const open: SQLite.Database[] = [];
  const database = () => {
    const sqlite = new SQLite(':memory:');
    open.push(sqlite);
    sqlite.exec('create table notes (id integer primary key, body text)');
    return sqlite;
  };
  afterEach(() => {
    for (const sqlite of open.splice(0)) sqlite.close();
  });

  it('prepares the same SQL once and gives back the same statement', () => {
    const cached = withStatementCache(database());
    const first = cached.prepare('select * from notes where id = ?');
    expect(cached.prepare('select * from notes where id = ?')).toBe(first);
    expect(cached.prepare('select body from notes where id = ?')).not.toBe(first);
  });

  it('drops the least recently used statement when full', () => {
    const cached = withStatementCache(database(), 2);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(a);
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(a);
    expect(cached.prepare('select 2')).not.toBe(b);
  });

  it('keeps answering correctly after the schema changes under a kept statement', () => {
    const sqlite = database();
    const cached = withStatementCache(sqlite);
    cached.prepare('insert into notes (id, body) values (?, ?)').run([1, 'eerste']);
    expect(cached.prepare('select * from notes').all([])).toEqual([{ id: 1, body: 'eerste' }]);
    sqlite.exec("alter table notes add column team text default 'werk'");
    expect(cached.prepare('select * from notes').all([])).toEqual([{ id: 1, body: 'eerste', team: 'werk' }]);
  });
});
