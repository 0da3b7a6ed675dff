import type { Role } from './roles.js';

/**
 * Every permission the server checks, and the roles that grant it. The server checks this map on
 * every request; the web app uses the same map only to decide what to show.
 * Note what is absent on purpose: no role grants access to other people's recordings, moments,
 * comments or feedback. Content access is decided per item (owner or explicit share), never by role.
 */
export const permissions = {
  'account.self': ['professional', 'reviewer', 'manager', 'policy_advisor', 'administrator'],
  /** Managers own the recordings of their own conversations with staff members (seed 000 §3.1), never anyone else's. */
  'recordings.own': ['professional', 'manager'],
  'clients.own': ['professional', 'manager'],
  'shares.received': ['professional', 'reviewer'],
  /** One's own learning questions, rounds and development plan; there is no permission to see anyone else's. */
  'learning.own': ['professional'],
  /** Being someone's leercoach: what they shared with you, while the invitation lasts. */
  'learning.coach': ['professional', 'reviewer'],
  /** The learning agenda of one's own teams (seed 000 §6.4.2); which teams is decided per team, by membership. */
  'agenda.team': ['professional', 'manager'],
  /**
   * "Kijk met ons mee": receiving a fragment a professional shared for policy. A policy advisor, or a
   * manager who is in the management team (checked per share); never by role alone.
   */
  'shares.policy': ['policy_advisor', 'manager'],
  'insight.team': ['manager'],
  'insight.organisation': ['policy_advisor'],
  /** Why clients said no (consent, feedback): organisation totals only, for team leads and policy advisors. */
  'insight.decline_reasons': ['manager', 'policy_advisor'],
  /** Sending a signal to policy or the management team ("wat knelt, wat werkt"); a team lead sends too. */
  'signals.send': ['professional', 'manager'],
  /** Reading signals: a policy advisor, or a manager who is in the management team (checked per item). */
  'signals.receive': ['policy_advisor', 'manager'],
  /** Importing the client satisfaction survey's results (aggregates, never answers of one person). */
  'survey.import': ['administrator', 'policy_advisor'],
  /** The survey beside the alliance checks, and the theme cards as survey questions. */
  'survey.view': ['administrator', 'policy_advisor', 'manager'],
  /** The KAR canvases page: one's team's canvas, or the organisation's. */
  'kar.canvas': ['professional', 'manager', 'policy_advisor'],
  /** A team's KAR canvas: its members and team lead, per team (domain/access/permissions.ts). */
  'kar.team': ['professional', 'manager'],
  /** The organisation's KAR canvas. */
  'kar.organisation': ['policy_advisor', 'manager'],
  'admin.users': ['administrator'],
  'admin.teams': ['administrator'],
  'admin.settings': ['administrator'],
  'admin.audit': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function hasPermission(userRoles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = permissions[permission];
  return userRoles.some((role) => allowed.includes(role));
}
