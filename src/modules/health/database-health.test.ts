import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, type TestDb, createTestDb } from '../../../test/support/db.ts';
import { TestClock } from '../../../test/support/clock.ts';
import { systemActor } from '../../policies/actor.ts';
import type { TableStatistics } from './database-health.repository.ts';
import {
  diagnoseDatabase,
  fixStatistics,
  keepStatistics,
  postgresFindings,
  sqliteFindings,
  staleTables,
} from './database-health.service.ts';
import { databaseWarnings } from './database-health.warnings.ts';

const MB = 2 ** 20;
const settings = { autovacuum: true, trackCounts: true, sharedBuffersBytes: 1024 * MB, workingSetBytes: 2048 * MB };
const table = (over: Partial<TableStatistics>): TableStatistics => ({
  table: 'catalog_item',
  rows: 50_000,
  analyzedRows: 50_000,
  changedSince: 0,
  ...over,
});
const codes = (f: Array<{ code: string }>) => f.map((x) => x.code);

describe('database findings (pure)', () => {
  it('PostgreSQL: autovacuum or track_counts off, shared_buffers under a quarter of the working set', () => {
    expect(postgresFindings(settings, [table({})])).toEqual([]);
    expect(codes(postgresFindings({ ...settings, autovacuum: false }, []))).toEqual(['AUTOVACUUM_OFF']);
    expect(codes(postgresFindings({ ...settings, trackCounts: false }, []))).toEqual(['AUTOVACUUM_OFF']);
    expect(codes(postgresFindings({ ...settings, sharedBuffersBytes: 511 * MB }, []))).toEqual([
      'SHARED_BUFFERS_SMALL',
    ]);
    expect(postgresFindings({ ...settings, sharedBuffersBytes: 512 * MB }, [])).toEqual([]);
    expect(postgresFindings({ ...settings, sharedBuffersBytes: 128 * MB }, [])[0]!.message).toContain('128 MB');
  });

  it('statistics: missing on a table of some size, stale after a fifth changed (PostgreSQL) or rows doubled/halved (SQLite)', () => {
    expect(codes(postgresFindings(settings, [table({ analyzedRows: null })]))).toEqual(['STATISTICS_MISSING']);
    expect(postgresFindings(settings, [table({ rows: 999, analyzedRows: null })])).toEqual([]);
    expect(codes(postgresFindings(settings, [table({ changedSince: 11_001 })]))).toEqual(['STATISTICS_STALE']);
    expect(postgresFindings(settings, [table({ changedSince: 11_000 })])).toEqual([]);
    expect(staleTables([table({ rows: 100_000 })])).toEqual(['catalog_item']);
    expect(staleTables([table({ rows: 25_000 })])).toEqual(['catalog_item']);
    expect(staleTables([table({ rows: 99_999 })])).toEqual([]);
    expect(staleTables([table({ rows: 900, analyzedRows: 10 })])).toEqual([]);
    expect(codes(sqliteFindings([table({ analyzedRows: null }), table({ table: 'x', rows: 200_000 })]))).toEqual([
      'STATISTICS_MISSING',
      'STATISTICS_STALE',
    ]);
  });
});

describeEachDialect('database upkeep', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await sql`create table upkeep_probe (id integer primary key, v text not null)`.execute(t.db);
    await sql`create index upkeep_probe_v on upkeep_probe (v)`.execute(t.db);
  }, 60_000);
  afterAll(async () => t?.destroy());

  const fill = async (from: number, to: number) =>
    dialect === 'postgres'
      ? sql`insert into upkeep_probe select g, 'v' || (g % 50) from generate_series(${from}::int, ${to}::int) g`.execute(
          t.db,
        )
      : sql`with recursive c(n) as (select ${from} union all select n + 1 from c where n < ${to}) insert into upkeep_probe select n, 'v' || (n % 50) from c`.execute(
          t.db,
        );
  const probe = async () => (await diagnoseDatabase(t.db)).filter((f) => f.message.includes('upkeep_probe'));

  it('a table grown by ordinary inserts has no statistics until the product gathers them, then has them', async () => {
    await fill(1, 5_000);
    if (dialect === 'postgres') await sql`select pg_stat_force_next_flush()`.execute(t.db);
    expect(codes(await probe())).toEqual(['STATISTICS_MISSING']);
    if (dialect === 'sqlite') expect(await keepStatistics(t.db)).toEqual([]);
    else expect(await fixStatistics(t.db)).toContain('upkeep_probe');
    expect(await probe()).toEqual([]);
  });

  it.runIf(dialect === 'sqlite')(
    'SQLite: after the rows doubled, the hourly job analyzes the table again',
    async () => {
      await fill(5_001, 12_000);
      expect(codes(await probe())).toEqual(['STATISTICS_STALE']);
      expect(await keepStatistics(t.db)).toContain('upkeep_probe');
      expect(await probe()).toEqual([]);
      const stat = await sql<{ stat: string }>`select stat from sqlite_stat1 where tbl = 'upkeep_probe'`.execute(t.db);
      expect(stat.rows[0]!.stat.split(' ')[0]).toBe('12000');
    },
  );

  it('the dashboard shows the findings to the system administrator only', async () => {
    const clock = new TestClock('2026-12-07T08:00:00Z');
    const admin = { ...systemActor('系统管理员'), roles: ['system_admin' as const] };
    const expected = (await diagnoseDatabase(t.db)).map((f) => `DATABASE_${f.code}`);
    expect((await databaseWarnings(t.db, admin, clock)).map((w) => w.code)).toEqual(expected);
    expect(await databaseWarnings(t.db, { ...admin, roles: ['supervisor'] }, clock)).toEqual([]);
    if (dialect === 'postgres') {
      const on =
        (await sql<{ a: string }>`select current_setting('autovacuum') as a`.execute(t.db)).rows[0]!.a === 'on';
      expect(expected.includes('DATABASE_AUTOVACUUM_OFF')).toBe(!on);
    }
  });
});
