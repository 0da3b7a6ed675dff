import type { PartnerKind } from '@spreekkamer/shared';
import type { Actor } from '../access.js';

/**
 * Professionals talk with clients, managers with their staff. Someone who holds both roles may
 * have both kinds; a manager alone never gets a client, a professional alone never a staff member.
 */
export function mayHavePartner(actor: Pick<Actor, 'roles'>, kind: PartnerKind): boolean {
  return actor.roles.includes(kind === 'staff' ? 'manager' : 'professional');
}

export function defaultPartnerKind(actor: Pick<Actor, 'roles'>): PartnerKind {
  return actor.roles.includes('professional') ? 'client' : 'staff';
}
