import { hasPermission, type Permission, type Role } from '@spreekkamer/shared';
import { AppError } from '../errors.js';

/** The authenticated person making a request, as every service method receives it. */
export interface Actor {
  userId: string;
  organisationId: string;
  roles: readonly Role[];
  /** Teams per team role, e.g. the teams someone manages. */
  teamIds: Readonly<Record<'professional' | 'manager', readonly string[]>>;
}

/**
 * The role check alone, for code that has no gate (yet). Service methods call requireAccess
 * (domain/access/gate.ts) instead, which does this and the per-item check in one step.
 */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.roles, permission)) throw new AppError('forbidden');
}
