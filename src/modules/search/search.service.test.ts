import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/db.ts';
import {
  catalogFixture,
  publishThrough,
  sampleInput,
  type CatalogFixture,
} from '../../../test/support/factories/catalog.ts';
import { endValidity } from '../catalog/validity.service.ts';
import * as searchKeys from '../../db/migrations/2026-11-28-04-search-keys.ts';
import * as agencyKeyIndex from '../../db/migrations/2026-11-28-07-catalog-agency-key-index.ts';
import * as agencyListIndex from '../../db/migrations/2026-11-28-08-catalog-agency-list-index.ts';
import * as compactSearchVectors from '../../db/migrations/2026-12-07-i19-01-compact-search-vectors.ts';
import { shanghaiDate } from '../../domain/time.ts';
import { systemActor } from '../../policies/actor.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';
import { updateAgency } from '../agencies/agencies.service.ts';
import { reindexAll } from './reindex.service.ts';
import { findPublic, type PublicQuery } from './search.repository.ts';
import { searchPublic, suggest } from './search.service.ts';
import { itemWords, queryWords, segmentWords } from './segment.ts';
import { snippet } from './snippet.ts';

it('segments in search mode: long words also yield their two-character parts; punctuation is dropped', () => {
  expect(segmentWords('关于申请行政复议的通知')).toEqual(
    expect.arrayContaining(['申请', '行政', '复议', '行政复议', '通知']),
  );
  expect(segmentWords('"复议" OR <b>*')).toEqual(['复议', 'or', 'b']);
  expect(queryWords('复议 复议')).toEqual(['复议']);
});

it('snippets escape the text and mark only the matches', () => {
  expect(snippet('申请<script>alert(1)</script>复议', ['复议'])).toBe(
    '申请&lt;script&gt;alert(1)&lt;/script&gt;<mark>复议</mark>',
  );
});

describeEachDialect('search', (dialect) => {
  let f: CatalogFixture;
  beforeAll(async () => {
    f = await catalogFixture(dialect);
    await publishThrough(
      f,
      sampleInput({
        title: '关于受理行政复议申请的公告',
        docType: 'notice',
        bodyHtml: '<p>申请人对具体行政行为不服的，可以依法申请复议。</p>',
      }),
    );
    await publishThrough(
      f,
      sampleInput({
        title: '<img src=x onerror=alert(1)>关于复议窗口调整的说明',
        docType: 'other',
        bodyHtml: '<p>复议窗口迁至一楼。<script>alert(2)</script></p>',
      }),
    );
    const rule = await publishThrough(
      f,
      sampleInput({
        title: '洛江区工业企业复议事项管理办法',
        docType: 'normative',
        docNumber: '洛工信规〔2025〕9号',
        bodyHtml: '<p>为规范复议事项管理，制定本办法。</p>',
      }),
    );
    await endValidity(
      f.t.db,
      f.approver,
      rule.id,
      { endedAs: 'repealed', endedOn: '2025-03-03', reason: '清理' },
      f.clock,
    );
  }, 90_000);
  afterAll(async () => f?.t.destroy());

  it('two-character words match inside longer words (复议 in 行政复议), in titles and bodies', async () => {
    // Three published here in 2025, and the demo's 2024 法治政府建设情况报告 (「未发生行政复议…」).
    expect((await searchPublic(f.t.db, { q: '复议' }, f.clock)).total).toBe(4);
    expect((await searchPublic(f.t.db, { q: '复议', year: 2025 }, f.clock)).total).toBe(3);
    expect((await searchPublic(f.t.db, { q: '申请' }, f.clock)).hits.map((h) => h.item.title)).toContain(
      '关于受理行政复议申请的公告',
    );
    expect((await searchPublic(f.t.db, { q: '窗口迁至' }, f.clock)).total).toBe(1);
    expect((await searchPublic(f.t.db, { q: '复议 不存在的词汇甲乙' }, f.clock)).total).toBe(0);
  });

  it('relevance puts title matches first; date order is newest first', async () => {
    const r = await searchPublic(f.t.db, { q: '申请复议' }, f.clock);
    expect(r.hits[0]!.item.title).toBe('关于受理行政复议申请的公告');
    const d = await searchPublic(f.t.db, { q: '复议', order: 'date' }, f.clock);
    const dates = d.hits.map((h) => h.item.publishedAt!);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('filters: document type, validity, year, agency subtree', async () => {
    expect((await searchPublic(f.t.db, { q: '复议', type: 'normative' }, f.clock)).total).toBe(1);
    expect((await searchPublic(f.t.db, { q: '复议', validity: 'repealed' }, f.clock)).total).toBe(1);
    expect((await searchPublic(f.t.db, { q: '复议', validity: 'valid' }, f.clock)).total).toBe(0);
    expect((await searchPublic(f.t.db, { q: '复议', year: 2024 }, f.clock)).hits.map((h) => h.item.title)).toEqual([
      '洛江区工业和信息化局2023年法治政府建设情况报告',
    ]);
    expect((await searchPublic(f.t.db, { q: '复议', year: 2025 }, f.clock)).total).toBe(3);
    expect((await searchPublic(f.t.db, { q: '复议', agency: 'luojiang' }, f.clock)).total).toBe(4);
    expect((await searchPublic(f.t.db, { q: '复议', agency: 'luojiang-czj' }, f.clock)).total).toBe(0);
    expect((await searchPublic(f.t.db, { q: '复议', type: 'nonsense' }, f.clock)).total).toBe(0);
  });

  it('highlighted titles and snippets are escaped: markup in titles and bodies never becomes HTML', async () => {
    const r = await searchPublic(f.t.db, { q: '窗口' }, f.clock);
    const hit = r.hits[0]!;
    expect(hit.titleHtml).toBe('&lt;img src=x onerror=alert(1)&gt;关于复议<mark>窗口</mark>调整的说明');
    expect(hit.snippetHtml).toContain('复议<mark>窗口</mark>迁至一楼');
    expect(hit.snippetHtml).not.toContain('<script');
  });

  it('query syntax of either engine is inert (quotes, operators, tsquery characters)', async () => {
    for (const q of ['"复议', '复议 OR 1', "复议' & !", 'NEAR(复议)', '复议:*', '*', '((']) {
      await expect(searchPublic(f.t.db, { q }, f.clock)).resolves.toBeDefined();
    }
  });

  it('suggestions for the application form come from published titles', async () => {
    const s = await suggest(f.t.db, '行政复议', 'luojiang-gxj', f.clock);
    expect(s[0]?.title).toBe('关于受理行政复议申请的公告');
    expect(await suggest(f.t.db, '，。', undefined, f.clock)).toEqual([]);
  });
});

describeEachDialect('search index: counting, ranking of common words, agency moves, migration', (dialect) => {
  let f: CatalogFixture;
  beforeAll(async () => {
    f = await catalogFixture(dialect);
    await publishThrough(
      f,
      sampleInput({
        title: '关于受理行政复议申请的公告',
        docType: 'notice',
        bodyHtml: '<p>申请人可以依法申请复议。</p>',
      }),
    );
    await publishThrough(
      f,
      sampleInput({ title: '关于复议窗口调整的说明', docType: 'other', bodyHtml: '<p>窗口迁至一楼。</p>' }),
    );
    await publishThrough(
      f,
      sampleInput({
        title: '洛江区工业企业复议事项管理办法',
        docType: 'normative',
        bodyHtml: '<p>为规范管理，制定本办法。</p>',
      }),
    );
  }, 90_000);
  afterAll(async () => f?.t.destroy());

  const query = (over: Partial<PublicQuery>): PublicQuery => ({
    words: ['复议'],
    order: 'relevance',
    nowIso: f.clock.now().toISOString(),
    today: shanghaiDate(f.clock.now()),
    limit: 20,
    offset: 0,
    ...over,
  });
  const titles = (r: { items: Array<{ title: string }> }) => r.items.map((i) => i.title);

  it('both PostgreSQL plans (matches from the GIN index, or the key index walked newest first) give the same pages', async () => {
    for (const over of [
      {},
      { order: 'date' as const },
      { rankLimit: 1 },
      { rankLimit: 1, limit: 2, offset: 2 },
      { words: ['工作'], order: 'date' as const },
      { words: ['申请', '复议'] },
      { words: ['台风'] },
    ]) {
      const gin = await findPublic(f.t.db, query({ ...over, plan: 'gin' }));
      const walk = await findPublic(f.t.db, query({ ...over, plan: 'walk' }));
      expect(titles(walk)).toEqual(titles(gin));
      expect(walk.total).toBe(gin.total);
    }
  });

  it('counts exactly up to the cap and says so beyond it', async () => {
    expect(await findPublic(f.t.db, query({}))).toMatchObject({ total: 4, totalExact: true });
    expect(await findPublic(f.t.db, query({ countCap: 3 }))).toMatchObject({ total: 3, totalExact: false });
    expect(await findPublic(f.t.db, query({ countCap: 4 }))).toMatchObject({ total: 4, totalExact: true });
  });

  it('beyond the rank limit, items with every word in the title come first, each group newest first, paged across the boundary', async () => {
    const tiered = titles(await findPublic(f.t.db, query({ rankLimit: 1 })));
    // The three published here in the same second (newest slot first), then the 2024 report that mentions 复议 only in its text.
    expect(tiered).toEqual([
      '洛江区工业企业复议事项管理办法',
      '关于复议窗口调整的说明',
      '关于受理行政复议申请的公告',
      '洛江区工业和信息化局2023年法治政府建设情况报告',
    ]);
    expect(titles(await findPublic(f.t.db, query({ rankLimit: 1, limit: 2, offset: 2 })))).toEqual(tiered.slice(2, 4));
    expect(titles(await findPublic(f.t.db, query({ rankLimit: 1, limit: 2, offset: 3 })))).toEqual(tiered.slice(3));
    expect(titles(await findPublic(f.t.db, query({ rankLimit: 1, limit: 1, offset: 1 })))).toEqual(tiered.slice(1, 2));
    // Below the limit the engine's score orders them: the one with both words in its title first.
    expect(titles(await findPublic(f.t.db, query({ words: ['申请', '复议'] })))[0]).toBe('关于受理行政复议申请的公告');
  });

  it("an agency's own list excludes its subordinates; a subtree search includes them", async () => {
    const gxj = (await findByCodeOrName(f.t.db, 'luojiang-gxj'))!;
    const district = (await findByCodeOrName(f.t.db, 'luojiang'))!;
    expect((await findPublic(f.t.db, query({ agency: { id: gxj.id, subtree: false } }))).total).toBe(4);
    expect((await findPublic(f.t.db, query({ agency: { id: district.id, subtree: false } }))).total).toBe(0);
    expect((await findPublic(f.t.db, query({ agency: { id: district.id, subtree: true } }))).total).toBe(4);
    expect((await findPublic(f.t.db, query({ agency: null }))).total).toBe(0);
  });

  it('an agency moved in the tree is found under its new parent at once', async () => {
    const gxj = (await findByCodeOrName(f.t.db, 'luojiang-gxj'))!;
    const district = (await findByCodeOrName(f.t.db, 'luojiang'))!;
    const city = (await findByCodeOrName(f.t.db, 'quanzhou'))!;
    const admin = systemActor('测试');
    await updateAgency(f.t.db, admin, gxj.id, { parentId: city.id }, f.clock);
    expect((await searchPublic(f.t.db, { q: '复议', agency: 'luojiang' }, f.clock)).total).toBe(0);
    expect((await searchPublic(f.t.db, { q: '复议', agency: 'quanzhou' }, f.clock)).total).toBe(4);
    await updateAgency(f.t.db, admin, gxj.id, { parentId: district.id }, f.clock);
    expect((await searchPublic(f.t.db, { q: '复议', agency: 'luojiang' }, f.clock)).total).toBe(4);
  });

  it('the migration to keyed index rows carries the first index over, and `reindex` rebuilds it with the same order', async () => {
    const probes = [
      query({}),
      query({ order: 'date' }),
      query({ words: ['工作'], order: 'date' }),
      query({ words: [], order: 'date', limit: 50 }),
    ];
    const before = await Promise.all(probes.map(async (q) => titles(await findPublic(f.t.db, q))));
    expect(before[3]!.length).toBeGreaterThan(20);
    // Back to the first index's shape, refilled the way the first version filled it, then up again.
    const db = f.t.db as unknown as Kysely<unknown>;
    await compactSearchVectors.down(db);
    await agencyListIndex.down(db);
    await agencyKeyIndex.down(db);
    await searchKeys.down(db);
    const items = await sql<{
      id: string;
      title: string;
      doc_number: string;
      summary: string;
      body_text: string;
    }>`select id, title, doc_number, summary, body_text from catalog_item where status = 'published'`.execute(db);
    for (const i of items.rows) {
      const w = itemWords({ title: i.title, docNumber: i.doc_number, summary: i.summary, bodyText: i.body_text });
      await sql`insert into catalog_search (item_id, title_words, body_words) values (${i.id}, ${w.titleWords}, ${w.bodyWords})`.execute(
        db,
      );
    }
    await searchKeys.up(db);
    await agencyKeyIndex.up(db);
    await agencyListIndex.up(db);
    await compactSearchVectors.up(db);
    // The same results; items published in the same second may now be in id order instead.
    const after = await Promise.all(probes.map((q) => findPublic(f.t.db, q)));
    expect(after.map((r) => titles(r).sort())).toEqual(before.map((t) => [...t].sort()));
    for (const r of after.slice(1))
      expect(r.items.map((i) => i.publishedAt!.slice(0, 19))).toEqual(
        r.items
          .map((i) => i.publishedAt!.slice(0, 19))
          .sort()
          .reverse(),
      );
    expect(await reindexAll(f.t.db)).toBe(items.rows.length);
    expect(await Promise.all(probes.map(async (q) => titles(await findPublic(f.t.db, q))))).toEqual(after.map(titles));
  });
});
