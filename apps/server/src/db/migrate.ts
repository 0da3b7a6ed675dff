import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './database.js';
import { migrations } from './migrations/index.js';
import type { MigrationContext, MigrationDatabase } from './migrations/helpers.js';

class StaticMigrationProvider implements MigrationProvider {
  constructor(
    private readonly kind: DatabaseHandle['kind'],
    private readonly context: MigrationContext,
  ) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, migration]) => [
        name,
        {
          up: (db: Kysely<MigrationDatabase>) => migration.up(db, this.kind, this.context),
          down: migration.down ? (db: Kysely<MigrationDatabase>) => migration.down!(db, this.kind) : undefined,
        } satisfies Migration,
      ]),
    );
  }
}

export class MigrationError extends Error {}

/** Brings the schema up to date; safe to run from several processes at once (Kysely takes a lock). */
export async function migrateToLatest(handle: DatabaseHandle, context: MigrationContext = {}): Promise<string[]> {
  const migrator = new Migrator({ db: handle.db, provider: new StaticMigrationProvider(handle.kind, context) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new MigrationError(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
