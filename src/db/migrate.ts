/** Runs the hand-written migrations (src/db/migrations/) up to the latest. */
import { sql, type DatabaseIntrospector, type Kysely, type TableMetadata } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';
import { dialectOf } from './connect.ts';
import { migrations } from './migrations/index.ts';

export class MigrationFailed extends Error {
  constructor(
    readonly migration: string | null,
    cause: unknown,
  ) {
    super(
      `数据库迁移失败${migration ? `（${migration}）` : ''}：${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

/** Applies every pending migration; throws MigrationFailed (so the CLI exits non-zero) on error. */
/**
 * `db` whose introspection sees only `schema`. Kysely's migrator asks whether its tables exist by
 * introspecting every schema of the database, with `pg_get_serial_sequence` over each column: on
 * a server where another database's schema is being dropped at that moment (parallel test files,
 * or two installs sharing a server), that query fails with 「relation "other_schema.t" does not
 * exist」. The migrator only needs the names of this schema's tables.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
function withIntrospectionOf(db: Kysely<any>, schema: string): Kysely<any> {
  const tables = async (): Promise<TableMetadata[]> =>
    (
      await sql<{ name: string; kind: string }>`
        select c.relname as name, c.relkind as kind from pg_catalog.pg_class c
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v')`.execute(db)
    ).rows.map((r) => ({ name: r.name, schema, isView: r.kind === 'v', isForeign: false, columns: [] }));
  const introspection: DatabaseIntrospector = {
    getSchemas: async () =>
      (
        await sql<{
          name: string;
        }>`select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db)
      ).rows,
    getTables: tables,
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one; name the
  // connection's own schema so that databases sharing a PostgreSQL server never see each other's.
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: schema ? withIntrospectionOf(db, schema) : db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
    // Migrations are named by date and issue (2026-12-07-i11-02-…) and land in the order the
    // issues are merged, not the order of their names: a database migrated at one point may
    // later receive a migration whose name sorts before its last one. They are independent of
    // each other, so pending ones run (in name order) instead of being refused.
    allowUnorderedMigrations: true,
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationFailed(failed?.migrationName ?? null, result.error);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
