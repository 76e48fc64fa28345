/**
 * What the database says about its own upkeep: the settings and statistics that decide whether
 * the planner finds the plans the product relies on (docs/operations.md, 数据库体检). Each
 * dialect is read its own way (STYLE.md rule 8).
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';

/** The tables every public page reads; their size is the working set the buffers should hold. */
export const HOT_TABLES = ['catalog_search', 'catalog_item'] as const;

/** A table's planner statistics: never gathered, or gathered when it had `analyzedRows` rows. */
export interface TableStatistics {
  table: string;
  rows: number;
  /** Rows when the statistics were gathered; null = never. */
  analyzedRows: number | null;
  /** PostgreSQL: rows changed since then (n_mod_since_analyze). */
  changedSince?: number;
}

export interface PostgresSettings {
  autovacuum: boolean;
  /** track_counts off disables autovacuum silently. */
  trackCounts: boolean;
  sharedBuffersBytes: number;
  /** Heap and indexes of HOT_TABLES. */
  workingSetBytes: number;
}

/** PostgreSQL's settings that ruin performance when wrong, with the size of the hot tables. */
export async function postgresSettings(db: DbOrTx): Promise<PostgresSettings> {
  const r = await sql<{
    autovacuum: string;
    track_counts: string;
    shared_buffers: number | string;
    working_set: number | string | null;
  }>`select current_setting('autovacuum') as autovacuum, current_setting('track_counts') as track_counts,
      (select setting::bigint * current_setting('block_size')::bigint from pg_settings where name = 'shared_buffers') as shared_buffers,
      (select sum(pg_total_relation_size(c.oid)) from pg_class c where c.relname in (${sql.join(HOT_TABLES.map((t) => sql`${t}`))})
        and c.relnamespace = (select oid from pg_namespace where nspname = current_schema())) as working_set`.execute(
    db,
  );
  const row = r.rows[0]!;
  return {
    autovacuum: row.autovacuum === 'on',
    trackCounts: row.track_counts === 'on',
    sharedBuffersBytes: Number(row.shared_buffers),
    workingSetBytes: Number(row.working_set ?? 0),
  };
}

/** PostgreSQL: each table of the current schema with its live rows and when it was last analyzed. */
export async function postgresStatistics(db: DbOrTx): Promise<TableStatistics[]> {
  const r = await sql<{
    relname: string;
    n_live_tup: number | string;
    analyzed: boolean;
    reltuples: number | string;
    n_mod_since_analyze: number | string;
    bytes: number | string;
  }>`select s.relname, s.n_live_tup, coalesce(s.last_analyze, s.last_autoanalyze) is not null or c.reltuples >= 0 as analyzed,
      c.reltuples, s.n_mod_since_analyze, pg_relation_size(c.oid) as bytes
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid
      where s.schemaname = current_schema() order by s.relname`.execute(db);
  // The activity counters start from zero in a restored or copied database: the file's size then
  // tells a table of thousands of rows (1 MB) from a small one.
  return r.rows.map((x) => ({
    table: x.relname,
    rows: Math.max(Number(x.n_live_tup), Number(x.reltuples), Number(x.bytes) >= 2 ** 20 ? 1_000 : 0),
    analyzedRows: x.analyzed ? Math.max(Number(x.reltuples), 0) : null,
    changedSince: Number(x.n_mod_since_analyze),
  }));
}

/**
 * SQLite: each ordinary table with an index, its rows now and when sqlite_stat1 was written
 * (the first number of its stat). Rows are counted (through the smallest index), so this is for
 * the doctor and the hourly job, not for a page.
 */
export async function sqliteStatistics(db: DbOrTx): Promise<TableStatistics[]> {
  const tables = await sql<{
    name: string;
  }>`select distinct m.tbl_name as name from sqlite_master m where m.type = 'index' and m.tbl_name not like 'sqlite_%'
      and m.tbl_name not in (select name from sqlite_master where type = 'table' and sql like 'create virtual table%')
      order by m.tbl_name`.execute(db);
  const hasStat = (
    await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db)
  ).rows[0]!.n;
  const analyzed = new Map<string, number>();
  if (hasStat) {
    const stat = await sql<{ tbl: string; stat: string }>`select tbl, stat from sqlite_stat1`.execute(db);
    for (const s of stat.rows) analyzed.set(s.tbl, Math.max(analyzed.get(s.tbl) ?? 0, Number(s.stat.split(' ')[0])));
  }
  const out: TableStatistics[] = [];
  for (const t of tables.rows) {
    const n = await sql<{ n: number }>`select count(*) as n from ${sql.id(t.name)}`.execute(db);
    out.push({ table: t.name, rows: Number(n.rows[0]!.n), analyzedRows: analyzed.get(t.name) ?? null });
  }
  return out;
}

/**
 * SQLite: `PRAGMA optimize` over every table (0x10002: also tables this connection has not
 * queried; it analyzes those never analyzed and those that grew or shrank 25-fold), with
 * ANALYZE sampling bounded so that a table of millions of rows costs milliseconds, then ANALYZE
 * of the named tables (those that changed enough by the product's own rule).
 */
export async function sqliteOptimize(db: DbOrTx, alsoAnalyze: readonly string[] = []): Promise<void> {
  await sql`pragma analysis_limit = 2000`.execute(db);
  await sql`pragma optimize = 0x10002`.execute(db);
  for (const t of alsoAnalyze) await sql`analyze ${sql.id(t)}`.execute(db);
}

/** PostgreSQL: ANALYZE of the named tables of the current schema. */
export async function analyzePostgres(db: DbOrTx, tables: readonly string[]): Promise<void> {
  if (tables.length) await sql`analyze ${sql.join(tables.map((t) => sql.id(t)))}`.execute(db);
}
