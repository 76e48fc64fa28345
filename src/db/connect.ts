/**
 * Opens the database named by the configuration: embedded SQLite (better-sqlite3, WAL,
 * foreign keys on, busy timeout) or PostgreSQL (pg pool). Everything above this file is
 * dialect-blind except the few repository functions that must choose (see `dialectOf`).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
  type Dialect as KyselyDialect,
  type SqliteDatabase,
} from 'kysely';
import pg from 'pg';
import type { Config } from '../config/config.ts';
import type { Database, DbOrTx, Dialect } from './database.ts';
import { watchCommits, type CommitListener } from './commit-watch.ts';

// COUNT(*) and BIGINT come back from pg as strings; our counts fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (tests give every run its own). */
  schema?: string;
  poolSize?: number;
  /** Told of every audit event before it commits (src/db/commit-watch.ts): the server anchors the chain heads. */
  onAuditCommit?: CommitListener;
}

/**
 * better-sqlite3 compiles a statement on every `prepare`, and Kysely prepares every query it
 * runs: on the portal's pages that was a tenth of the server's CPU time (docs/benchmarks.md).
 * This keeps the most recently used compiled statements by their SQL text. It is safe because
 * better-sqlite3 runs one statement at a time and nothing here iterates a statement lazily
 * (Kysely's `.stream()` is not used on SQLite).
 */
function withStatementCache(sqlite: SQLite.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => void sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text); // re-insert: the Map's order is the recency order
      } else {
        statement = sqlite.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

/** Opens a connection pool (or the SQLite file) for the configured database. */
export function openDatabase(database: Config['database'], options: OpenOptions = {}): Kysely<Database> {
  if (database.kind === 'sqlite') {
    if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true, mode: 0o700 });
    const sqlite = new SQLite(database.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // 32 MiB of page cache instead of SQLite's 2 MiB: the indexes of a catalog of a million items
    // are far larger than 2 MiB (the server's memory budget is 512 MB, docs/benchmarks.md).
    sqlite.pragma('cache_size = -32768');
    return new Kysely<Database>({
      dialect: watched(new SqliteDialect({ database: withStatementCache(sqlite) }), options),
    });
  }
  // No JIT: the product's statements are short, and JIT compiles whenever the planner's cost of
  // a branch crosses jit_above_cost — even a branch behind a one-time filter that never runs
  // (140 ms of compilation for a 2 ms search, docs/benchmarks.md).
  const settings = ['-c jit=off', ...(options.schema ? [`-c search_path=${options.schema}`] : [])];
  const max = options.poolSize ?? 10;
  const pool = new pg.Pool({
    connectionString: database.url,
    max,
    options: settings.join(' '),
  });
  const db = new Kysely<Database>({ dialect: watched(new PostgresDialect({ pool }), options) });
  pools.set(db, { pool, max });
  return db;
}

const pools = new WeakMap<object, { pool: pg.Pool; max: number }>();

/** The state of a PostgreSQL connection pool (for /metrics); null for SQLite (one connection). */
export function poolStats(db: Kysely<Database>): { max: number; total: number; idle: number; waiting: number } | null {
  const entry = pools.get(db);
  if (!entry) return null;
  return { max: entry.max, total: entry.pool.totalCount, idle: entry.pool.idleCount, waiting: entry.pool.waitingCount };
}

const watched = (dialect: KyselyDialect, options: OpenOptions) =>
  options.onAuditCommit ? watchCommits(dialect, 'audit_event', options.onAuditCommit) : dialect;

/** Which SQL dialect a handle speaks, for the few queries that must differ. */
export function dialectOf(db: DbOrTx | Kysely<unknown>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A trivial query: is the database reachable? (used by /readyz) */
export async function ping(db: DbOrTx): Promise<void> {
  await sql`select 1`.execute(db);
}
