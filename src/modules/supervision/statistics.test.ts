/**
 * The subtree statistics read the applications in one grouped statement and count them in
 * domain code. On a generated subtree (`gongkai synth`: agencies several levels deep, thousands
 * of applications, some open and overdue, some late, replies with and without reasons), every
 * agency's figures equal those counted record by record, agency by agency — for the whole
 * platform (no agency condition) and for a subtree (an agency list), for a year, a quarter and
 * dates across a year's end; the same for 主动公开 (one grouped statement over the catalog).
 * SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { loadBundledYears } from '../../domain/calendar/bundled.ts';
import { Calendar } from '../../domain/calendar/calendar.ts';
import { isOutcomeKey } from '../../domain/clock/outcomes.ts';
import { replyNeedsReasons, replyStatesReasons } from '../../domain/supervision/application-counts.ts';
import { parsePeriod, type PeriodInput } from '../../domain/supervision/period.ts';
import { emptyStats, type ApplicationStats, type CatalogStats } from '../../domain/supervision/statistics.ts';
import { systemActor } from '../../policies/actor.ts';
import { findRoots } from '../agencies/agencies.repository.ts';
import { rng, runSynth } from '../synth/synth.service.ts';
import { SYNTH_STEPS } from '../synth/synth.steps.ts';
import { subtreeStatistics } from './statistics.service.ts';

interface Rec {
  agency_id: string;
  state: string;
  outcome: string | null;
  received_date: string | null;
  closed_date: string | null;
  reply_due: string | null;
  decision_reasons: string | null;
  decision_basis: string | null;
}

interface Item {
  agency_id: string;
  status: string;
  statutory_item: string;
  doc_type: string | null;
  published_on: string | null;
  due_on: string;
  ended_as: string | null;
  ended_on: string | null;
  effective_on: string | null;
}

const calendar = Calendar.fromYears(loadBundledYears());

/** One agency's 主动公开 figures, one item at a time. */
function countItems(items: Item[], period: { from: string; to: string }, today: string): CatalogStats {
  const c = emptyStats().catalog;
  for (const i of items) {
    if (i.status === 'withdrawn') continue;
    if (i.status !== 'published') {
      if (i.due_on < today) c.overdueNow++;
      continue;
    }
    const normative = i.doc_type === 'rule' || i.doc_type === 'normative';
    if (normative) {
      c.normativePublic++;
      const ended = i.ended_as !== null && i.ended_on !== null && i.ended_on <= today;
      if (ended) c.normativeEnded++;
      else c.normativeInForce++;
      if (i.effective_on !== null) c.normativeDated++;
    }
    if (i.published_on === null || i.published_on < period.from || i.published_on > period.to) continue;
    c.published++;
    c.byItem[i.statutory_item] = (c.byItem[i.statutory_item] ?? 0) + 1;
    if (i.published_on <= i.due_on) c.onTime++;
    else c.late++;
    if (i.doc_type === 'policy_interpretation') c.interpretations++;
    if (normative) c.normativePublished++;
  }
  return c;
}

/** One agency's application figures, one record at a time (the reference the grouped count must equal). */
function countOneByOne(records: Rec[], period: { from: string; to: string }, today: string): ApplicationStats {
  const s = emptyStats().applications;
  const inPeriod = (d: string | null) => d !== null && d >= period.from && d <= period.to;
  for (const r of records) {
    if (inPeriod(r.received_date)) s.received++;
    if (r.state !== 'closed') {
      s.open++;
      if (r.reply_due !== null && r.reply_due < today) s.overdueNow++;
    }
    if (!inPeriod(r.closed_date)) continue;
    s.closed++;
    if (r.reply_due !== null && r.closed_date! > r.reply_due) s.closedLate++;
    if (isOutcomeKey(r.outcome)) s.outcomes[r.outcome]++;
    if (replyNeedsReasons(r.outcome)) {
      s.refusals++;
      if (replyStatesReasons(r.outcome!, !!r.decision_reasons, !!r.decision_basis)) s.refusalsWithReasons++;
    }
    if (r.received_date !== null) {
      const days = Math.max(
        0,
        calendar.workingDaysBetween(r.received_date, r.closed_date!, { provisional: true }).value,
      );
      s.replyDays[days] = (s.replyDays[days] ?? 0) + 1;
    }
  }
  return s;
}

describeEachDialect('subtree statistics: one grouped scan equals counting record by record', (dialect) => {
  let t: TestDb;
  const clock = new TestClock('2026-03-02T02:00:00Z');
  const today = '2026-03-02';
  let records: Rec[] = [];
  let items: Item[] = [];

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await runSynth(
      {
        db: t.db,
        clock,
        calendar,
        random: rng(17),
        counts: { agencies: 30, items: 200, applications: 2500 },
        progress: () => {},
      },
      SYNTH_STEPS,
    );
    // Vary what the synthesised replies leave uniform: reasons, legal basis, late replies, open past due.
    await sql`update application set decision_reasons = '涉及第三方合法权益' where substr(id, 1, 1) in ('0', '1', '2', '3', '4')`.execute(
      t.db,
    );
    await sql`update application set decision_basis = '《条例》第三十六条' where substr(id, 2, 1) in ('a', 'b', 'c', 'd', '5', '6')`.execute(
      t.db,
    );
    await sql`update application set reply_due = received_date where substr(id, 3, 1) in ('7', '8', '9') and state = 'closed'`.execute(
      t.db,
    );
    await sql`update application set reply_due = null where substr(id, 3, 1) = 'e'`.execute(t.db);
    await sql`update application set state = 'running', reply_due = '2026-04-30' where substr(id, 4, 1) = 'f' and state = 'closed'`.execute(
      t.db,
    );
    records = (
      await sql<Rec>`
        select agency_id, state, outcome, received_date, closed_date, reply_due, decision_reasons, decision_basis
        from application where kind = 'disclosure'`.execute(t.db)
    ).rows;
    // Catalog: some drafts past due, 规范性文件 with and without dates and validity marks, a withdrawal.
    await sql`update catalog_item set status = 'draft', published_on = null where substr(id, 1, 1) = '3'`.execute(t.db);
    await sql`update catalog_item set status = 'withdrawn' where substr(id, 1, 1) = '4'`.execute(t.db);
    await sql`update catalog_item set doc_type = 'normative', effective_on = formed_on where substr(id, 2, 1) in ('0', '1', '2')`.execute(
      t.db,
    );
    await sql`update catalog_item set doc_type = 'normative', ended_as = 'repealed', ended_on = '2025-06-30' where substr(id, 2, 1) = '3'`.execute(
      t.db,
    );
    await sql`update catalog_item set doc_type = 'policy_interpretation' where substr(id, 2, 1) = '4'`.execute(t.db);
    await sql`update catalog_item set due_on = formed_on where substr(id, 3, 1) in ('5', '6')`.execute(t.db);
    items = (
      await sql<Item>`
        select agency_id, status, statutory_item, doc_type, published_on, due_on, ended_as, ended_on, effective_on
        from catalog_item`.execute(t.db)
    ).rows;
  }, 120_000);
  afterAll(async () => t?.destroy());

  const periods: PeriodInput[] = [{ year: 2025 }, { year: 2024, quarter: 2 }, { from: '2023-11-15', to: '2024-02-10' }];

  for (const input of periods) {
    it(`${JSON.stringify(input)}: every agency, the whole platform and a subtree`, async () => {
      const period = parsePeriod(input);
      const root = (await findRoots(t.db))[0]!;
      const whole = await subtreeStatistics(t.db, systemActor(), { rootId: root.id, period: input }, clock);
      expect(whole.agencies).toHaveLength(30);
      // A city two levels below the province: the statement then lists its agencies.
      const city = whole.agencies.find((a) => a.agency.depth === 1 && a.subtree.applications.received > 0)!;
      const part = await subtreeStatistics(t.db, systemActor(), { rootId: city.agency.id, period: input }, clock);
      expect(part.agencies.length).toBeGreaterThan(1);
      expect(part.agencies.length).toBeLessThan(30);

      for (const stats of [whole, part]) {
        const inPeriod = (d: string | null): d is string => d !== null && d >= period.from && d <= period.to;
        const months = new Map(stats.months.map((m) => [m.month, { received: 0, closed: 0, closedLate: 0 }]));
        for (const a of stats.agencies) {
          const mine = records.filter((r) => r.agency_id === a.agency.id);
          const { feesYuan: _fees, ...counted } = a.own.applications;
          const { feesYuan: _none, ...expected } = countOneByOne(mine, period, today);
          expect(counted, a.agency.name).toEqual(expected);
          const theirs = items.filter((i) => i.agency_id === a.agency.id);
          expect(a.own.catalog, a.agency.name).toEqual(countItems(theirs, period, today));
          for (const r of mine) {
            if (inPeriod(r.received_date)) months.get(r.received_date.slice(0, 7))!.received++;
            if (!inPeriod(r.closed_date)) continue;
            const m = months.get(r.closed_date.slice(0, 7))!;
            m.closed++;
            if (r.reply_due !== null && r.closed_date > r.reply_due) m.closedLate++;
          }
        }
        expect(stats.months).toEqual([...months].map(([month, m]) => ({ month, ...m })));
        expect(stats.total.applications.received).toBe(
          stats.agencies.reduce((n, a) => n + a.own.applications.received, 0),
        );
      }
      // The data exercise every branch the counting has.
      const all = whole.total.applications;
      expect(all.received).toBeGreaterThan(50);
      expect(all.closedLate).toBeGreaterThan(0);
      expect(all.refusalsWithReasons).toBeGreaterThan(0);
      expect(all.refusals).toBeGreaterThan(all.refusalsWithReasons);
      expect(all.open).toBeGreaterThan(all.overdueNow);
      expect(all.overdueNow).toBeGreaterThan(0);
      const c = whole.total.catalog;
      expect(c.published).toBeGreaterThan(0);
      expect(c.late + c.overdueNow + c.normativeEnded + c.normativeDated + c.interpretations).toBeGreaterThan(0);
    });
  }
});
