/**
 * Real databases for tests (no mocks): a fresh SQLite file per test database, and — when
 * GONGKAI_TEST_PG_URL is set — a fresh PostgreSQL schema per test database, dropped afterwards.
 * `GONGKAI_TEST_REQUIRE_PG=1` (set by .ci/run) makes a missing PostgreSQL a failure instead of
 * a skip.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import type { Db, Dialect } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

const PG_URL = process.env.GONGKAI_TEST_PG_URL;
if (process.env.GONGKAI_TEST_REQUIRE_PG === '1' && !PG_URL) {
  throw new Error('GONGKAI_TEST_REQUIRE_PG=1 but GONGKAI_TEST_PG_URL is not set: PostgreSQL tests would be skipped');
}

/** The dialects this run tests: always SQLite, PostgreSQL when configured. */
export const TEST_DIALECTS: Dialect[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  db: Db;
  dialect: Dialect;
  /** The database URL (SQLite file or PostgreSQL with the schema in search_path) for spawned processes. */
  url: string;
  /** For PostgreSQL: the schema to put into the connection's search_path. */
  schema: string | null;
  destroy(): Promise<void>;
}

/** A new, migrated, empty database of the given dialect. */
export async function createTestDb(dialect: Dialect, options: { migrate?: boolean } = {}): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
    const file = join(dir, 'test.db');
    const db = openDatabase({ kind: 'sqlite', file });
    if (options.migrate !== false) await migrateToLatest(db);
    return {
      db,
      dialect,
      url: `sqlite:${file}`,
      schema: null,
      destroy: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!PG_URL) throw new Error('GONGKAI_TEST_PG_URL is not set');
  const schema = `gk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDatabase({ kind: 'postgres', url: PG_URL }, { schema, poolSize: 4 });
  if (options.migrate !== false) await migrateToLatest(db);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    db,
    dialect,
    url: url.toString(),
    schema,
    destroy: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** `describe` once per dialect, e.g. "agencies (sqlite)" and "agencies (postgres)". */
export function describeEachDialect(name: string, body: (dialect: Dialect) => void): void {
  for (const dialect of TEST_DIALECTS) describe(`${name} (${dialect})`, () => body(dialect));
}
