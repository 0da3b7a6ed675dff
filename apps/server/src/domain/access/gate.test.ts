// Longer than 350 lines on purpose — one file: every rule of the gate against one seeded database, so the cases of related rules (owner, recipient, other organisation) read side by side.
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

  await db.insertInto('recordings').values([recording('rec-ready', 'ready'), recording('rec-deleted', 'deleted'), recording('rec-processing', 'processing'), { ...recording('rec-keyless', 'ready'), wrapped_key: null }]).execute();
  await db.insertInto('peer_groups').values({ id: 'group-1', organisation_id: org, name: 'Intervisie', created_by: groupMember.userId, created_at: earlier }).execute();
  await db.insertInto('moments').values(['rec-ready', 'rec-keyless'].map((recordingId) => ({
    id: `moment-${recordingId}`, organisation_id: org, recording_id: recordingId, professional_id: owner.userId, start_seconds: 10, end_seconds: 20, title: '', themes_json: '[]', notes: '', created_at: earlier, updated_at: earlier,
  }))).execute();
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
  await db.insertInto('share_moments').values([
    { share_id: 'share-direct', moment_id: 'moment-rec-ready' },
    { share_id: 'share-group', moment_id: 'moment-rec-ready' },
    { share_id: 'share-expired', moment_id: 'moment-rec-ready' },
  ]).execute();
  await db.insertInto('shares').values(share('share-keyless', 'rec-keyless', { recipient: 'rev-4' })).execute();
  await db.insertInto('share_moments').values({ share_id: 'share-keyless', moment_id: 'moment-rec-keyless' }).execute();
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

describe('requireAccess on recordings in any state and on conversations', () => {
  it('lets the owner reach their recording in any state, deleted included, and nobody else', async () => {
    expect(await refusal({ actor: owner, permission: 'recording.made', ids: ['rec-ready', 'rec-deleted', 'rec-processing'] })).toBe('allowed');
    for (const someone of [otherProfessional, ownerInOtherOrg, actor(manager.userId, ['manager'])]) {
      expect(await refusal({ actor: someone, permission: 'recording.made', ids: ['rec-ready'] })).toBe('not_found');
    }
    expect(await refusal({ actor: reviewer, permission: 'recording.made', ids: ['rec-ready'] })).toBe('forbidden');
    expect(await refusal({ actor: administrator, permission: 'recording.made', ids: ['rec-ready'] })).toBe('forbidden');
  });

  it('lets the professional reach the conversations they held, not another professional’s or another organisation’s', async () => {
    await db.insertInto('conversations').values([
      { id: 'conv-own', organisation_id: org, professional_id: owner.userId, client_id: 'client-1', held_on: '2026-05-01', kind: 'in_person' as const, created_at: earlier, reviewer_user_id: null },
      { id: 'conv-other-org', organisation_id: otherOrg, professional_id: owner.userId, client_id: 'client-1', held_on: '2026-05-01', kind: 'in_person' as const, created_at: earlier, reviewer_user_id: null },
    ]).execute();
    expect(await refusal({ actor: owner, permission: 'conversation.owner', ids: ['conv-own'] })).toBe('allowed');
    expect(await refusal({ actor: owner, permission: 'conversation.owner', ids: ['conv-own', 'conv-other-org'] })).toBe('not_found');
    expect(await refusal({ actor: otherProfessional, permission: 'conversation.owner', ids: ['conv-own'] })).toBe('not_found');
    expect(await refusal({ actor: manager, permission: 'conversation.owner', ids: ['conv-own'] })).toBe('not_found');
    expect(await refusal({ actor: reviewer, permission: 'conversation.owner', ids: ['conv-own'] })).toBe('forbidden');
  });
});

describe('requireAccess on consents', () => {
  function consent(id: string, conversationId: string, status: 'given' | 'declined' | 'withdrawn') {
    return {
      id, conversation_id: conversationId, client_id: 'client-1', professional_id: owner.userId, status, media: 'video' as const, audience: 'professional' as const, reviewer_user_id: null,
      watch_with_client: 0 as const, feedback_via_reviewer: 0 as const, retention_days: 30, text_version: 'v1', locale: 'nl', signed_via: 'tablet' as const, client_signature: '',
      professional_consented_at: null, given_at: earlier, withdrawn_at: null, created_at: earlier, withdrawal_pending: 0 as const, reviewer_from: 'any' as const,
    };
  }

  it('lets the client and the professional reach a consent in any state, nobody else', async () => {
    await db.insertInto('conversations').values([
      { id: 'conv-c', organisation_id: org, professional_id: owner.userId, client_id: 'client-1', held_on: '2026-05-01', kind: 'in_person' as const, created_at: earlier, reviewer_user_id: null },
      { id: 'conv-c-other-org', organisation_id: otherOrg, professional_id: owner.userId, client_id: 'client-1', held_on: '2026-05-01', kind: 'in_person' as const, created_at: earlier, reviewer_user_id: null },
    ]).execute();
    await db.insertInto('consents').values([consent('consent-given', 'conv-c', 'given'), consent('consent-withdrawn', 'conv-c', 'withdrawn'), consent('consent-other-org', 'conv-c-other-org', 'given')]).execute();
    const client = { clientId: 'client-1', organisationId: org };
    expect(await refusal({ clientSession: client, permission: 'consent.client', ids: ['consent-given', 'consent-withdrawn'] })).toBe('allowed');
    expect(await refusal({ clientSession: { clientId: 'client-2', organisationId: org }, permission: 'consent.client', ids: ['consent-given'] })).toBe('not_found');
    expect(await refusal({ clientSession: client, permission: 'consent.client', ids: ['consent-other-org'] })).toBe('not_found');
    // consent.giver is narrower: a withdrawn consent no longer counts.
    expect(await refusal({ clientSession: client, permission: 'consent.giver', ids: ['consent-withdrawn'] })).toBe('not_found');

    expect(await refusal({ actor: owner, permission: 'consent.professional', ids: ['consent-given', 'consent-withdrawn'] })).toBe('allowed');
    expect(await refusal({ actor: owner, permission: 'consent.professional', ids: ['consent-other-org'] })).toBe('not_found');
    expect(await refusal({ actor: otherProfessional, permission: 'consent.professional', ids: ['consent-given'] })).toBe('not_found');
    expect(await refusal({ actor: manager, permission: 'consent.professional', ids: ['consent-given'] })).toBe('not_found');
    expect(await refusal({ actor: reviewer, permission: 'consent.professional', ids: ['consent-given'] })).toBe('forbidden');
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

describe('requireAccess on playback', () => {
  it('lets the owner play their ready recording, in any role that owns recordings', async () => {
    expect(await refusal({ actor: owner, permission: 'recording.play', ids: ['rec-ready'] })).toBe('allowed');
    expect(await refusal({ actor: actor(owner.userId, ['manager']), permission: 'recording.play', ids: ['rec-ready'] })).toBe('allowed');
  });

  it('lets a named reviewer and an active group member play a recording an active share holds a moment of', async () => {
    expect(await refusal({ actor: reviewer, permission: 'recording.play', ids: ['rec-ready'] })).toBe('allowed');
    expect(await refusal({ actor: groupMember, permission: 'recording.play', ids: ['rec-ready'] })).toBe('allowed');
  });

  it('refuses with not_found another professional, a manager, an administrator, an invitee, another organisation and the owner without the role', async () => {
    for (const someone of [otherProfessional, manager, administrator, invitedMember, ownerInOtherOrg, actor(owner.userId, ['reviewer'])]) {
      expect(await refusal({ actor: someone, permission: 'recording.play', ids: ['rec-ready'] })).toBe('not_found');
    }
  });

  it('plays nothing that is deleted, not ready or without its key, for the owner or a recipient', async () => {
    for (const id of ['rec-deleted', 'rec-processing', 'rec-keyless', 'nope']) {
      expect(await refusal({ actor: owner, permission: 'recording.play', ids: [id] })).toBe('not_found');
    }
    expect(await refusal({ actor: actor('rev-4', ['reviewer']), permission: 'recording.play', ids: ['rec-keyless'] })).toBe('not_found');
  });

  it('stops when the share that reached the recording ended', async () => {
    await db.updateTable('shares').set({ revoked_at: earlier }).where('id', '=', 'share-direct').execute();
    try {
      expect(await refusal({ actor: reviewer, permission: 'recording.play', ids: ['rec-ready'] })).toBe('not_found');
      expect(await refusal({ actor: groupMember, permission: 'recording.play', ids: ['rec-ready'] })).toBe('allowed');
    } finally {
      await db.updateTable('shares').set({ revoked_at: null }).where('id', '=', 'share-direct').execute();
    }
  });
});

describe('requireAccess on peer groups', () => {
  it('lets an active member act for the group, and an invitee accept or leave', async () => {
    expect(await refusal({ actor: groupMember, permission: 'peer_group.member', ids: ['group-1'] })).toBe('allowed');
    expect(await refusal({ actor: groupMember, permission: 'peer_group.invitee', ids: ['group-1'] })).toBe('allowed');
    expect(await refusal({ actor: invitedMember, permission: 'peer_group.invitee', ids: ['group-1'] })).toBe('allowed');
    expect(await refusal({ actor: invitedMember, permission: 'peer_group.member', ids: ['group-1'] })).toBe('not_found');
  });

  it('refuses someone outside the group, the same person in another organisation, and a role without shares with forbidden', async () => {
    expect(await refusal({ actor: owner, permission: 'peer_group.invitee', ids: ['group-1'] })).toBe('not_found');
    expect(await refusal({ actor: { ...groupMember, organisationId: otherOrg }, permission: 'peer_group.member', ids: ['group-1'] })).toBe('not_found');
    expect(await refusal({ actor: groupMember, permission: 'peer_group.member', ids: ['group-unknown'] })).toBe('not_found');
    expect(await refusal({ actor: administrator, permission: 'peer_group.member', ids: ['group-1'] })).toBe('forbidden');
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

describe('requireAccess on the team learning agenda', () => {
  const member = actor('agenda-member', ['professional']);
  const lead = actor('agenda-lead', ['manager']);
  const otherTeamMember = actor('agenda-other', ['professional']);
  const memberInOtherOrg = actor('agenda-member', ['professional'], otherOrg);
  const policyAdvisor = actor('agenda-policy', ['policy_advisor']);
  const administratorInTeam = actor('agenda-admin', ['administrator']);

  beforeAll(async () => {
    await db.insertInto('teams').values([
      { id: 'team-a', organisation_id: org, name: 'A', created_at: earlier },
      { id: 'team-b', organisation_id: org, name: 'B', created_at: earlier },
    ]).execute();
    await db.insertInto('memberships').values([
      { id: 'm-1', user_id: member.userId, team_id: 'team-a', role: 'professional', created_at: earlier },
      { id: 'm-2', user_id: lead.userId, team_id: 'team-a', role: 'manager', created_at: earlier },
      { id: 'm-3', user_id: otherTeamMember.userId, team_id: 'team-b', role: 'professional', created_at: earlier },
      // A membership row with a non-team role never opens a team's agenda.
      { id: 'm-4', user_id: administratorInTeam.userId, team_id: 'team-a', role: 'administrator', created_at: earlier },
    ]).execute();
    await db.insertInto('agenda_meetings').values({ id: 'meet-a', organisation_id: org, team_id: 'team-a', meeting_date: '2026-06-10', note: '', created_at: earlier, updated_at: earlier }).execute();
    const item = { organisation_id: org, team_id: 'team-a', named: 0 as const, kind: 'lesson' as const, text: 'Les', themes: '[]', status: 'new' as const, agreement: '', meeting_id: null, created_at: earlier, updated_at: earlier };
    await db.insertInto('agenda_items').values([
      { ...item, id: 'item-mine', author_id: member.userId },
      { ...item, id: 'item-lead', author_id: lead.userId },
      { ...item, id: 'item-left', author_id: null },
    ]).execute();
  });

  it('opens a team to its members and its lead, and only the lead plans', async () => {
    expect(await refusal({ actor: member, permission: 'team.agenda_member', ids: ['team-a'] })).toBe('allowed');
    expect(await refusal({ actor: lead, permission: 'team.agenda_member', ids: ['team-a'] })).toBe('allowed');
    expect(await refusal({ actor: lead, permission: 'team.agenda_lead', ids: ['team-a'] })).toBe('allowed');
    expect(await refusal({ actor: member, permission: 'team.agenda_lead', ids: ['team-a'] })).toBe('not_found');
    expect(await refusal({ actor: lead, permission: 'agenda_meeting.lead', ids: ['meet-a'] })).toBe('allowed');
    expect(await refusal({ actor: member, permission: 'agenda_meeting.lead', ids: ['meet-a'] })).toBe('not_found');
    expect(await refusal({ actor: lead, permission: 'agenda_item.lead', ids: ['item-mine', 'item-left'] })).toBe('allowed');
  });

  it('refuses another team, another organisation, a policy advisor and an administrator with not_found', async () => {
    for (const outsider of [otherTeamMember, memberInOtherOrg, policyAdvisor, administratorInTeam]) {
      expect(await refusal({ actor: outsider, permission: 'team.agenda_member', ids: ['team-a'] })).toBe('not_found');
      expect(await refusal({ actor: outsider, permission: 'agenda_item.member', ids: ['item-mine'] })).toBe('not_found');
      expect(await refusal({ actor: outsider, permission: 'agenda_meeting.lead', ids: ['meet-a'] })).toBe('not_found');
    }
    expect(await refusal({ actor: policyAdvisor, permission: 'agenda.team' })).toBe('forbidden');
    expect(await refusal({ actor: administratorInTeam, permission: 'agenda.team' })).toBe('forbidden');
  });

  it('lets only the author withdraw, and not an item whose author left', async () => {
    expect(await refusal({ actor: member, permission: 'agenda_item.author', ids: ['item-mine'] })).toBe('allowed');
    expect(await refusal({ actor: lead, permission: 'agenda_item.author', ids: ['item-mine'] })).toBe('not_found');
    expect(await refusal({ actor: member, permission: 'agenda_item.author', ids: ['item-lead'] })).toBe('not_found');
    expect(await refusal({ actor: member, permission: 'agenda_item.author', ids: ['item-left'] })).toBe('not_found');
    expect([...(await checkAccess(gate, { actor: member, permission: 'agenda_item.member', ids: ['item-mine', 'item-lead', 'item-left', 'nope'] }))].sort()).toEqual(['item-lead', 'item-left', 'item-mine']);
  });
});

describe('requireAccess on signals to policy and the management team', () => {
  const policyAdvisor = actor('pol-1', ['policy_advisor']);
  const policyInOtherOrg = actor('pol-1', ['policy_advisor'], otherOrg);
  const mtMember = actor('mt-1', ['manager']);
  const leftMt = actor('mt-2', ['manager']);
  const signal = (id: string, to: { policy: boolean; management: boolean }) => ({
    id, organisation_id: org, author_id: owner.userId, kind: 'knelt' as const, subject: 'rule' as const, theme: 'fit', text: 'Een regel', named: 0 as const,
    to_policy: to.policy ? (1 as const) : (0 as const), to_management: to.management ? (1 as const) : (0 as const), status: 'received' as const,
    group_id: null, agenda_item_id: null, answer: null, answered_at: null, created_at: earlier,
  });

  beforeAll(async () => {
    await db.insertInto('organisations').values({ id: org, name: 'Gemeente', require_totp: 0, settings_json: '{}', created_at: earlier }).execute();
    await db.insertInto('users').values([
      { ...newAccount({ id: mtMember.userId, organisation_id: org, email: 'mt1@x.nl', name: 'MT 1', created_at: earlier }), management_team: 1 },
      { ...newAccount({ id: leftMt.userId, organisation_id: org, email: 'mt2@x.nl', name: 'MT 2', created_at: earlier }), management_team: 1, active: 0 },
      newAccount({ id: manager.userId, organisation_id: org, email: 'man1@x.nl', name: 'Man 1', created_at: earlier }),
    ]).execute();
    await db.insertInto('signals').values([signal('sig-policy', { policy: true, management: false }), signal('sig-mt', { policy: false, management: true })]).execute();
    await db.insertInto('signal_groups').values({ id: 'grp-1', organisation_id: org, name: 'Wachttijd', status: 'received', answer: null, answered_at: null, created_at: earlier }).execute();
  });

  it('lets the author reach their own signal, and nobody else as author', async () => {
    expect(await refusal({ actor: owner, permission: 'signal.author', ids: ['sig-policy', 'sig-mt'] })).toBe('allowed');
    expect(await refusal({ actor: owner, permission: 'signal.read', ids: ['sig-mt'] })).toBe('allowed');
    expect(await refusal({ actor: otherProfessional, permission: 'signal.read', ids: ['sig-policy'] })).toBe('not_found');
    expect(await refusal({ actor: ownerInOtherOrg, permission: 'signal.author', ids: ['sig-policy'] })).toBe('not_found');
  });

  it('gives a policy advisor what was sent to policy, and a management team member what was sent to the MT', async () => {
    expect(await refusal({ actor: policyAdvisor, permission: 'signal.recipient', ids: ['sig-policy'] })).toBe('allowed');
    expect(await refusal({ actor: policyAdvisor, permission: 'signal.recipient', ids: ['sig-mt'] })).toBe('not_found');
    expect(await refusal({ actor: mtMember, permission: 'signal.recipient', ids: ['sig-mt'] })).toBe('allowed');
    expect(await refusal({ actor: mtMember, permission: 'signal.recipient', ids: ['sig-policy'] })).toBe('not_found');
    expect(await refusal({ actor: mtMember, permission: 'signal_inbox.reader', ids: [org] })).toBe('allowed');
    expect(await refusal({ actor: policyAdvisor, permission: 'signal_inbox.reader', ids: [org] })).toBe('allowed');
    expect(await refusal({ actor: policyAdvisor, permission: 'signal_group.recipient', ids: ['grp-1'] })).toBe('allowed');
  });

  it('refuses a manager outside the MT, a deactivated MT member, another organisation, a reviewer and an administrator', async () => {
    expect(await refusal({ actor: manager, permission: 'signal.recipient', ids: ['sig-mt'] })).toBe('not_found');
    expect(await refusal({ actor: manager, permission: 'signal_inbox.reader', ids: [org] })).toBe('not_found');
    expect(await refusal({ actor: manager, permission: 'signal_group.recipient', ids: ['grp-1'] })).toBe('not_found');
    expect(await refusal({ actor: leftMt, permission: 'signal.recipient', ids: ['sig-mt'] })).toBe('not_found');
    expect(await refusal({ actor: policyInOtherOrg, permission: 'signal.recipient', ids: ['sig-policy'] })).toBe('not_found');
    expect(await refusal({ actor: policyInOtherOrg, permission: 'signal_inbox.reader', ids: [org] })).toBe('not_found');
    expect(await refusal({ actor: policyInOtherOrg, permission: 'signal_group.recipient', ids: ['grp-1'] })).toBe('not_found');
    expect(await refusal({ actor: reviewer, permission: 'signal.read', ids: ['sig-policy'] })).toBe('not_found');
    expect(await refusal({ actor: administrator, permission: 'signal.read', ids: ['sig-policy'] })).toBe('not_found');
    expect(await refusal({ actor: administrator, permission: 'signal_inbox.reader', ids: [org] })).toBe('forbidden');
    expect(await refusal({ actor: administrator, permission: 'signals.send' })).toBe('forbidden');
  });

  it('lets an administrator change accounts of their own organisation only', async () => {
    expect(await refusal({ actor: administrator, permission: 'user.administrator', ids: [mtMember.userId] })).toBe('allowed');
    expect(await refusal({ actor: actor('adm-2', ['administrator'], otherOrg), permission: 'user.administrator', ids: [mtMember.userId] })).toBe('not_found');
    expect(await refusal({ actor: policyAdvisor, permission: 'user.administrator', ids: [mtMember.userId] })).toBe('forbidden');
  });
});

describe('requireAccess on learning questions, actions and the leercoach', () => {
  const pro = actor('pro-learn', ['professional']);
  const colleague = actor('pro-learn-2', ['professional']);
  const coach = actor('rev-learn', ['reviewer']);
  const proInOtherOrg = actor('pro-learn', ['professional'], otherOrg);
  const question = (id: string, professionalId: string) => ({
    id, organisation_id: org, professional_id: professionalId, text: 'x', theme: null, status: 'open' as const, learned: '', round_key: null, created_at: earlier, updated_at: earlier, done_at: null,
  });
  const invitation = (id: string, state: { until?: string; ended?: string } = {}) => ({
    id, organisation_id: org, professional_id: pro.userId, coach_user_id: coach.userId, round_key: '2026-1', invited_at: earlier, until: state.until ?? later, ended_at: state.ended ?? null,
  });

  beforeAll(async () => {
    await db.insertInto('learning_questions').values([question('q-own', pro.userId), question('q-colleague', colleague.userId)]).execute();
    await db.insertInto('learning_actions').values({ id: 'a-own', organisation_id: org, professional_id: pro.userId, question_id: null, what: 'x', due_on: null, done_at: null, created_at: earlier }).execute();
    await db.insertInto('learning_coach_invitations').values([invitation('inv-active'), invitation('inv-ended', { ended: earlier }), invitation('inv-past', { until: earlier })]).execute();
    await db.insertInto('learning_question_shares').values({ id: 'qs-own', question_id: 'q-own', coach_invitation_id: 'inv-active', peer_group_id: null, created_at: earlier }).execute();
  });

  it('lets the professional reach their own questions, actions and shares, in their own organisation only', async () => {
    expect(await refusal({ actor: pro, permission: 'learning_question.owner', ids: ['q-own'] })).toBe('allowed');
    expect(await refusal({ actor: pro, permission: 'learning_action.owner', ids: ['a-own'] })).toBe('allowed');
    expect(await refusal({ actor: pro, permission: 'learning_question_share.owner', ids: ['qs-own'] })).toBe('allowed');
    expect(await refusal({ actor: pro, permission: 'learning_question.owner', ids: ['q-own', 'q-colleague'] })).toBe('not_found');
    expect(await refusal({ actor: colleague, permission: 'learning_question.owner', ids: ['q-own'] })).toBe('not_found');
    expect(await refusal({ actor: colleague, permission: 'learning_action.owner', ids: ['a-own'] })).toBe('not_found');
    expect(await refusal({ actor: colleague, permission: 'learning_question_share.owner', ids: ['qs-own'] })).toBe('not_found');
    expect(await refusal({ actor: proInOtherOrg, permission: 'learning_question.owner', ids: ['q-own'] })).toBe('not_found');
    expect(await refusal({ actor: manager, permission: 'learning_question.owner', ids: ['q-own'] })).toBe('forbidden');
    expect(await refusal({ actor: coach, permission: 'learning_question.owner', ids: ['q-own'] })).toBe('forbidden');
  });

  it('opens an invitation to the professional always, to the coach only while it lasts, to nobody else', async () => {
    for (const id of ['inv-active', 'inv-ended', 'inv-past']) {
      expect(await refusal({ actor: pro, permission: 'coach_invitation.party', ids: [id] })).toBe('allowed');
      expect(await refusal({ actor: pro, permission: 'coach_invitation.owner', ids: [id] })).toBe('allowed');
    }
    expect(await refusal({ actor: coach, permission: 'coach_invitation.party', ids: ['inv-active'] })).toBe('allowed');
    expect(await refusal({ actor: coach, permission: 'coach_invitation.party', ids: ['inv-ended'] })).toBe('not_found');
    expect(await refusal({ actor: coach, permission: 'coach_invitation.party', ids: ['inv-past'] })).toBe('not_found');
    expect(await refusal({ actor: coach, permission: 'coach_invitation.owner', ids: ['inv-active'] })).toBe('forbidden');
    expect(await refusal({ actor: colleague, permission: 'coach_invitation.party', ids: ['inv-active'] })).toBe('not_found');
    expect(await refusal({ actor: proInOtherOrg, permission: 'coach_invitation.party', ids: ['inv-active'] })).toBe('not_found');
    expect(await refusal({ actor: manager, permission: 'coach_invitation.party', ids: ['inv-active'] })).toBe('forbidden');
    expect(await refusal({ actor: administrator, permission: 'coach_invitation.party', ids: ['inv-active'] })).toBe('forbidden');
  });
});

describe('requireAccess on the rhythm of a recording', () => {
  it('lets only the owner through; every other role hears not_found, never forbidden', async () => {
    expect(await refusal({ actor: owner, permission: 'rhythm.owner', ids: ['rec-ready'] })).toBe('allowed');
    expect(await refusal({ actor: owner, permission: 'rhythm.owner', ids: ['rec-processing'] })).toBe('allowed');
    expect(await refusal({ actor: owner, permission: 'rhythm.owner', ids: ['rec-deleted'] })).toBe('not_found');
    expect(await refusal({ actor: otherProfessional, permission: 'rhythm.owner', ids: ['rec-ready'] })).toBe('not_found');
    expect(await refusal({ actor: ownerInOtherOrg, permission: 'rhythm.owner', ids: ['rec-ready'] })).toBe('not_found');
    expect(await refusal({ actor: reviewer, permission: 'rhythm.owner', ids: ['rec-ready'] })).toBe('not_found');
    expect(await refusal({ actor: administrator, permission: 'rhythm.owner', ids: ['rec-ready'] })).toBe('not_found');
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

describe('requireAccess on administration, notifications and alliance checks', () => {
  const administratorElsewhere = actor('adm-2', ['administrator'], otherOrg);
  const alliance = (id: string, clientId: string, organisationId = org) => ({
    id, organisation_id: organisationId, professional_id: owner.userId, client_id: clientId, conversation_id: null, feedback_id: null, anonymous: 0 as const,
    created_at: earlier, expires_at: later, answered_at: null,
  });
  const notification = (id: string, userId: string, organisationId = org) => ({
    id, organisation_id: organisationId, user_id: userId, kind: 'share_received', actor_name: null, link: '/gedeeld', recording_id: null, created_at: earlier, read_at: null, emailed_at: null,
  });

  beforeAll(async () => {
    await db.insertInto('teams').values([{ id: 'team-admin', organisation_id: org, name: 'Team C', created_at: earlier }, { id: 'team-elsewhere', organisation_id: otherOrg, name: 'Team D', created_at: earlier }]).execute();
    await db.insertInto('alliance_requests').values([alliance('check-1', 'client-1'), alliance('check-elsewhere', 'client-1', otherOrg)]).execute();
    await db.insertInto('notifications').values([notification('note-1', owner.userId), notification('note-2', otherProfessional.userId)]).execute();
  });

  it('lets an administrator change teams of their own organisation only', async () => {
    expect(await refusal({ actor: administrator, permission: 'team.administrator', ids: ['team-admin'] })).toBe('allowed');
    expect(await refusal({ actor: administrator, permission: 'team.administrator', ids: ['team-admin', 'team-elsewhere'] })).toBe('not_found');
    expect(await refusal({ actor: administratorElsewhere, permission: 'team.administrator', ids: ['team-admin'] })).toBe('not_found');
    expect(await refusal({ actor: manager, permission: 'team.administrator', ids: ['team-admin'] })).toBe('forbidden');
    expect(await refusal({ actor: owner, permission: 'team.administrator', ids: ['team-admin'] })).toBe('forbidden');
    expect(await checkAccess(gate, { actor: administrator, permission: 'team.administrator', ids: ['team-admin', 'team-elsewhere', 'nope'] })).toEqual(new Set(['team-admin']));
  });

  it('lets a person reach only the notifications in their own list', async () => {
    expect(await refusal({ actor: owner, permission: 'notification.reader', ids: ['note-1'] })).toBe('allowed');
    expect(await refusal({ actor: owner, permission: 'notification.reader', ids: ['note-2'] })).toBe('not_found');
    expect(await refusal({ actor: otherProfessional, permission: 'notification.reader', ids: ['note-1'] })).toBe('not_found');
    expect(await refusal({ actor: ownerInOtherOrg, permission: 'notification.reader', ids: ['note-1'] })).toBe('not_found');
    expect(await refusal({ actor: administrator, permission: 'notification.reader', ids: ['note-1'] })).toBe('not_found');
  });

  it('lets a client reach the alliance checks handed to them, not another client’s or another organisation’s', async () => {
    expect(await refusal({ clientSession: { clientId: 'client-1', organisationId: org }, permission: 'alliance_request.client', ids: ['check-1'] })).toBe('allowed');
    expect(await refusal({ clientSession: { clientId: 'client-2', organisationId: org }, permission: 'alliance_request.client', ids: ['check-1'] })).toBe('not_found');
    expect(await refusal({ clientSession: { clientId: 'client-1', organisationId: otherOrg }, permission: 'alliance_request.client', ids: ['check-1'] })).toBe('not_found');
    expect(await refusal({ clientSession: { clientId: 'client-1', organisationId: org }, permission: 'alliance_request.client', ids: ['check-elsewhere'] })).toBe('not_found');
  });

  it('shows why clients said no to team leads and policy advisors only', async () => {
    expect(await refusal({ actor: manager, permission: 'insight.decline_reasons' })).toBe('allowed');
    expect(await refusal({ actor: actor('pol-1', ['policy_advisor']), permission: 'insight.decline_reasons' })).toBe('allowed');
    for (const someone of [owner, reviewer, administrator]) expect(await refusal({ actor: someone, permission: 'insight.decline_reasons' })).toBe('forbidden');
  });
});
