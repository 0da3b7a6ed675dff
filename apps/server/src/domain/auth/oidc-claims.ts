import { isRole, teamRoles, type Role } from '@spreekkamer/shared';
import { z } from 'zod';

/** One Spreekkamer role a claim value grants; team roles name their team. */
export interface MappedRole {
  role: Role;
  team: string | null;
}

export interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scopes: string[];
  /** Dotted paths into the ID token's claims: `roles`, `groups`, `realm_access.roles`. */
  roleClaims: string[];
  /** Claim value → the roles it grants. A value not in the table grants nothing. */
  roleMap: Record<string, MappedRole[]>;
  label: string;
  organisationId: string | undefined;
  createAccounts: boolean;
  /** Only unused invitations are ever linked by e-mail; this says whether an e-mail without `email_verified` counts. */
  trustEmail: boolean;
  breakGlassEmails: string[];
}

/** What arrived at a log-in, as kept for the administrator: names only, never a token. */
export interface ArrivedClaims {
  values: Record<string, string[]>;
  mapped: MappedRole[];
}

const roleMapSchema = z.record(z.string().min(1), z.union([z.string(), z.array(z.string()).min(1)]));

function parseMappedRole(text: string): MappedRole {
  const separator = text.indexOf(':');
  const role = (separator === -1 ? text : text.slice(0, separator)).trim();
  const team = separator === -1 ? null : text.slice(separator + 1).trim() || null;
  if (!isRole(role)) throw new Error(`"${role}" is not a Spreekkamer role`);
  const needsTeam = (teamRoles as readonly string[]).includes(role);
  if (needsTeam && !team) throw new Error(`"${role}" needs a team: write "${role}:<team name>"`);
  if (!needsTeam && team) throw new Error(`"${role}" applies to the whole organisation and takes no team`);
  return { role, team };
}

/** OIDC_ROLE_MAP: `{"<claim value>": "administrator", "<group id>": ["professional:Team Noord", "reviewer"]}`. */
export function parseRoleMap(json: string): Record<string, MappedRole[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('must be a JSON object, e.g. {"spreekkamer-beheer": "administrator"}');
  }
  const parsed = roleMapSchema.safeParse(raw);
  if (!parsed.success) throw new Error('must map each claim value to a role text or a list of role texts');
  return Object.fromEntries(Object.entries(parsed.data).map(([value, granted]) => [value, (Array.isArray(granted) ? granted : [granted]).map(parseMappedRole)]));
}

/** The string values at a dotted path (`realm_access.roles`); a single string counts as a list of one. */
export function claimValuesAt(claims: Record<string, unknown>, path: string): string[] {
  let current: unknown = claims;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return [];
    current = (current as Record<string, unknown>)[part];
  }
  if (typeof current === 'string') return [current];
  if (Array.isArray(current)) return current.filter((value): value is string => typeof value === 'string');
  return [];
}

/** Roles from the configured claims through the table; the same role and team twice counts once. */
export function mapClaims(claims: Record<string, unknown>, config: Pick<SsoConfig, 'roleClaims' | 'roleMap'>): ArrivedClaims {
  const values: Record<string, string[]> = {};
  const mapped = new Map<string, MappedRole>();
  for (const path of config.roleClaims) {
    const found = claimValuesAt(claims, path).slice(0, 200);
    values[path] = found;
    for (const value of found) {
      for (const grant of Object.hasOwn(config.roleMap, value) ? (config.roleMap[value] ?? []) : []) mapped.set(`${grant.role}\u0000${grant.team ?? ''}`, grant);
    }
  }
  return { values, mapped: [...mapped.values()] };
}
