import type { Compilable, CompiledQuery, DialectAdapter, Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Stands in for an argument while a prepared query is built; replaced by the real value per call. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query that every request runs (the session lookup, a recording by id) built and compiled once
 * per dialect; each call only fills in its arguments. Building and compiling a Kysely query (the
 * immutable builder, then the compiler's visit of the tree) cost more CPU than SQLite took to run
 * these reads. `build` must be a fixed shape: the arguments may only be used as values (no `in`
 * lists, no branches on them; each one used), since it is called once with stand-ins. It runs on whatever `db`
 * is given, so inside a UnitOfWork it runs in that transaction.
 */
export function prepared<Args extends readonly unknown[], Row>(
  build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>,
): (db: Kysely<Database>, ...args: Args) => Promise<Row[]> {
  // The SQL differs per dialect (`?` or `$1`); a transaction shares its database's adapter.
  const compiled = new WeakMap<DialectAdapter, CompiledQuery<Row>>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let query = compiled.get(adapter);
    if (!query) {
      query = build(db, ...(args.map((_, index) => new Slot(index)) as unknown as Args)).compile();
      const used = new Set(query.parameters.flatMap((p) => (p instanceof Slot ? [p.index] : [])));
      if (used.size !== args.length) {
        throw new Error(`a prepared query must use each argument as a value: ${query.sql}`);
      }
      compiled.set(adapter, query);
    }
    const parameters = query.parameters.map((p) => (p instanceof Slot ? args[p.index] : p));
    const result = await db.executeQuery<Row>({ ...query, parameters });
    return result.rows;
  };
}
