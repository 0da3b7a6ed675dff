import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { demo, startTestServer, type TestServer } from './support/harness.js';

describe('hash-chained audit log', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    for (const email of Object.values(demo)) await server.login(email);
    await server.request({ method: 'POST', url: '/api/session', payload: { email: demo.admin, password: 'fout-wachtwoord' } });
  });
  afterAll(async () => server?.close());

  const verify = async () => (await (await server.login(demo.admin)).get('/api/admin/audit/verify')).json();

  it('verifies an untouched chain', async () => {
    const result = await verify();
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(7);
  });

  it('chains every entry to the previous one', async () => {
    const rows = await server.spreekkamer.database.db.selectFrom('audit_events').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
  });

  it('detects a changed entry', async () => {
    const db = server.spreekkamer.database.db;
    const target = await db.selectFrom('audit_events').select(['seq', 'action']).where('action', '=', 'auth.login_failed').executeTakeFirstOrThrow();
    await sql`update audit_events set action = 'auth.login' where seq = ${target.seq}`.execute(db);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(Number(target.seq));
    await sql`update audit_events set action = ${target.action} where seq = ${target.seq}`.execute(db);
    expect((await verify()).ok).toBe(true);
  });

  it('detects a removed entry', async () => {
    const db = server.spreekkamer.database.db;
    const rows = await db.selectFrom('audit_events').select('seq').orderBy('seq').execute();
    const middle = rows[2]?.seq;
    await sql`delete from audit_events where seq = ${middle}`.execute(db);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(Number(rows[3]?.seq));
  });
});
