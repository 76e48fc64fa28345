/**
 * Benchmark of supervision (issue 17): on the `gongkai synth` province — 5,000 agencies,
 * 200,000 applications (2021–2025), 200,000 catalog items — the province-wide statistics for
 * 2025, the scorecard and the aggregate annual report, each timed as the API runs them (the
 * service functions, as the system actor), beside one hand-written SQL statement computing the
 * same per-agency figures (applications, outcomes, 主动公开 by item and timeliness). Target:
 * each under 2 s on SQLite and PostgreSQL, within 2× of the hand-written query.
 *
 * Sizes: GONGKAI_BENCH_AGENCIES, GONGKAI_BENCH_ITEMS, GONGKAI_BENCH_APPLICATIONS (defaults above).
 * Run: `npm run bench -- supervision` (SQLite in a temporary file), or with
 * `GONGKAI_BENCH_PG_URL=postgres://…` (a fresh schema, dropped afterwards). Asserts nothing.
 * Synthesising the province takes longer than the timings: GONGKAI_BENCH_KEEP=NAME keeps the
 * data (SQLite: the file NAME; PostgreSQL: the schema NAME) and a later run with the same NAME
 * times it again without synthesising.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/connect.ts';
import type { Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemActor } from '../src/policies/actor.ts';
import { findRoots } from '../src/modules/agencies/agencies.repository.ts';
import { loadCalendar } from '../src/modules/calendar/calendar.service.ts';
import { aggregateOfSubtree } from '../src/modules/supervision/aggregate.service.ts';
import { subtreeScorecard } from '../src/modules/supervision/scorecard.service.ts';
import { subtreeStatistics } from '../src/modules/supervision/statistics.service.ts';
import { rng, runSynth } from '../src/modules/synth/synth.service.ts';
import { SYNTH_STEPS } from '../src/modules/synth/synth.steps.ts';

const clock = { now: () => new Date('2026-02-10T02:00:00Z') };
const FROM = '2025-01-01';
const TO = '2025-12-31';
const TODAY = '2026-02-10';

const keep = process.env.GONGKAI_BENCH_KEEP;

async function open(): Promise<{ db: Db; label: string; cleanup: () => Promise<void> }> {
  const url = process.env.GONGKAI_BENCH_PG_URL;
  if (!url) {
    const dir = keep ? null : mkdtempSync(join(tmpdir(), 'gk-supervision-bench-'));
    const db = openDatabase({ kind: 'sqlite', file: keep ?? join(dir!, 'bench.db') });
    return {
      db,
      label: 'SQLite',
      cleanup: async () => {
        await db.destroy();
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (keep && !/^[a-z_][a-z0-9_]*$/.test(keep)) throw new Error('GONGKAI_BENCH_KEEP: a schema name (a-z, 0-9, _)');
  const schema = keep ?? `gk_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema if not exists ${schema}`);
  await admin.end();
  const db = openDatabase({ kind: 'postgres', url }, { schema, poolSize: 4 });
  return {
    db,
    label: 'PostgreSQL',
    cleanup: async () => {
      await db.destroy();
      if (keep) return;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** The bare baseline: one statement with the per-agency application counts, outcomes and 主动公开 by item. */
async function handWritten(db: Db): Promise<number> {
  const r = await sql<Record<string, unknown>>`
    select 'a' as t, agency_id, '' as k,
      sum(case when received_date >= ${FROM} and received_date <= ${TO} then 1 else 0 end) as n1,
      sum(case when closed_date >= ${FROM} and closed_date <= ${TO} then 1 else 0 end) as n2,
      sum(case when state <> 'closed' and reply_due < ${TODAY} then 1 else 0 end) as n3,
      sum(case when closed_date >= ${FROM} and closed_date <= ${TO} and closed_date > reply_due then 1 else 0 end) as n4
    from application where kind = 'disclosure' group by agency_id
    union all
    select 'o', agency_id, outcome, count(*), 0, 0, 0
    from application where kind = 'disclosure' and closed_date >= ${FROM} and closed_date <= ${TO} group by agency_id, outcome
    union all
    select 'c', agency_id, statutory_item, count(*),
      sum(case when published_on <= due_on then 1 else 0 end), sum(case when published_on > due_on then 1 else 0 end), 0
    from catalog_item where status = 'published' and published_on >= ${FROM} and published_on <= ${TO}
    group by agency_id, statutory_item`.execute(db);
  return r.rows.length;
}

async function time<T>(runs: number, fn: () => Promise<T>): Promise<{ best: number; median: number; last: T }> {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { best: ms[0]!, median: ms[Math.floor(ms.length / 2)]!, last };
}

async function main(): Promise<void> {
  const { db, label, cleanup } = await open();
  try {
    await migrateToLatest(db);
    const t0 = Date.now();
    const synthesised = keep && (await findRoots(db)).length > 0;
    if (!synthesised)
      await runSynth(
        {
          db,
          clock,
          calendar: await loadCalendar(db),
          random: rng(1),
          counts: {
            agencies: Number(process.env.GONGKAI_BENCH_AGENCIES ?? 5000),
            items: Number(process.env.GONGKAI_BENCH_ITEMS ?? 200_000),
            applications: Number(process.env.GONGKAI_BENCH_APPLICATIONS ?? 200_000),
          },
          progress: () => undefined,
        },
        SYNTH_STEPS,
      );
    if (label === 'PostgreSQL' && !synthesised) await sql`analyze`.execute(db);
    if (!synthesised) console.error(`${label}: synth ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const root = (await findRoots(db))[0]!;
    const actor = systemActor('基准测试');
    const rows: string[] = [];
    const row = (what: string, r: { best: number; median: number }, note: string, base?: number) =>
      rows.push(
        `| ${label} | ${what} | ${(r.best / 1000).toFixed(2)} s | ${(r.median / 1000).toFixed(2)} s | ${base ? `${(r.median / base).toFixed(1)}×` : '—'} | ${note} |`,
      );
    const bare = await time(5, () => handWritten(db));
    row('hand-written SQL (one statement, per agency)', bare, `${bare.last} rows`);
    const stats = await time(3, () => subtreeStatistics(db, actor, { rootId: root.id, period: { year: 2025 } }, clock));
    row(
      'statistics, province 2025',
      stats,
      `${stats.last.agencies.length} agencies, ${stats.last.total.applications.received} received`,
      bare.median,
    );
    const card = await time(3, () => subtreeScorecard(db, actor, { rootId: root.id, year: 2025 }, clock));
    row('scorecard, province 2025', card, `${card.last.agencies.length} agencies scored`, bare.median);
    const agg = await time(3, () => aggregateOfSubtree(db, actor, { rootId: root.id, year: 2025 }, clock));
    row(
      'aggregate report, province 2025',
      agg,
      `${agg.last.report.includedAgencies?.length} agencies, table3 total ${agg.last.report.table3.total?.[6]}`,
      bare.median,
    );
    console.log(
      `load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    console.log(rows.join('\n'));
  } finally {
    await cleanup();
  }
}

await main();
