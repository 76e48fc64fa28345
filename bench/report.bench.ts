/**
 * Benchmark of the annual report (issue 6): on a synthetic province — 5,000 agencies,
 * 1,000,000 applications, 100,000 catalog items (configurable), 5,000 cases — every agency's report for 2025
 * (target: under 60 s on SQLite, under 30 s on PostgreSQL), one agency's report (under 100 ms),
 * peak resident memory of the run (under 1.5 GB), and, as the bare baseline, one hand-written
 * aggregate SQL query producing table 三 for all agencies; our time is reported as a ratio of it.
 *
 * Run: `npx tsx bench/report.bench.ts` (SQLite in a temporary file), or with
 * `GONGKAI_BENCH_PG_URL=postgres://…` for PostgreSQL (a fresh schema, dropped afterwards).
 * A benchmark, not a test: it asserts nothing. Prints rows for docs/benchmarks.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/connect.ts';
import type { Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { OUTCOME_KEYS } from '../src/domain/report/index.ts';
import { systemActor } from '../src/policies/actor.ts';
import { moduleFigureSources } from '../src/modules/reports/figure-sources.ts';
import type { FigureSources } from '../src/modules/reports/reports.figures.ts';
import { reportView } from '../src/modules/reports/reports.service.ts';
import { rng } from '../src/modules/synth/text.ts';

const AGENCIES = 5000;
const APPLICATIONS = 1_000_000;
/** Catalog items per agency: 20 by default (100,000 in all); GONGKAI_BENCH_ITEMS_PER_AGENCY=200 gives the catalog issue's 1,000,000. */
const ITEMS_PER_AGENCY = Number(process.env.GONGKAI_BENCH_ITEMS_PER_AGENCY ?? 20);
const YEAR = 2025;
const KINDS = [
  'natural_person',
  'natural_person',
  'natural_person',
  'commercial',
  'research',
  'public_interest',
  'legal_services',
  'other_org',
];
const clock = { now: () => new Date('2026-02-10T02:00:00Z') };

/** The synth module's seeded PRNG (mulberry32), so runs are comparable. */
const rand = rng(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const day = (start: string, offset: number) =>
  new Date(Date.parse(`${start}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

async function open(): Promise<{ db: Db; label: string; cleanup: () => Promise<void> }> {
  const url = process.env.GONGKAI_BENCH_PG_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'gk-report-bench-'));
    const db = openDatabase({ kind: 'sqlite', file: join(dir, 'bench.db') });
    return {
      db,
      label: 'SQLite',
      cleanup: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `gk_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDatabase({ kind: 'postgres', url }, { schema, poolSize: 4 });
  return {
    db,
    label: 'PostgreSQL',
    cleanup: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** Multi-row inserts of `chunk` rows, all in one transaction. */
async function insertChunks<T>(db: Db, table: string, rows: T[], chunk: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += chunk)
      await (tx as unknown as Db)
        .insertInto(table as 'agency')
        .values(rows.slice(i, i + chunk) as never)
        .execute();
  });
}

/** 1 province, 9 cities, 90 counties, their departments and townships: 5,000 agencies. */
function agencyRows(now: string) {
  const rows: Array<Record<string, unknown>> = [];
  const add = (parent: string | null, level: string, name: string) => {
    const id = randomUUID();
    rows.push({
      id,
      parent_id: parent,
      name,
      short_name: name.slice(-8),
      code: `a${rows.length}`,
      level,
      makes_rules: level === 'province' || level === 'city' ? 1 : 0,
      contact_address: '',
      contact_postcode: '',
      contact_hours: '',
      contact_phone: '',
      contact_fax: '',
      contact_email: '',
      created_at: now,
      updated_at: now,
    });
    return id;
  };
  const province = add(null, 'province', '某省人民政府');
  for (let c = 0; c < 9 && rows.length < AGENCIES; c++) {
    const city = add(province, 'city', `某省第${c + 1}市人民政府`);
    for (let k = 0; k < 10; k++) {
      const county = add(city, 'county', `第${c + 1}市第${k + 1}区人民政府`);
      for (let d = 0; d < 54 && rows.length < AGENCIES; d++)
        add(
          county,
          d < 45 ? 'department' : 'township',
          `第${c + 1}市第${k + 1}区第${d + 1}${d < 45 ? '局' : '镇人民政府'}`,
        );
    }
  }
  while (rows.length < AGENCIES) add(province, 'department', `某省第${rows.length}厅`);
  return rows;
}

async function seedProvince(db: Db): Promise<string[]> {
  const now = clock.now().toISOString();
  const agencies = agencyRows(now);
  await insertChunks(db, 'agency', agencies, 500);
  const ids = agencies.map((a) => a.id as string);
  const apps: Array<Record<string, unknown>> = [];
  const flush = async () => {
    await insertChunks(db, 'application', apps.splice(0), 1000);
  };
  for (let i = 0; i < APPLICATIONS; i++) {
    const received = day('2024-01-01', Math.floor(rand() * 790));
    const open = rand() < 0.05;
    const closed = open ? null : day(received, 1 + Math.floor(rand() * 40));
    apps.push({
      id: randomUUID(),
      agency_id: pick(ids),
      kind: 'disclosure',
      tracking_number: `B${i}`,
      year: Number(received.slice(0, 4)),
      seq: i,
      query_code_hash: 'x',
      channel: 'online',
      arrival_date: received,
      received_date: received,
      state: open ? 'processing' : 'closed',
      closed_date: closed,
      outcome: open ? null : pick(OUTCOME_KEYS),
      applicant_kind: pick(KINDS),
      id_doc_type: 'id_card',
      id_number_enc: '',
      id_number_hash: '',
      id_number_masked: '',
      phone_enc: '',
      phone_masked: '',
      address_enc: '',
      address_masked: '',
      created_at: now,
      updated_at: now,
    });
    if (apps.length === 20_000) await flush();
  }
  await flush();
  const items: Array<Record<string, unknown>> = [];
  ids.forEach((agency, a) => {
    for (let n = 0; n < ITEMS_PER_AGENCY; n++) {
      const formed = day('2023-01-01', Math.floor(rand() * 1000));
      items.push({
        id: randomUUID(),
        agency_id: agency,
        index_no: `${a}-${n}`,
        title: '信息',
        doc_number: '',
        publisher: '',
        statutory_item: pick(['a20_1', 'a20_2', 'a20_3']),
        doc_type: pick(['normative', 'notice', 'work_news', 'other']),
        summary: '',
        body_html: '',
        body_text: '',
        formed_on: formed,
        published_on: day(formed, 3),
        published_at: `${day(formed, 3)}T02:00:00Z`,
        due_on: day(formed, 28),
        due_explanation: '',
        due_provisional: 0,
        status: 'published',
        author_name: '',
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
  });
  await insertChunks(db, 'catalog_item', items, 500);
  const cases = ids.map((agency, i) => ({
    id: randomUUID(),
    agency_id: agency,
    kind: pick(['reconsideration', 'litigation_direct', 'litigation_after_reconsideration']),
    case_number: `C${i}`,
    party: '某',
    organ: '某',
    subject: '',
    filed_date: day('2025-01-01', Math.floor(rand() * 360)),
    concluded_date: null,
    result: 'pending',
    result_note: '',
    created_at: now,
    updated_at: now,
  }));
  await insertChunks(db, 'disclosure_case', cases, 500);
  return ids;
}

/** The bare baseline: table 三 for every agency in one aggregate query (lifecycle.md counting). */
async function baselineTable3(db: Db): Promise<number> {
  const s = `${YEAR}-01-01`;
  const e = `${YEAR}-12-31`;
  const res = await sql<{ agency_id: string }>`
    select agency_id, applicant_kind, outcome,
      sum(case when received_date between ${s} and ${e} then 1 else 0 end) as received,
      sum(case when received_date < ${s} and (closed_date is null or closed_date >= ${s}) then 1 else 0 end) as carried_in,
      sum(case when closed_date between ${s} and ${e} then 1 else 0 end) as closed,
      sum(case when received_date <= ${e} and (closed_date is null or closed_date > ${e}) then 1 else 0 end) as carried_out
    from application
    where kind = 'disclosure' and received_date is not null and received_date <= ${e} and (closed_date is null or closed_date >= ${s})
    group by agency_id, applicant_kind, outcome`.execute(db);
  return res.rows.length;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** The module sources with the time spent in each summed up, to show where a report's time goes. */
const spent = { catalog: 0, applications: 0, cases: 0 };
const timedSources: FigureSources = {
  catalog: async (db, ids, year) => {
    const s = process.hrtime.bigint();
    try {
      return await moduleFigureSources.catalog(db, ids, year);
    } finally {
      spent.catalog += ms(s);
    }
  },
  applications: async (db, ids, year) => {
    const s = process.hrtime.bigint();
    try {
      return await moduleFigureSources.applications(db, ids, year);
    } finally {
      spent.applications += ms(s);
    }
  },
  cases: async (db, ids, year) => {
    const s = process.hrtime.bigint();
    try {
      return await moduleFigureSources.cases(db, ids, year);
    } finally {
      spent.cases += ms(s);
    }
  },
};

async function main(): Promise<void> {
  const { db, label, cleanup } = await open();
  try {
    await migrateToLatest(db);
    let t = process.hrtime.bigint();
    const ids = await seedProvince(db);
    const seedMs = ms(t);
    t = process.hrtime.bigint();
    const groups = await baselineTable3(db);
    const baselineMs = ms(t);
    const actor = systemActor('基准测试');
    t = process.hrtime.bigint();
    let checksum = 0;
    for (const id of ids)
      checksum += (await reportView(db, actor, id, YEAR, clock, timedSources)).report.table3.total?.[6] ?? 0;
    const allMs = ms(t);
    const one: number[] = [];
    for (let i = 0; i < 30; i++) {
      const s = process.hrtime.bigint();
      await reportView(db, actor, ids[100 + i] as string, YEAR, clock, moduleFigureSources);
      one.push(ms(s));
    }
    one.sort((a, b) => a - b);
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(
      `${label}: inside the figure sources (they run in parallel): catalog ${(spent.catalog / 1000).toFixed(1)} s, applications ${(spent.applications / 1000).toFixed(1)} s, cases ${(spent.cases / 1000).toFixed(1)} s`,
    );
    console.log(
      `${label}: seeded in ${(seedMs / 1000).toFixed(1)} s; closed in ${YEAR} over all reports: ${checksum}; baseline groups: ${groups}`,
    );
    console.log(
      '| database | all 5,000 reports | one report (median / p90) | baseline SQL (table 三, all agencies) | ratio | peak RSS |',
    );
    console.log('|---|---|---|---|---|---|');
    console.log(
      `| ${label} | ${(allMs / 1000).toFixed(1)} s | ${one[15]?.toFixed(1)} ms / ${one[27]?.toFixed(1)} ms | ${(baselineMs / 1000).toFixed(2)} s | ${(allMs / baselineMs).toFixed(1)}× | ${rss.toFixed(0)} MB |`,
    );
  } finally {
    await cleanup();
  }
}

await main();
