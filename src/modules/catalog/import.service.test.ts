import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/db.ts';
import { systemActor } from '../../policies/actor.ts';
import { searchPublic } from '../search/search.service.ts';
import { catalogFixture, type CatalogFixture } from '../../../test/support/factories/catalog.ts';
import { importCatalog } from './import.service.ts';
import { publicItem } from './public.service.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const HEADER = '索引号,标题,文号,公开事项,类别,文件类型,成文日期,发布日期,有效性,失效日期,正文,附件';
const rows = [
  'IMP-2019-001,关于印发工业园区消防安全管理规定的通知,洛工信〔2019〕3号,,政策、规范性文件,规范性文件,2019-02-01,2019/2/11,废止,2022-12-31,"<p>为加强园区消防安全管理，制定本规定。</p><script>x()</script>",规定.pdf',
  ',2019年工业经济运行情况,,a20.4,,统计信息,2019年7月1日,2019年7月5日,,,上半年规模以上工业增加值增长7.9%,',
  ',,缺标题,a20.15,,通知公告,2019-01-01,2019-01-02,,,,',
  ',关于开展安全生产检查的通知,,a20.13,,通知公告,2019-13-01,2019-03-01,,,,',
  ',关于申报技改项目的通知,,a20.15,没有的类别,公文,2019-03-01,2019-03-05,,,,缺失.pdf',
  ',关于节能监察的通告,,a20.13,,通知公告,2019-04-01,2019-04-03,,,"节能监察覆盖重点用能企业",',
  ',关于中小企业服务月活动的通知,,a20.15,,通知公告,2019-05-01,2019-05-06,,,服务月活动,',
];
const csv = (lines: string[]) => Buffer.from(`\uFEFF${HEADER}\n${lines.join('\n')}\n`);

describeEachDialect('catalog import', (dialect) => {
  let f: CatalogFixture;
  const actor = systemActor('导入测试');
  const files = new Map([['规定.pdf', PDF]]);
  const readAttachment = async (n: string) => files.get(n) ?? null;
  beforeAll(async () => {
    f = await catalogFixture(dialect);
  }, 60_000);
  afterAll(async () => f?.t.destroy());

  it('lists every row error and imports nothing on a dry run or when errors are not skipped', async () => {
    const dry = await importCatalog(
      f.t.db,
      actor,
      {
        agencyId: f.agencyId,
        fileName: 'old.csv',
        content: csv(rows),
        readAttachment,
        dryRun: true,
        skipInvalid: false,
      },
      f.clock,
    );
    expect(dry).toMatchObject({ rows: 7, valid: 4, imported: 0 });
    expect(dry.errors.map((e) => e.row)).toEqual([4, 5, 6]);
    expect(dry.errors[0]!.messages).toEqual(['标题：必填']);
    expect(dry.errors[1]!.messages.join()).toContain('成文日期：格式应为 YYYY-MM-DD');
    expect(dry.errors[2]!.messages.join()).toMatch(/没有“没有的类别”类别.*文件类型.*附件文件夹中没有“缺失.pdf”/);
    const refused = await importCatalog(
      f.t.db,
      actor,
      {
        agencyId: f.agencyId,
        fileName: 'old.csv',
        content: csv(rows),
        readAttachment,
        dryRun: false,
        skipInvalid: false,
      },
      f.clock,
    );
    expect(refused.imported).toBe(0);
    expect((await searchPublic(f.t.db, { q: '消防安全' }, f.clock)).total).toBe(0);
  });

  it('imports the valid rows when asked, sanitized, indexed, with attachments and validity', async () => {
    const r = await importCatalog(
      f.t.db,
      actor,
      {
        agencyId: f.agencyId,
        fileName: 'old.csv',
        content: csv(rows),
        readAttachment,
        dryRun: false,
        skipInvalid: true,
      },
      f.clock,
    );
    expect(r.imported).toBe(4);
    const hit = (await searchPublic(f.t.db, { q: '消防安全' }, f.clock)).hits[0]!;
    expect(hit.item).toMatchObject({
      indexNo: 'IMP-2019-001',
      publishedOn: '2019-02-11',
      endedAs: 'repealed',
      endedOn: '2022-12-31',
    });
    const page = await publicItem(f.t.db, hit.item.id, f.clock);
    expect(page!.item.bodyHtml).toBe('<p>为加强园区消防安全管理，制定本规定。</p>'); // search hits carry no HTML body; the item's page does
    expect(page!.attachments.map((a) => a.fileName)).toEqual(['规定.pdf']);
    expect(page!.history.map((h) => h.step)).toEqual(['import']);
    // The imported item, not whichever item ranks first for the phrase (the demo has others).
    const generated = (await searchPublic(f.t.db, { q: '规模以上工业增加值' }, f.clock)).hits.find(
      (h) => h.item.title === '2019年工业经济运行情况',
    )!.item;
    expect(generated.indexNo).toMatch(/^113505040032051248\/2019-\d{5}$/);
    // Running the same file again resumes after its last row: nothing is imported twice.
    const again = await importCatalog(
      f.t.db,
      actor,
      {
        agencyId: f.agencyId,
        fileName: 'old.csv',
        content: csv(rows),
        readAttachment,
        dryRun: false,
        skipInvalid: true,
      },
      f.clock,
    );
    expect(again).toMatchObject({ imported: 0, resumedAfterRow: 8 });
  });

  it('an interrupted import continues after the last committed batch', async () => {
    const lines = Array.from(
      { length: 7 },
      (_, k) =>
        `,关于第${k + 1}批工业互联网标杆企业培育的通知,,a20.15,,通知公告,2020-06-0${k + 1},2020-06-1${k + 1},,,标杆培育,`,
    );
    let batches = 0;
    const interrupted = importCatalog(
      f.t.db,
      actor,
      {
        agencyId: f.agencyId,
        fileName: 'batches.csv',
        content: csv(lines),
        dryRun: false,
        skipInvalid: false,
        batchSize: 3,
        onProgress: () => {
          if (++batches === 2) throw new Error('断电');
        },
      },
      f.clock,
    );
    await expect(interrupted).rejects.toThrow('断电');
    expect((await searchPublic(f.t.db, { q: '标杆', pageSize: 50 }, f.clock)).total).toBe(6);
    const resumed = await importCatalog(
      f.t.db,
      actor,
      {
        agencyId: f.agencyId,
        fileName: 'batches.csv',
        content: csv(lines),
        dryRun: false,
        skipInvalid: false,
        batchSize: 3,
      },
      f.clock,
    );
    expect(resumed).toMatchObject({ resumedAfterRow: 7, imported: 1 });
    expect((await searchPublic(f.t.db, { q: '标杆', pageSize: 50 }, f.clock)).total).toBe(7);
  });
});
