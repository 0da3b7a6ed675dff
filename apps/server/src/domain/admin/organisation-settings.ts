import { z } from 'zod';
import { clientLocaleSchema, clientLocales, minimumGroupSizeFloor, offeredClientLocales, type OrganisationSettings } from '@spreekkamer/shared';
import type { OrganisationRow } from '../../db/repositories/organisations.repository.js';

/** The settings kept as JSON; name and requireTotp have their own columns. */
const storedSettingsSchema = z.object({
  // A value stored before the floor was enforced counts as the floor.
  minimumGroupSize: z.number().int().default(minimumGroupSizeFloor).transform((size) => Math.max(size, minimumGroupSizeFloor)),
  retentionDaysOptions: z.array(z.number().int()).default([30, 90, 180]),
  retentionDaysDefault: z.number().int().default(90),
  allianceCheckAnonymous: z.boolean().default(false),
  allianceSignalBelow: z.number().default(3),
  // Every language is offered until an administrator narrows it down.
  clientLocales: z.array(clientLocaleSchema.or(z.string())).default([...clientLocales]).transform((chosen) => offeredClientLocales(chosen)),
});

export type StoredSettings = z.infer<typeof storedSettingsSchema>;

export const defaultStoredSettings: StoredSettings = storedSettingsSchema.parse({});

export function settingsOf(organisation: OrganisationRow): OrganisationSettings {
  const stored = storedSettingsSchema.parse(JSON.parse(organisation.settings_json));
  return { name: organisation.name, requireTotp: organisation.require_totp === 1, ...stored };
}
