import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@spreekkamer/shared';
import { migrateToLatest } from '../../db/migrate.js';
import { AccessRepository } from '../../db/repositories/access.repository.js';
import { newAccount } from '../../db/repositories/users.repository.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';
import { checkAccess, requireAccess, type AccessGate, type AccessRequest } from './gate.js';

// "Kijk met ons mee" on the gate (a separate file beside gate.test.ts, same set-up): a share for
// policy reaches only the policy advisor or management team member it names, while the client's
// policy choice holds; it never counts as a reviewer's share.
const org = 'org-1';
const otherOrg = 'org-2';
const now = new Date('2026-06-01T12:00:00.000Z');
const later = '2026-07-01T00:00:00.000Z';
const earlier = '2026-05-01T00:00:00.000Z';

function actor(userId: string, roles: Role[], organisationId = org): Actor {
  return { userId, organisationId, roles, teamIds: { professional: [], manager: [] } };
}
const owner = actor('pro-1', ['professional']);
const advisor = actor('pol-1', ['policy_advisor']);
const mt = actor('mt-1', ['manager']);
const mtAlsoProfessional = actor('mt-3', ['manager', 'professional']);
const leftMt = actor('mt-2', ['manager']);
const teamLead = actor('lead-1', ['manager']);
const administrator = actor('adm-1', ['administrator']);
const reviewer = actor('rev-1', ['reviewer']);
const advisorElsewhere = actor('pol-1', ['policy_advisor'], otherOrg);

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

function recording(id: string, consentId: string) {
  return {
    id, organisation_id: org, professional_id: owner.userId, conversation_id: `conv-${id}`, consent_id: consentId, kind: 'video' as const, status: 'ready' as const, progress: 100,
    upload_id: null, upload_length: null, wrapped_key: 'k', duration_seconds: 60, has_poster: 0 as const, failure_code: null, failure_message: null,
    created_at: earlier, updated_at: earlier, ready_at: earlier, retention_ends_at: null, retention_notice_at: null, deleted_at: null, deleted_reason: null, text_key: null,
  };
}

function consent(id: string, policyViewing: boolean, status: 'given' | 'withdrawn' = 'given') {
  return {
    id, conversation_id: `conv-${id}`, client_id: 'client-1', professional_id: owner.userId, status, media: 'video' as const, audience: 'professional' as const, reviewer_user_id: null,
    watch_with_client: 0 as const, feedback_via_reviewer: 0 as const, retention_days: 30, text_version: 'v1', locale: 'nl', signed_via: 'tablet' as const, client_signature: '',
    professional_consented_at: earlier, given_at: earlier, withdrawn_at: null, created_at: earlier, withdrawal_pending: 0 as const, reviewer_from: 'any' as const,
    policy_viewing: policyViewing ? (1 as const) : (0 as const),
  };
}

function share(id: string, recordingId: string, recipient: string, state: { policy?: boolean; expires?: string; revoked?: string } = {}) {
  return {
    id, organisation_id: org, recording_id: recordingId, professional_id: owner.userId, recipient_user_id: recipient, peer_group_id: null,
    question: '', client_talk: 0 as const, expires_at: state.expires ?? later, revoked_at: state.revoked ?? null, created_at: earlier, policy: state.policy === false ? (0 as const) : (1 as const),
  };
}

beforeAll(async () => {
  const sqlite = new SQLite(':memory:');
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest({ db, kind: 'sqlite', scrub: () => Promise.resolve(), close: () => db.destroy() }, { masterKey: randomBytes(32) });
  sqlite.pragma('foreign_keys = OFF');
  gate = { repository: new AccessRepository(db), now: () => now };

  await db.insertInto('users').values([
    { ...newAccount({ id: mt.userId, organisation_id: org, email: 'mt1@x.nl', name: 'MT 1', created_at: earlier }), management_team: 1 },
    { ...newAccount({ id: mtAlsoProfessional.userId, organisation_id: org, email: 'mt3@x.nl', name: 'MT 3', created_at: earlier }), management_team: 1 },
    { ...newAccount({ id: leftMt.userId, organisation_id: org, email: 'mt2@x.nl', name: 'MT 2', created_at: earlier }), management_team: 1, active: 0 },
    newAccount({ id: teamLead.userId, organisation_id: org, email: 'lead@x.nl', name: 'Lead', created_at: earlier }),
  ]).execute();
  await db.insertInto('consents').values([consent('consent-yes', true), consent('consent-no', false), consent('consent-gone', true, 'withdrawn')]).execute();
  await db.insertInto('recordings').values([recording('rec-yes', 'consent-yes'), recording('rec-no', 'consent-no'), recording('rec-gone', 'consent-gone')]).execute();
  await db.insertInto('moments').values(['rec-yes', 'rec-no', 'rec-gone'].map((recordingId) => ({
    id: `moment-${recordingId}`, organisation_id: org, recording_id: recordingId, professional_id: owner.userId, start_seconds: 10, end_seconds: 20, title: '', themes_json: '[]', notes: '', created_at: earlier, updated_at: earlier,
  }))).execute();
  await db.insertInto('shares').values([
    share('to-advisor', 'rec-yes', advisor.userId),
    share('to-mt', 'rec-yes', mt.userId),
    share('to-mt-pro', 'rec-yes', mtAlsoProfessional.userId),
    share('to-left-mt', 'rec-yes', leftMt.userId),
    share('to-lead', 'rec-yes', teamLead.userId),
    share('to-admin', 'rec-yes', administrator.userId),
    share('to-reviewer', 'rec-yes', reviewer.userId),
    share('choice-off', 'rec-no', advisor.userId),
    share('consent-gone', 'rec-gone', advisor.userId),
    share('expired', 'rec-yes', advisor.userId, { expires: earlier }),
    share('revoked', 'rec-yes', advisor.userId, { revoked: earlier }),
  ]).execute();
  await db.insertInto('share_moments').values(['to-advisor', 'to-mt', 'to-mt-pro', 'to-lead', 'to-reviewer', 'choice-off', 'consent-gone'].map((id) => ({
    share_id: id, moment_id: id === 'choice-off' ? 'moment-rec-no' : id === 'consent-gone' ? 'moment-rec-gone' : 'moment-rec-yes',
  }))).execute();
});

afterAll(async () => {
  await db.destroy();
});

describe('requireAccess on shares for policy (kijk met ons mee)', () => {
  it('reaches the policy advisor and the management team member it names, to view and to play', async () => {
    for (const [who, id] of [[advisor, 'to-advisor'], [mt, 'to-mt'], [mtAlsoProfessional, 'to-mt-pro']] as const) {
      expect(await refusal({ actor: who, permission: 'share.policy_recipient', ids: [id] })).toBe('allowed');
      expect(await refusal({ actor: who, permission: 'share.view', ids: [id] })).toBe('allowed');
      expect(await refusal({ actor: who, permission: 'recording.play', ids: ['rec-yes'] })).toBe('allowed');
    }
    expect(await refusal({ actor: owner, permission: 'share.view', ids: ['to-advisor', 'choice-off', 'revoked'] })).toBe('allowed');
  });

  it('is never a reviewer\'s share: no review meeting, outcome or comment rule lets a recipient in', async () => {
    for (const [who, id] of [[advisor, 'to-advisor'], [mt, 'to-mt'], [mtAlsoProfessional, 'to-mt-pro']] as const) {
      for (const permission of ['share.read', 'share.recipient', 'share.reviewer'] as const) {
        expect(await refusal({ actor: who, permission, ids: [id] }), `${who.userId} ${permission}`).toBe('not_found');
      }
      expect(await refusal({ actor: who, permission: 'moment.read', ids: ['moment-rec-yes'] })).toBe('not_found');
    }
    // Even a reviewer named in a share marked for policy gets nothing through it.
    expect(await refusal({ actor: reviewer, permission: 'share.recipient', ids: ['to-reviewer'] })).toBe('not_found');
    expect(await refusal({ actor: reviewer, permission: 'share.view', ids: ['to-reviewer'] })).toBe('not_found');
    expect(await refusal({ actor: reviewer, permission: 'recording.play', ids: ['rec-yes'] })).toBe('not_found');
  });

  it('refuses a team lead outside the MT, a deactivated MT member, an administrator and another organisation', async () => {
    expect(await refusal({ actor: teamLead, permission: 'share.policy_recipient', ids: ['to-lead'] })).toBe('not_found');
    expect(await refusal({ actor: teamLead, permission: 'recording.play', ids: ['rec-yes'] })).toBe('not_found');
    expect(await refusal({ actor: leftMt, permission: 'share.view', ids: ['to-left-mt'] })).toBe('not_found');
    expect(await refusal({ actor: administrator, permission: 'share.view', ids: ['to-admin'] })).toBe('not_found');
    expect(await refusal({ actor: administrator, permission: 'share.policy_recipient', ids: ['to-admin'] })).toBe('not_found');
    expect(await refusal({ actor: administrator, permission: 'shares.policy' })).toBe('forbidden');
    expect(await refusal({ actor: advisorElsewhere, permission: 'share.view', ids: ['to-advisor'] })).toBe('not_found');
    expect(await refusal({ actor: mt, permission: 'share.view', ids: ['to-advisor'] })).toBe('not_found');
    expect(await refusal({ actor: advisor, permission: 'share.view', ids: ['to-mt'] })).toBe('not_found');
  });

  it('ends with the end date, a revocation, the client\'s policy choice or the whole consent', async () => {
    for (const id of ['expired', 'revoked', 'choice-off', 'consent-gone']) {
      expect(await refusal({ actor: advisor, permission: 'share.view', ids: [id] }), id).toBe('not_found');
    }
    expect(await refusal({ actor: advisor, permission: 'recording.play', ids: ['rec-no'] })).toBe('not_found');
    expect(await refusal({ actor: advisor, permission: 'recording.play', ids: ['rec-gone'] })).toBe('not_found');
    const reachable = await checkAccess(gate, { actor: advisor, permission: 'share.policy_recipient', ids: ['to-advisor', 'expired', 'revoked', 'choice-off', 'consent-gone', 'to-mt'] });
    expect([...reachable]).toEqual(['to-advisor']);
  });

  it('stops at once when the client takes back the choice', async () => {
    await db.updateTable('consents').set({ policy_viewing: 0 }).where('id', '=', 'consent-yes').execute();
    try {
      expect(await refusal({ actor: advisor, permission: 'share.view', ids: ['to-advisor'] })).toBe('not_found');
      expect(await refusal({ actor: mt, permission: 'recording.play', ids: ['rec-yes'] })).toBe('not_found');
    } finally {
      await db.updateTable('consents').set({ policy_viewing: 1 }).where('id', '=', 'consent-yes').execute();
    }
  });
});
