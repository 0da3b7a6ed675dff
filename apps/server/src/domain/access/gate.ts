import { hasPermission, type Permission } from '@spreekkamer/shared';
import type { AccessRepository } from '../../db/repositories/access.repository.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';
import { actorRules, clientRules, type ActorItemPermission, type ClientPermission } from './permissions.js';

/** What requireAccess needs: the one access repository and the clock (shares end at a moment). */
export interface AccessGate {
  repository: AccessRepository;
  now: () => Date;
}

/** A role-wide permission: the actor's roles decide, there are no items. */
export interface RoleRequest {
  actor: Actor;
  permission: Permission;
  ids?: undefined;
}

/** A per-item permission of a signed-in person: every id must pass. */
export interface ActorItemRequest {
  actor: Actor;
  permission: ActorItemPermission;
  ids: Iterable<string>;
}

/** A client's session on items they take part in: every id must pass. */
export interface ClientRequest {
  clientSession: Pick<ClientSession, 'clientId' | 'organisationId'>;
  permission: ClientPermission;
  ids: Iterable<string>;
}

export type AccessRequest = RoleRequest | ActorItemRequest | ClientRequest;

function isActorItemPermission(permission: string): permission is ActorItemPermission {
  return Object.hasOwn(actorRules, permission);
}

/**
 * The ids of `request.ids` that the asker may reach, in one query per rule whatever their number.
 * A missing role gives the empty set; use it to filter lists, and requireAccess to guard.
 */
export async function checkAccess(gate: AccessGate, request: ActorItemRequest | ClientRequest): Promise<Set<string>> {
  const ids = new Set(request.ids);
  const context = { repository: gate.repository, at: gate.now().toISOString() };
  if ('clientSession' in request) {
    return clientRules[request.permission].allowed(context, request.clientSession, ids);
  }
  const rule = actorRules[request.permission];
  if ('role' in rule && !hasPermission(request.actor.roles, rule.role)) return new Set();
  return rule.allowed(context, request.actor, ids);
}

/**
 * The first line of every public service method. Refuses unless the asker holds the permission:
 * for a role-wide permission, through one of the actor's roles (else `forbidden`); for a per-item
 * permission, for every id given (else `not_found`, so a refusal never tells that an item
 * exists). An empty id list is refused: a guard that checks nothing is a bug.
 */
export async function requireAccess(gate: AccessGate, request: AccessRequest): Promise<void> {
  if ('clientSession' in request) {
    const ids = new Set(request.ids);
    const allowed = ids.size === 0 ? new Set<string>() : await checkAccess(gate, request);
    if (ids.size === 0 || [...ids].some((id) => !allowed.has(id))) throw new AppError(clientRules[request.permission].refusal);
    return;
  }
  if (!isActorItemPermission(request.permission)) {
    if (!hasPermission(request.actor.roles, request.permission)) throw new AppError('forbidden');
    return;
  }
  const itemRequest: ActorItemRequest = { actor: request.actor, permission: request.permission, ids: request.ids ?? [] };
  const rule = actorRules[itemRequest.permission];
  if ('role' in rule && !hasPermission(request.actor.roles, rule.role)) throw new AppError(rule.roleRefusal);
  const ids = new Set(itemRequest.ids);
  if (ids.size === 0) throw new AppError('not_found');
  const allowed = await checkAccess(gate, itemRequest);
  if ([...ids].some((id) => !allowed.has(id))) throw new AppError('not_found');
}
