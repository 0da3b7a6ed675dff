import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@spreekkamer/shared';
import { migrateToLatest } from '../../db/migrate.js';
import { AccessRepository } from '../../db/repositories/access.repository.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';
import { checkAccess, requireAccess, type AccessGate, type AccessRequest } from './gate.js';

// The gate on a real (in-memory) SQLite with the real migrations. Foreign keys are off so each
// case inserts only the rows the rule reads; the repository's queries do not rely on them.
const org = 'org-1';
const otherOrg = 'org-2';
const now = new Date('2026-06-01T12:00:00.000Z');
const later = '2026-07-01T00:00:00.000Z';
const earlier = '2026-05-01T00:00:00.000Z';

function actor(userId: string, roles: Role[], organisationId = org): Actor {
  return { userId, organisationId, roles, teamIds: { professional: [], manager: [] } };
}
const owner = actor('pro-1', ['professional']);
const otherProfessional = actor('pro-2', ['professional']);
const ownerInOtherOrg = actor('pro-1', ['professional'], otherOrg);
const manager = actor('man-1', ['manager']);
// Managers may record their own conversations with staff; an administrator never records.
const administrator = actor('adm-1', ['administrator']);
const reviewer = actor('rev-1', ['reviewer']);
const groupMember = actor('rev-2', ['reviewer']);
const invitedMember = actor('rev-3', ['reviewer']);

let db: Kysely<Database>;
let gate: AccessGate;

async function refusal(request: AccessRequest): Promise<string> {
  try {
    await requireAccess(gate, request);
    return 'allowed';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

function recording(id: string, status: 'ready' | 'deleted' | 'processing') {
  return {
    id, organisation_id: org, professional_id: owner.userId, conversation_id: 'conv-1', consent_id: 'consent-1', kind: 'video' as const, status, progress: 100,
    upload_id: null, upload_length: null, wrapped_key: 'k', duration_seconds: 60, has_poster: 0 as const, failure_code: null, failure_message: null,
    created_at: earlier, updated_at: earlier, ready_at: earlier, retention_ends_at: null, retention_notice_at: null, deleted_at: null, deleted_reason: null, text_key: null,
  };
}

function share(id: string, recordingId: string, to: { recipient?: string; group?: string }, state: { expires?: string; revoked?: string } = {}) {
  return {
    id, organisation_id: org, recording_id: recordingId, professional_id: owner.userId, recipient_user_id: to.recipient ?? null, peer_group_id: to.group ?? null,
    question: '', client_talk: 0 as const, expires_at: state.expires ?? later, revoked_at: state.revoked ?? null, created_at: earlier,
  };
}

beforeAll(async () => {
  const sqlite = new SQLite(':memory:');
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest({ db, kind: 'sqlite', scrub: () => Promise.resolve(), close: () => db.destroy() }, { masterKey: randomBytes(32) });
  sqlite.pragma('foreign_keys = OFF');
  gate = { repository: new AccessRepository(db), now: () => now };

  await db.insertInto('recordings').values([recording('rec-ready', 'ready'), recording('rec-deleted', 'deleted'), recording('rec-processing', 'processing')]).execute();
  await db.insertInto('peer_group_members').values([
    { group_id: 'group-1', user_id: groupMember.userId, status: 'active', invited_by: null, created_at: earlier, joined_at: earlier },
    { group_id: 'group-1', user_id: invitedMember.userId, status: 'invited', invited_by: null, created_at: earlier, joined_at: null },
  ]).execute();
  await db.insertInto('shares').values([
    share('share-direct', 'rec-ready', { recipient: reviewer.userId }),
    share('share-group', 'rec-ready', { group: 'group-1' }),
    share('share-expired', 'rec-ready', { recipient: reviewer.userId }, { expires: earlier }),
    share('share-revoked', 'rec-ready', { recipient: reviewer.userId }, { revoked: earlier }),
    share('share-not-ready', 'rec-processing', { recipient: reviewer.userId }),
  ]).execute();
  await db.insertInto('feedback_conversations').values({
    id: 'fb-1', organisation_id: org, professional_id: owner.userId, conversation_id: null, status: 'invited', step: 0, summary: '',
    invitation_expires_at: later, created_at: earlier, updated_at: earlier, started_at: null, completed_at: null,
  }).execute();
  await db.insertInto('feedback_participants').values({
    id: 'part-1', feedback_id: 'fb-1', client_id: 'client-1', position: 0, anonymous: 0, display_name: null, intro_seen: 0, picks_json: '[]', own_words: '',
    prepared_at: null, created_at: earlier, short_summary: null, short_agreements: null, short_locale: null,
  }).execute();
});

afterAll(async () => {
  await db.destroy();
});

describe('requireAccess with a role-wide permission', () => {
  it('lets a role through and refuses every other role with forbidden', async () => {
    expect(await refusal({ actor: owner, permission: 'recordings.own' })).toBe('allowed');
    expect(await refusal({ actor: administrator, permission: 'recordings.own' })).toBe('forbidden');
    expect(await refusal({ actor: reviewer, permission: 'admin.audit' })).toBe('forbidden');
  });
});

describe('requireAccess on recordings', () => {
  it('lets the owner reach their own recording', async () => {
    expect(await refusal({ actor: owner, permission: 'recording.owner', ids: ['rec-ready'] })).toBe('allowed');
  });

  it('answers not_found to another professional, the same id in another organisation, a deleted or unknown recording', async () => {
    expect(await refusal({ actor: otherProfessional, permission: 'recording.owner', ids: ['rec-ready'] })).toBe('not_found');
    expect(await refusal({ actor: ownerInOtherOrg, permission: 'recording.owner', ids: ['rec-ready'] })).toBe('not_found');
    expect(await refusal({ actor: owner, permission: 'recording.owner', ids: ['rec-deleted'] })).toBe('not_found');
    expect(await refusal({ actor: owner, permission: 'recording.owner', ids: ['nope'] })).toBe('not_found');
  });

  it('refuses a role without recordings with forbidden before looking anything up', async () => {
    expect(await refusal({ actor: administrator, permission: 'recording.owner', ids: ['rec-ready'] })).toBe('forbidden');
  });

  it('needs every id: one foreign id in a batch refuses the whole batch, and an empty batch is refused', async () => {
    expect(await refusal({ actor: owner, permission: 'recording.owner', ids: ['rec-ready', 'rec-ready'] })).toBe('allowed');
    expect(await refusal({ actor: owner, permission: 'recording.owner', ids: ['rec-ready', 'rec-deleted'] })).toBe('not_found');
    expect(await refusal({ actor: owner, permission: 'recording.owner', ids: [] })).toBe('not_found');
  });
});

describe('requireAccess on shares', () => {
  it('reaches a named reviewer and an active group member while the share is active', async () => {
    expect(await refusal({ actor: reviewer, permission: 'share.recipient', ids: ['share-direct'] })).toBe('allowed');
    expect(await refusal({ actor: groupMember, permission: 'share.recipient', ids: ['share-group'] })).toBe('allowed');
  });

  it('does not reach an invited member, someone not named, or a share that ended or whose recording is not ready', async () => {
    expect(await refusal({ actor: invitedMember, permission: 'share.recipient', ids: ['share-group'] })).toBe('not_found');
    expect(await refusal({ actor: groupMember, permission: 'share.recipient', ids: ['share-direct'] })).toBe('not_found');
    for (const id of ['share-expired', 'share-revoked', 'share-not-ready']) {
      expect(await refusal({ actor: reviewer, permission: 'share.recipient', ids: [id] })).toBe('not_found');
    }
  });

  it('gives the owner every state through share.owner and share.read, and hides the share from a manager without telling why', async () => {
    expect(await refusal({ actor: owner, permission: 'share.owner', ids: ['share-direct', 'share-expired', 'share-revoked'] })).toBe('allowed');
    expect(await refusal({ actor: owner, permission: 'share.read', ids: ['share-revoked'] })).toBe('allowed');
    expect(await refusal({ actor: reviewer, permission: 'share.read', ids: ['share-direct'] })).toBe('allowed');
    expect(await refusal({ actor: reviewer, permission: 'share.owner', ids: ['share-direct'] })).toBe('not_found');
    expect(await refusal({ actor: manager, permission: 'share.recipient', ids: ['share-direct'] })).toBe('not_found');
  });

  it('checkAccess answers a batch with the subset that passes, in one go', async () => {
    const allowed = await checkAccess(gate, { actor: reviewer, permission: 'share.recipient', ids: ['share-direct', 'share-group', 'share-expired', 'share-direct'] });
    expect([...allowed]).toEqual(['share-direct']);
    expect(await checkAccess(gate, { actor: manager, permission: 'share.recipient', ids: ['share-direct'] })).toEqual(new Set());
  });
});

describe('requireAccess for a client session', () => {
  it('reaches a feedback conversation the client takes part in, not another client or organisation', async () => {
    expect(await refusal({ clientSession: { clientId: 'client-1', organisationId: org }, permission: 'feedback.participant', ids: ['fb-1'] })).toBe('allowed');
    expect(await refusal({ clientSession: { clientId: 'client-2', organisationId: org }, permission: 'feedback.participant', ids: ['fb-1'] })).toBe('not_found');
    expect(await refusal({ clientSession: { clientId: 'client-1', organisationId: otherOrg }, permission: 'feedback.participant', ids: ['fb-1'] })).toBe('not_found');
  });

  it('answers a missing client with client_unauthenticated', async () => {
    await db.insertInto('clients').values({ id: 'client-9', organisation_id: org, professional_id: owner.userId, pseudonym: 'K9', contact_wrapped: null, locale: 'nl', created_at: earlier, text_key: null }).execute();
    expect(await refusal({ clientSession: { clientId: 'client-9', organisationId: org }, permission: 'client.self', ids: ['client-9'] })).toBe('allowed');
    expect(await refusal({ clientSession: { clientId: 'client-9', organisationId: org }, permission: 'client.self', ids: ['client-1'] })).toBe('client_unauthenticated');
    expect(await refusal({ clientSession: { clientId: 'client-1', organisationId: org }, permission: 'client.self', ids: ['client-1'] })).toBe('client_unauthenticated');
  });
});

describe('requireAccess on teams and KAR canvases', () => {
  const member = actor('pro-kar', ['professional']);
  const lead = actor('lead-kar', ['manager']);
  const policyAdvisor = actor('pol-kar', ['policy_advisor']);
  const otherMember = actor('pro-other', ['professional']);
  const memberInOtherOrg = actor('pro-kar', ['professional'], otherOrg);
  const canvas = (id: string, teamId: string | null, organisationId = org) => ({
    id, organisation_id: organisationId, team_id: teamId, scope_key: teamId ?? 'organisation', year: 2026, content_json: '{"factors":[]}', created_at: earlier, updated_at: earlier,
  });

  beforeAll(async () => {
    await db.insertInto('teams').values([
      { id: 'team-kar', organisation_id: org, name: 'Team A', created_at: earlier },
      { id: 'team-other', organisation_id: org, name: 'Team B', created_at: earlier },
    ]).execute();
    await db.insertInto('memberships').values([
      { id: 'm1', user_id: member.userId, team_id: 'team-kar', role: 'professional', created_at: earlier },
      { id: 'm2', user_id: lead.userId, team_id: 'team-kar', role: 'manager', created_at: earlier },
      { id: 'm3', user_id: otherMember.userId, team_id: 'team-other', role: 'professional', created_at: earlier },
      { id: 'm4', user_id: policyAdvisor.userId, team_id: null, role: 'policy_advisor', created_at: earlier },
    ]).execute();
    await db.insertInto('kar_canvases').values([canvas('kar-team', 'team-kar'), canvas('kar-org', null), canvas('kar-elsewhere', null, otherOrg)]).execute();
  });

  it('lets a team member and the team lead start and open their own team canvas, nobody else', async () => {
    expect(await refusal({ actor: member, permission: 'team.member', ids: ['team-kar'] })).toBe('allowed');
    expect(await refusal({ actor: lead, permission: 'team.member', ids: ['team-kar'] })).toBe('allowed');
    expect(await refusal({ actor: otherMember, permission: 'team.member', ids: ['team-kar'] })).toBe('not_found');
    expect(await refusal({ actor: memberInOtherOrg, permission: 'team.member', ids: ['team-kar'] })).toBe('not_found');
    expect(await refusal({ actor: policyAdvisor, permission: 'team.member', ids: ['team-kar'] })).toBe('forbidden');
    expect(await refusal({ actor: member, permission: 'kar_canvas.member', ids: ['kar-team'] })).toBe('allowed');
    expect(await refusal({ actor: lead, permission: 'kar_canvas.member', ids: ['kar-team'] })).toBe('allowed');
    expect(await refusal({ actor: otherMember, permission: 'kar_canvas.member', ids: ['kar-team'] })).toBe('not_found');
    expect(await refusal({ actor: policyAdvisor, permission: 'kar_canvas.member', ids: ['kar-team'] })).toBe('not_found');
    expect(await refusal({ actor: memberInOtherOrg, permission: 'kar_canvas.member', ids: ['kar-team'] })).toBe('not_found');
  });

  it('keeps the organisation canvas to policy advisors and managers of that organisation, never the administrator', async () => {
    expect(await refusal({ actor: policyAdvisor, permission: 'kar_canvas.member', ids: ['kar-org'] })).toBe('allowed');
    expect(await refusal({ actor: lead, permission: 'kar_canvas.member', ids: ['kar-org', 'kar-team'] })).toBe('allowed');
    expect(await refusal({ actor: member, permission: 'kar_canvas.member', ids: ['kar-org'] })).toBe('not_found');
    expect(await refusal({ actor: policyAdvisor, permission: 'kar_canvas.member', ids: ['kar-elsewhere'] })).toBe('not_found');
    expect(await refusal({ actor: administrator, permission: 'kar_canvas.member', ids: ['kar-org'] })).toBe('forbidden');
    expect(await refusal({ actor: reviewer, permission: 'kar_canvas.member', ids: ['kar-team'] })).toBe('forbidden');
    expect(await refusal({ actor: policyAdvisor, permission: 'kar_canvas.member', ids: ['nope'] })).toBe('not_found');
  });
});
