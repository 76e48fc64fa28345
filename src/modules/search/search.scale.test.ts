/**
 * Search at scale (issue 19): a catalog grown through the ordinary publishing path — draft,
 * submit, 保密审查, approve, each through the services, 500 items per transaction — and the plan
 * of every query shape asserted with EXPLAIN on both databases: no page reads, counts or sorts
 * all the matches or all the items. GONGKAI_TEST_SCALE_ITEMS overrides the 20,000 items.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/db.ts';
import { TestClock } from '../../../test/support/clock.ts';
import { catalogFixture, type CatalogFixture } from '../../../test/support/factories/catalog.ts';
import { dialectOf } from '../../db/connect.ts';
import type { DbOrTx } from '../../db/database.ts';
import { statutoryItemsFor } from '../../domain/catalog/index.ts';
import { shanghaiDate } from '../../domain/time.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { createDraft } from '../catalog/catalog.service.ts';
import { act } from '../catalog/workflow.service.ts';
import { keepStatistics } from '../health/database-health.service.ts';
import { body, rng, title } from '../synth/text.ts';
import { findPublic, publicQueryStatement, type PublicQuery } from './public-search.repository.ts';
import { queryWords } from './segment.ts';

const ITEMS = Number(process.env.GONGKAI_TEST_SCALE_ITEMS ?? 20_000);
const BATCH = 500;
/** Every RARE_EVERY-th item mentions 锂电池 in its title: a rare word (20 of 20,000). */
const RARE_EVERY = 1_000;

describeEachDialect('search at scale: a catalog grown by publishing, plans by EXPLAIN', (dialect) => {
  let f: CatalogFixture;
  let districtId: string;
  let now: Date;
  beforeAll(async () => {
    f = await catalogFixture(dialect);
    const agency = (await findByCodeOrName(f.t.db, 'luojiang-gxj'))!;
    districtId = (await findByCodeOrName(f.t.db, 'luojiang'))!.id;
    const items = statutoryItemsFor(agency.level).map((i) => i.key);
    const calendar = await loadCalendar(f.t.db);
    const random = rng(19);
    // Four hours apart from 2016: 20,000 items reach into 2025.
    const clock = new TestClock('2016-01-04T02:00:00Z');
    for (let done = 0; done < ITEMS; done += BATCH) {
      await f.t.db.transaction().execute(async (tx) => {
        for (let k = done; k < Math.min(done + BATCH, ITEMS); k++) {
          clock.advanceMinutes(240);
          const year = Number(shanghaiDate(clock.now()).slice(0, 4));
          const normative = random() < 0.05;
          const draft = await createDraft(
            tx,
            f.clerk,
            f.agencyId,
            {
              title: `${title(random, '洛江工信', year)}${k % RARE_EVERY === 0 ? '（锂电池）' : ''}`,
              statutoryItem: items[Math.floor(random() * items.length)]!,
              docType: normative ? 'normative' : 'notice',
              bodyHtml: body(random),
              formedOn: shanghaiDate(clock.now()),
            },
            clock,
            calendar,
          );
          await act(tx, f.clerk, draft.id, { kind: 'submit' }, clock);
          await act(tx, f.reviewer, draft.id, { kind: 'confidentiality_pass', opinion: '不涉密' }, clock);
          await act(tx, f.approver, draft.id, { kind: 'approve', opinion: '同意', publishAt: null }, clock);
        }
      });
    }
    now = clock.now();
  }, 1_800_000);
  afterAll(async () => f?.t.destroy());

  const query = (text: string, over: Partial<PublicQuery> = {}): PublicQuery => ({
    words: queryWords(text),
    order: 'relevance',
    nowIso: now.toISOString(),
    today: shanghaiDate(now),
    limit: 20,
    offset: 0,
    ...over,
  });

  /** Every query shape the portal and the API produce. */
  const shapes = (): Array<[string, PublicQuery]> => [
    ['common word, best first', query('工作')],
    ['common word, newest first', query('通知', { order: 'date' })],
    ['common word, page 10', query('通知', { offset: 180 })],
    ['rare word', query('锂电池')],
    ['word no item has', query('台风')],
    ['two-character word', query('复议')],
    ['multi-word', query('安全 检查')],
    ['multi-word, newest first', query('通知 工作', { order: 'date' })],
    ['agency subtree + word', query('通知', { agency: { id: districtId, subtree: true } })],
    ['year + word', query('安全', { year: 2020 })],
    ['document type + validity + word', query('办法', { docType: 'normative', validity: 'valid' })],
    [
      'own list of one statutory item',
      query('', { order: 'date', agency: { id: f.agencyId, subtree: false }, statutoryItem: 'a20.15' }),
    ],
    ['subtree list without words', query('', { order: 'date', agency: { id: districtId, subtree: true } })],
  ];

  it(`grew ${ITEMS} items through the workflow, all searchable`, async () => {
    const published = await sql<{
      n: number | string;
    }>`select count(*) as n from catalog_item where status = 'published' and search_key is not null`.execute(f.t.db);
    const n = Number(published.rows[0]!.n);
    expect(n).toBeGreaterThanOrEqual(ITEMS);
    const all = await findPublic(f.t.db, query('', { order: 'date' }));
    expect(all).toMatchObject({ total: Math.min(n, 1_000), totalExact: n <= 1_000 });
    const rare = await findPublic(f.t.db, query('锂电池'));
    expect(rare.total).toBe(Math.ceil(ITEMS / RARE_EVERY));
    expect(rare.items.every((i) => i.title.includes('锂电池'))).toBe(true);
  });

  /**
   * The plan: catalog_item is only ever read through an index (20 rows by key), never scanned; no node reads
   * more than a quarter of the items (a count stops at 1,001, a walk at its page, the GIN plan
   * only when the matches are few).
   */
  async function assertFastPlan(db: DbOrTx, name: string, q: PublicQuery): Promise<void> {
    const statement = (await publicQueryStatement(db, q))!;
    const { sql: text, parameters } = statement.compile(db);
    const pg = dialectOf(db) === 'postgres';
    const explain = `${pg ? 'explain (analyze, format json)' : 'explain query plan'} ${text}`;
    const result = await db
      .getExecutor()
      .provideConnection((c) =>
        c.executeQuery({ sql: explain, parameters, query: statement.toOperationNode() } as never),
      );
    const rows = result.rows as Array<Record<string, unknown>>;
    if (!pg) {
      const details = rows.map((r) => String(r.detail));
      for (const d of details.filter((x) => /^(SCAN|SEARCH) i\b/.test(x)))
        expect(d, `${name}: ${details.join(' | ')}`).toMatch(/^SEARCH i USING (COVERING )?INDEX catalog_item_/);
      expect(
        details.some((d) => /^SCAN s VIRTUAL TABLE INDEX|^SEARCH i USING COVERING INDEX/.test(d)),
        name,
      ).toBe(true);
      return;
    }
    type Node = Record<string, unknown> & { Plans?: Node[] };
    const nodes: Node[] = [];
    const visit = (n: Node) => {
      nodes.push(n);
      for (const c of n.Plans ?? []) visit(c);
    };
    visit((rows[0]!['QUERY PLAN'] as Array<{ Plan: Node }>)[0]!.Plan);
    const summary = nodes
      .filter((n) => n['Relation Name'])
      .map(
        (n) =>
          `${String(n['Node Type'])} ${String(n['Relation Name'])} rows=${String(n['Actual Rows'])}×${String(n['Actual Loops'])} removed=${String(n['Rows Removed by Filter'] ?? 0)}`,
      )
      .join(' | ');
    for (const n of nodes) {
      // By key (an index scan, or a one-row bitmap scan per key) or through the list's covering index: never the table.
      if (n['Relation Name'] === 'catalog_item')
        expect(String(n['Node Type']), `${name}: ${summary}`).toMatch(/^(Index (Only )?Scan|Bitmap Heap Scan)$/);
      const read =
        (Number(n['Actual Rows'] ?? 0) + Number(n['Rows Removed by Filter'] ?? 0)) * Number(n['Actual Loops'] ?? 1);
      if (n['Relation Name'] || n['Node Type'] === 'Sort')
        expect(read, `${name}: ${summary}`).toBeLessThanOrEqual(Math.max(ITEMS / 4, 2_100));
    }
  }

  it('every query shape has the fast plan (PostgreSQL: statistics as autovacuum keeps them)', async () => {
    if (dialect === 'postgres') await sql`analyze`.execute(f.t.db);
    for (const [name, q] of shapes()) await assertFastPlan(f.t.db, name, q);
  });

  it.runIf(dialect === 'sqlite')(
    'SQLite: the same plans without statistics, and after the product gathered them',
    async () => {
      await sql`drop table if exists sqlite_stat1`.execute(f.t.db).catch(() => undefined);
      await sql`delete from sqlite_stat1`.execute(f.t.db).catch(() => undefined);
      for (const [name, q] of shapes()) await assertFastPlan(f.t.db, `${name} (no statistics)`, q);
      await keepStatistics(f.t.db);
      const stat = await sql<{ n: number }>`select count(*) as n from sqlite_stat1 where tbl = 'catalog_item'`.execute(
        f.t.db,
      );
      expect(stat.rows[0]!.n).toBeGreaterThan(0);
      for (const [name, q] of shapes()) await assertFastPlan(f.t.db, `${name} (statistics)`, q);
    },
  );

  it('both PostgreSQL plans give the same pages as the chosen one', async () => {
    for (const [, q] of shapes().slice(0, 9)) {
      const chosen = await findPublic(f.t.db, q);
      for (const plan of ['walk', 'gin'] as const) {
        const forced = await findPublic(f.t.db, { ...q, plan });
        expect(forced.items.map((i) => i.id)).toEqual(chosen.items.map((i) => i.id));
        expect([forced.total, forced.totalExact]).toEqual([chosen.total, chosen.totalExact]);
      }
    }
  });
});
