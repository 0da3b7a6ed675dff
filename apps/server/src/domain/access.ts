// Kept so the many `../access.js` imports keep working; new code imports from './access/index.js'.
export { requirePermission, type Actor } from './access/actor.js';
