import { hasPermission, type ApiErrorCode, type Permission, type Role } from '@spreekkamer/shared';
import type { AccessRepository, AccessorIds, ClientIds } from '../../db/repositories/access.repository.js';

/** What a rule may ask: the access repository, and the moment the question is asked (shares end). */
export interface RuleContext {
  repository: AccessRepository;
  at: string;
}

/**
 * A per-item permission for a signed-in person. `role` is checked first (refused with
 * `forbidden`, or with not_found where even the refusal must not tell that the item exists);
 * then every id must pass `allowed`, or the answer is not_found.
 */
export interface ActorRule {
  role?: Permission;
  roleRefusal: 'forbidden' | 'not_found';
  allowed(context: RuleContext, actor: AccessorIds & { roles: readonly Role[] }, ids: ReadonlySet<string>): Promise<Set<string>>;
}

/** A per-item permission for a client's session: every id must pass, or the answer is `refusal`. */
export interface ClientRule {
  refusal: ApiErrorCode;
  allowed(context: RuleContext, client: ClientIds, ids: ReadonlySet<string>): Promise<Set<string>>;
}

type Source = ((ids: ReadonlySet<string>) => Promise<Set<string>>) | false;

/**
 * The ids that any of the sources allows (their union), asking each next source only about the
 * ids still refused: the owner of a recording, by far the most common reader, costs one query.
 * A source that does not apply to the person (a missing role) is `false` and asks nothing.
 */
async function anyOf(ids: ReadonlySet<string>, ...sources: Source[]): Promise<Set<string>> {
  const allowed = new Set<string>();
  for (const source of sources) {
    if (!source) continue;
    const open = allowed.size === 0 ? ids : new Set([...ids].filter((id) => !allowed.has(id)));
    if (open.size === 0) break;
    for (const id of await source(open)) allowed.add(id);
  }
  return allowed;
}

/** Policy advisors read what is sent to policy; the management team is a flag on the account, asked per item. */
function isPolicyAdvisor(actor: { roles: readonly Role[] }): boolean {
  return actor.roles.includes('policy_advisor');
}

/**
 * Every per-item permission of a signed-in person. Names read `<item>.<relation>`; role-wide
 * permissions (packages/shared permissions.ts) read `<area>.<scope>` and are asked without ids.
 * No rule grants by role alone: content is reached through ownership or an active share.
 */
export const actorRules = {
  /** The professional's own recording (not deleted). */
  'recording.owner': { role: 'recordings.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.recordingsOwned(actor, ids) },
  /** The professional's own recording in any state, deleted included (its list entry says why it went). */
  'recording.made': { role: 'recordings.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.recordingsMade(actor, ids) },
  /** A conversation the professional held (to record it, or to ask consent for it). */
  'conversation.owner': { role: 'recordings.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.conversationsHeld(actor, ids) },
  /**
   * A recording that can be played (ready, key kept) by its owner, or by someone an active share
   * reaches with a moment on it. Which spans they may play is decided after the gate.
   */
  'recording.play': {
    roleRefusal: 'not_found',
    allowed: ({ repository, at }, actor, ids) =>
      anyOf(
        ids,
        hasPermission(actor.roles, 'recordings.own') && ((open) => repository.recordingsPlayableOwned(actor, open)),
        hasPermission(actor.roles, 'shares.received') && ((open) => repository.recordingsShared(actor, open, at)),
        hasPermission(actor.roles, 'shares.policy') && ((open) => repository.recordingsSharedForPolicy(actor, open, at, isPolicyAdvisor(actor))),
      ),
  },
  /** A peer group the person is an active member of. */
  'peer_group.member': { role: 'shares.received', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.peerGroupsJoined(actor, ids, ['active']) },
  /** A peer group the person is invited to or a member of (to accept, or to leave). */
  'peer_group.invitee': { role: 'shares.received', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.peerGroupsJoined(actor, ids, ['active', 'invited']) },
  /** A moment on the professional's own recording. */
  'moment.owner': { role: 'recordings.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.momentsOwned(actor, ids) },
  /** A share the professional made, in any state. */
  'share.owner': { role: 'recordings.own', roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.sharesOwned(actor, ids) },
  /** An active share that names the person, or a peer group they are an active member of. */
  'share.recipient': { role: 'shares.received', roleRefusal: 'not_found', allowed: ({ repository, at }, actor, ids) => repository.sharesReceived(actor, ids, at) },
  /** An active share that names the person as its reviewer (not through a group). */
  'share.reviewer': { role: 'shares.received', roleRefusal: 'not_found', allowed: ({ repository, at }, actor, ids) => repository.sharesReceived(actor, ids, at, 'reviewer') },
  /**
   * "Kijk met ons mee": an active share for policy that names the person, who is a policy advisor
   * or an active management team member, while the client's policy choice holds.
   */
  'share.policy_recipient': {
    role: 'shares.policy',
    roleRefusal: 'not_found',
    allowed: ({ repository, at }, actor, ids) => repository.policySharesReceived(actor, ids, at, isPolicyAdvisor(actor)),
  },
  /** A moment on the professional's own recording, or in an active share that reaches the person. */
  'moment.read': {
    roleRefusal: 'not_found',
    allowed: ({ repository, at }, actor, ids) =>
      anyOf(
        ids,
        hasPermission(actor.roles, 'recordings.own') && ((open) => repository.momentsOwned(actor, open)),
        hasPermission(actor.roles, 'shares.received') && ((open) => repository.momentsReceived(actor, open, at)),
      ),
  },
  /** A comment on the professional's own recording, whoever wrote it (to mark it as a takeaway). */
  'comment.recording_owner': { role: 'recordings.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.commentsOnOwnRecordings(actor, ids) },
  /** Either of share.owner and share.recipient (a share for policy is not read this way: see share.view). */
  'share.read': {
    roleRefusal: 'not_found',
    allowed: ({ repository, at }, actor, ids) =>
      anyOf(
        ids,
        hasPermission(actor.roles, 'recordings.own') && ((open) => repository.sharesOwned(actor, open)),
        hasPermission(actor.roles, 'shares.received') && ((open) => repository.sharesReceived(actor, open, at)),
      ),
  },
  /**
   * Watching a share: share.read or share.policy_recipient. Only for the share itself and its cuts;
   * the review meeting, outcomes and comments stay with share.read, so a policy recipient writes none.
   */
  'share.view': {
    roleRefusal: 'not_found',
    allowed: ({ repository, at }, actor, ids) =>
      anyOf(
        ids,
        hasPermission(actor.roles, 'recordings.own') && ((open) => repository.sharesOwned(actor, open)),
        hasPermission(actor.roles, 'shares.received') && ((open) => repository.sharesReceived(actor, open, at)),
        hasPermission(actor.roles, 'shares.policy') && ((open) => repository.policySharesReceived(actor, open, at, isPolicyAdvisor(actor))),
      ),
  },
  'no_share.recording_owner': { role: 'recordings.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.noShareStretchesOwned(actor, ids) },
  'comment.author': { roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.commentsAuthored(actor, ids) },
  'outcome.author': { roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.outcomesAuthored(actor, ids) },
  'client_point.reviewer': { roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.clientPointsWritten(actor, ids) },
  /** A client in the professional's own caseload. */
  'client.owner': { role: 'clients.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.clientsOwned(actor, ids) },
  'follow_up.owner': { role: 'clients.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.followUpsOwned(actor, ids) },
  'feedback.owner': { role: 'clients.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.feedbackOwned(actor, ids) },
  /** A consent a client gave the professional, in any state (to read its copy or confirm their own). */
  'consent.professional': { role: 'clients.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.consentsReceived(actor, ids) },
  /** A preparation help the person gives (an independent reviewer), while it lasts. */
  'preparation_help.helper': { role: 'shares.received', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.preparationHelpsGiven(actor, ids) },
  /** The professional's own learning question; there is no permission to see anyone else's. */
  'learning_question.owner': { role: 'learning.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.learningQuestionsOwned(actor, ids) },
  'learning_action.owner': { role: 'learning.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.learningActionsOwned(actor, ids) },
  /** A share of the professional's own learning question (to withdraw it). */
  'learning_question_share.owner': { role: 'learning.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.learningQuestionSharesOwned(actor, ids) },
  /** A leercoach invitation the professional made, in any state (to end it). */
  'coach_invitation.owner': { role: 'learning.own', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.coachInvitationsMade(actor, ids) },
  /**
   * A leercoach invitation for its thread: the professional who made it, always; the coach only
   * while it lasts. The role is learning.coach because every role with learning.own has it too.
   */
  'coach_invitation.party': {
    role: 'learning.coach',
    roleRefusal: 'forbidden',
    allowed: ({ repository, at }, actor, ids) =>
      anyOf(
        ids,
        hasPermission(actor.roles, 'learning.own') && ((open) => repository.coachInvitationsMade(actor, open)),
        (open) => repository.coachInvitationsCoaching(actor, open, at),
      ),
  },
  /** The rhythm of the professional's own recording: as private as the recording, so every other role hears not_found. */
  'rhythm.owner': { role: 'recordings.own', roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.recordingsOwned(actor, ids) },
  /** The learning agenda of a team the person is a member (professional) or the lead (manager) of. */
  'team.agenda_member': { role: 'agenda.team', roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.teamsBelongedTo(actor, ids) },
  /** The learning agenda of a team the person leads: plans the werkoverleg and writes its outcome. */
  'team.agenda_lead': { role: 'agenda.team', roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.teamsBelongedTo(actor, ids, true) },
  'agenda_item.member': { role: 'agenda.team', roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.agendaItemsReached(actor, ids) },
  'agenda_item.lead': { role: 'agenda.team', roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.agendaItemsReached(actor, ids, true) },
  /** An item the person brought in, while they are still in its team. */
  'agenda_item.author': { role: 'agenda.team', roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.agendaItemsAuthored(actor, ids) },
  'agenda_meeting.lead': { role: 'agenda.team', roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.agendaMeetingsLed(actor, ids) },
  /** A signal the person sent. */
  'signal.author': { role: 'signals.send', roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.signalsAuthored(actor, ids) },
  /** A signal addressed to policy (for a policy advisor) or to the management team (for one of its members). */
  'signal.recipient': { role: 'signals.receive', roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.signalsReceived(actor, ids, isPolicyAdvisor(actor)) },
  /** Either of signal.author and signal.recipient. */
  'signal.read': {
    roleRefusal: 'not_found',
    allowed: ({ repository }, actor, ids) =>
      anyOf(
        ids,
        hasPermission(actor.roles, 'signals.send') && ((open) => repository.signalsAuthored(actor, open)),
        hasPermission(actor.roles, 'signals.receive') && ((open) => repository.signalsReceived(actor, open, isPolicyAdvisor(actor))),
      ),
  },
  /** A group of signals in the organisation, for someone who receives signals. */
  'signal_group.recipient': { role: 'signals.receive', roleRefusal: 'not_found', allowed: ({ repository }, actor, ids) => repository.signalGroupsReachable(actor, ids, isPolicyAdvisor(actor)) },
  /** The organisation's signals inbox (ids: the organisation): policy advisors and management team members. */
  'signal_inbox.reader': { role: 'signals.receive', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.signalInboxes(actor, ids, isPolicyAdvisor(actor)) },
  /** A notification in the person's own list. */
  'notification.reader': { role: 'account.self', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.notificationsOf(actor, ids) },
  /** An account in the administrator's own organisation. */
  'user.administrator': { role: 'admin.users', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.usersInOrganisation(actor, ids) },
  /** A team in the administrator's own organisation (to rename it, or to put someone in it). */
  'team.administrator': { role: 'admin.teams', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.teamsInOrganisation(actor, ids) },
  /** A team the person belongs to as a member or its team lead (to start its KAR canvas). */
  'team.member': { role: 'kar.team', roleRefusal: 'forbidden', allowed: ({ repository }, actor, ids) => repository.teamsBelongedTo(actor, ids) },
  /** A KAR canvas of one's own team, or the organisation's canvas for policy advisors and managers. Never by the administrator role. */
  'kar_canvas.member': {
    role: 'kar.canvas',
    roleRefusal: 'forbidden',
    allowed: ({ repository }, actor, ids) =>
      anyOf(
        ids,
        hasPermission(actor.roles, 'kar.team') && ((open) => repository.karCanvasesOfOwnTeams(actor, open)),
        hasPermission(actor.roles, 'kar.organisation') && ((open) => repository.karCanvasesOfOrganisation(actor, open)),
      ),
  },
} as const satisfies Record<string, ActorRule>;

/** Every permission of a client's session; ids are of items the client takes part in. */
export const clientRules = {
  /** The session's own client still exists (ids: that one client id). */
  'client.self': { refusal: 'client_unauthenticated', allowed: ({ repository }, client, ids) => repository.clientsSelf(client, ids) },
  /** A conversation held with the client: the scope a consent is asked and given for. */
  'conversation.client': { refusal: 'not_found', allowed: ({ repository }, client, ids) => repository.conversationsOfClient(client, ids) },
  /** A consent the client gave and did not withdraw. */
  'consent.giver': { refusal: 'not_found', allowed: ({ repository }, client, ids) => repository.consentsGiven(client, ids) },
  /** A consent the client answered, in any state (their copy; withdrawing a given one). */
  'consent.client': { refusal: 'not_found', allowed: ({ repository }, client, ids) => repository.consentsAnswered(client, ids) },
  'feedback.participant': { refusal: 'not_found', allowed: ({ repository }, client, ids) => repository.feedbackParticipating(client, ids) },
  'follow_up.recipient': { refusal: 'not_found', allowed: ({ repository }, client, ids) => repository.followUpsReceived(client, ids) },
  'client_point.subject': { refusal: 'not_found', allowed: ({ repository }, client, ids) => repository.clientPointsAbout(client, ids) },
  /** An alliance check handed to the client, in any state (whether it is still open is checked after the gate). */
  'alliance_request.client': { refusal: 'not_found', allowed: ({ repository }, client, ids) => repository.allianceRequestsOf(client, ids) },
} as const satisfies Record<string, ClientRule>;

export type ActorItemPermission = keyof typeof actorRules;
export type ClientPermission = keyof typeof clientRules;
