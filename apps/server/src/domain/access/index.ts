export { requirePermission, type Actor } from './actor.js';
export { checkAccess, requireAccess, type AccessGate, type AccessRequest, type ActorItemRequest, type ClientRequest, type RoleRequest } from './gate.js';
export { actorRules, clientRules, type ActorItemPermission, type ClientPermission } from './permissions.js';
