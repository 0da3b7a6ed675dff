import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DatabaseKind } from '../database.js';

/** Migrations describe tables that may no longer match today's schema types, so they stay untyped. */
export type MigrationDatabase = Record<string, Record<string, unknown>>;

/** What a data migration may need besides the database; the master key is never stored in it. */
export interface MigrationContext {
  masterKey?: Buffer;
}

export interface PortableMigration {
  up(db: Kysely<MigrationDatabase>, kind: DatabaseKind, context?: MigrationContext): Promise<void>;
  down?(db: Kysely<MigrationDatabase>, kind: DatabaseKind): Promise<void>;
}

/** An ever-increasing integer key: SQLite's AUTOINCREMENT or a PostgreSQL identity column. */
export function autoIncrementColumn<T extends string>(
  builder: CreateTableBuilder<T, never>,
  kind: DatabaseKind,
  column: string,
): CreateTableBuilder<T, string> {
  return kind === 'postgres'
    ? builder.addColumn(column, 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    : builder.addColumn(column, 'integer', (c) => c.primaryKey().autoIncrement());
}
