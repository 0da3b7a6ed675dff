import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@spreekkamer/shared';
import type { AuditEntry } from '../src/audit/audit-log.js';
import { databaseUnderTest, demo, startTestServer, type Agent, type TestServer, expectProblem } from './support/harness.js';
import { consentedConversation } from './support/review-fixtures.js';

// A service write and its audit entry land together or not at all. The audit insert is made to
// fail for real: a trigger in the database refuses one action, as a full disk or a lost
// connection would at that point.
let server: TestServer;
let professional: Agent;
let clientId: string;

async function refuseAuditOf(action: string): Promise<void> {
  const db = server.spreekkamer.database.db;
  if (databaseUnderTest() === 'sqlite') {
    await sql.raw(`create trigger refuse_audit before insert on audit_events when new.action = '${action}' begin select raise(abort, 'audit refused'); end`).execute(db);
  } else {
    await sql.raw(`create function refuse_audit() returns trigger language plpgsql as $$ begin if new.action = '${action}' then raise exception 'audit refused'; end if; return new; end $$`).execute(db);
    await sql.raw('create trigger refuse_audit before insert on audit_events for each row execute function refuse_audit()').execute(db);
  }
}

async function allowAudit(): Promise<void> {
  const db = server.spreekkamer.database.db;
  await sql.raw('drop trigger refuse_audit' + (databaseUnderTest() === 'sqlite' ? '' : ' on audit_events')).execute(db);
  if (databaseUnderTest() === 'postgres') await sql.raw('drop function refuse_audit()').execute(db);
}

async function auditCount(action: string): Promise<number> {
  const row = await server.spreekkamer.database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string | number>().as('n')).where('action', '=', action).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function followUpsOfClient(): Promise<{ id: string; status: string }[]> {
  return server.spreekkamer.database.db.selectFrom('follow_ups').select(['id', 'status']).where('client_id', '=', clientId).orderBy('created_at').execute();
}

beforeAll(async () => {
  server = await startTestServer();
  professional = await server.login(demo.professional);
  const created = await professional.call(contract.clients.create, { body: { pseudonym: 'Mevrouw T.', contact: null } });
  clientId = created.id;
});

afterAll(async () => {
  await server?.close();
});

describe('a service write and its audit entry in one transaction', () => {
  it('leaves neither the follow-up nor its audit entry when the audit insert fails', async () => {
    await refuseAuditOf('follow_up.drafted');
    try {
      const refused = await professional.post('/api/follow-ups', { clientId, learned: 'Ik luister beter.', changed: 'Ik vat samen.' });
      expect(refused.statusCode).toBe(500);
      expect(refused.body).not.toContain('audit refused');
    } finally {
      await allowAudit();
    }
    expect(await followUpsOfClient()).toEqual([]);
    expect(await auditCount('follow_up.drafted')).toBe(0);

    await professional.call(contract.followUps.create, { body: { clientId, learned: 'Ik luister beter.', changed: 'Ik vat samen.' } });
    expect(await followUpsOfClient()).toHaveLength(1);
    expect(await auditCount('follow_up.drafted')).toBe(1);
  });

  it('keeps a draft unchanged, and unsent, when the audit of the change or the sending fails', async () => {
    const [draft] = await followUpsOfClient();
    if (!draft) throw new Error('the draft of the first test is missing');
    await refuseAuditOf('follow_up.sent');
    try {
      await expectProblem(professional.call(contract.followUps.send, { params: { id: draft.id } }), 500);
    } finally {
      await allowAudit();
    }
    expect(await followUpsOfClient()).toEqual([{ id: draft.id, status: 'draft' }]);
    expect(await auditCount('follow_up.sent')).toBe(0);

    await refuseAuditOf('follow_up.changed');
    try {
      await expectProblem(professional.call(contract.followUps.update, { params: { id: draft.id }, body: { learned: 'Iets anders' } }), 500);
    } finally {
      await allowAudit();
    }
    const list = (await professional.call(contract.followUps.list, { query: { clientId } })) as { followUps: { id: string; learned: string }[] };
    expect(list.followUps.find((f) => f.id === draft.id)?.learned).toBe('Ik luister beter.');
  });

  it('leaves no recording when the audit of its creation fails', async () => {
    const { conversationId } = await consentedConversation(server, professional, { media: 'video', audience: 'professional' });
    const recordingsOf = () => server.spreekkamer.database.db.selectFrom('recordings').select('id').where('conversation_id', '=', conversationId).execute();
    await refuseAuditOf('recording.created');
    try {
      await expectProblem(professional.call(contract.recordings.create, { body: { conversationId, kind: 'video', sizeBytes: 1000 } }), 500);
    } finally {
      await allowAudit();
    }
    expect(await recordingsOf()).toEqual([]);
    expect(await auditCount('recording.created')).toBe(0);
    await professional.call(contract.recordings.create, { body: { conversationId, kind: 'video', sizeBytes: 1000 } });
    expect(await recordingsOf()).toHaveLength(1);
  });

  it('leaves no peer group, and no members, when the audit of its creation fails', async () => {
    const groupsNamed = () => server.spreekkamer.database.db.selectFrom('peer_groups').select('id').where('name', '=', 'Intervisie zonder spoor').execute();
    const members = async () => Number((await server.spreekkamer.database.db.selectFrom('peer_group_members').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
    const membersBefore = await members();
    await refuseAuditOf('review.group_created');
    try {
      await expectProblem(professional.call(contract.reviews.createPeerGroup, { body: { name: 'Intervisie zonder spoor', memberIds: [] } }), 500);
    } finally {
      await allowAudit();
    }
    expect(await groupsNamed()).toEqual([]);
    expect(await members()).toBe(membersBefore);
    expect(await auditCount('review.group_created')).toBe(0);
    await professional.call(contract.reviews.createPeerGroup, { body: { name: 'Intervisie zonder spoor', memberIds: [] } });
    expect(await groupsNamed()).toHaveLength(1);
  });

  it('keeps a consent in force when the audit of its withdrawal fails', async () => {
    const { consentId, client } = await consentedConversation(server, professional, { media: 'audio', audience: 'professional' });
    const statusOf = async () => (await server.spreekkamer.database.db.selectFrom('consents').select('status').where('id', '=', consentId).executeTakeFirstOrThrow()).status;
    await refuseAuditOf('consent.withdrawn');
    try {
      await expectProblem(client.call(contract.clientConsent.withdraw, { params: { id: consentId } }), 500);
    } finally {
      await allowAudit();
    }
    expect(await statusOf()).toBe('given');
    expect(await auditCount('consent.withdrawn')).toBe(0);
    await client.call(contract.clientConsent.withdraw, { params: { id: consentId } });
    expect(await statusOf()).toBe('withdrawn');
  });

  it('tells audit listeners only about committed entries, after the commit', async () => {
    const heard: AuditEntry[] = [];
    server.spreekkamer.audit.listen(async (entry) => {
      if (entry.action.startsWith('test.')) heard.push(entry);
    });
    const entry = { organisationId: null, actorUserId: null, action: 'test.rolled_back' } as const;
    await expect(
      server.spreekkamer.unitOfWork.run(async ({ audit }) => {
        await audit.record(entry);
        throw new Error('after the write');
      }),
    ).rejects.toThrow('after the write');
    expect(await auditCount('test.rolled_back')).toBe(0);
    expect(heard).toEqual([]);

    await server.spreekkamer.unitOfWork.run(async ({ audit }) => {
      await audit.record({ ...entry, action: 'test.committed' });
      expect(heard).toEqual([]);
    });
    expect(heard.map((e) => e.action)).toEqual(['test.committed']);
  });

  it('keeps the audit chain whole when transactional and plain entries are written at the same time', async () => {
    await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => professional.post('/api/follow-ups', { clientId, learned: `Les ${i}`, changed: 'Anders' })),
      ...Array.from({ length: 4 }, () => server.spreekkamer.audit.record({ organisationId: null, actorUserId: null, action: 'test.plain' })),
    ]);
    expect(await auditCount('follow_up.drafted')).toBe(5);
    expect((await server.spreekkamer.audit.verify()).ok).toBe(true);
  });
});
