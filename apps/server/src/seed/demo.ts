import { randomUUID } from 'node:crypto';
import type { Role } from '@spreekkamer/shared';
import { randomToken } from '../crypto/random.js';
import type { Repositories } from '../db/repositories/index.js';
import { defaultStoredSettings } from '../domain/admin/organisation-settings.js';
import { hashPassword } from '../domain/auth/passwords.js';

export interface DemoAccount {
  email: string;
  name: string;
  roles: Role[];
  password: string;
}

export interface DemoSeedResult {
  organisationId: string;
  teamId: string;
  accounts: DemoAccount[];
}

const demoPeople: { email: string; name: string; roles: Role[] }[] = [
  { email: 'klantmanager@voorbeeld.nl', name: 'Sanne de Vries', roles: ['professional'] },
  { email: 'coach@voorbeeld.nl', name: 'Youssef El Amrani', roles: ['reviewer'] },
  { email: 'teamleider@voorbeeld.nl', name: 'Marieke Jansen', roles: ['manager', 'professional'] },
  { email: 'beleid@voorbeeld.nl', name: 'Peter Bakker', roles: ['policy_advisor'] },
  { email: 'beheer@voorbeeld.nl', name: 'Fatma Yilmaz', roles: ['administrator'] },
];

const teamRoleSet = new Set<Role>(['professional', 'manager']);

/** Creates the demo organisation when the database is empty; returns nothing when it is not. */
export async function seedDemoIfEmpty(repositories: Repositories, options: { password?: string | undefined; now?: Date }): Promise<DemoSeedResult | null> {
  if ((await repositories.organisations.count()) > 0) return null;
  const now = (options.now ?? new Date()).toISOString();
  const organisationId = randomUUID();
  await repositories.organisations.insert({
    id: organisationId,
    name: 'Gemeente Voorbeeld',
    require_totp: 0,
    settings_json: JSON.stringify(defaultStoredSettings),
    created_at: now,
  });
  const teamId = randomUUID();
  await repositories.teams.insert({ id: teamId, organisation_id: organisationId, name: 'Team Werk en Inkomen', created_at: now });

  const accounts: DemoAccount[] = [];
  for (const person of demoPeople) {
    const password = options.password ?? randomToken(12);
    const id = randomUUID();
    await repositories.users.insert({
      id,
      organisation_id: organisationId,
      email: person.email,
      name: person.name,
      password_hash: await hashPassword(password),
      totp_secret: null,
      totp_enabled: 0,
      active: 1,
      failed_logins: 0,
      locked_until: null,
      locale: 'nl',
      created_at: now,
      password_set_at: now,
    });
    await repositories.users.replaceMemberships(
      id,
      person.roles.map((role) => ({ id: randomUUID(), user_id: id, role, team_id: teamRoleSet.has(role) ? teamId : null, created_at: now })),
    );
    accounts.push({ ...person, password });
  }
  return { organisationId, teamId, accounts };
}
