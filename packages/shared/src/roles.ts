/** Roles a user can hold within an organisation (a person may hold several). */
export const roles = ['professional', 'reviewer', 'manager', 'policy_advisor', 'administrator'] as const;
export type Role = (typeof roles)[number];

/** Roles that apply to one team; the others apply to the whole organisation. */
export const teamRoles = ['professional', 'manager'] as const satisfies readonly Role[];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
