import type { UsersTable } from '../../db/schema.js';

/**
 * Whether an account may be used now: active, and for an external reviewer not past the last day
 * of their agreement (inclusive, by the UTC calendar day). Log-in and every session check ask this,
 * so access ends on its own at the end date, without anyone having to remember it.
 */
export function accountUsable(user: Pick<UsersTable, 'active' | 'access_until'>, now: Date): boolean {
  if (user.active !== 1) return false;
  return user.access_until === null || now.toISOString().slice(0, 10) <= user.access_until;
}
