/** The 专栏 pages, feeds, sitemap and the catalog/search/power-list JSON API through inject(). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<<>>\n%%EOF\n');

describeEachDialect('catalog portal and API', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  }, 120_000);
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('the 指南 is generated with the elements of 第十二条', async () => {
    const res = await get('/gk/luojiang-gxj/guide');
    expect(res.statusCode).toBe(200);
    for (const text of [
      '政府信息公开指南',
      '办公地址',
      '办公时间',
      '0595-22630152',
      '传真号码',
      '互联网联系方式',
      '安全生产',
      '第二十条第（十三）项',
      '索引号由本机关统一社会信用代码、斜线“/”、公开年份、连接号“-”和五位顺序号',
      '113505040032051248/2025-00001',
      '/gk/luojiang-gxj/apply',
    ])
      expect(res.body).toContain(text);
    // The rule in words, never the raw template; the internet contact is the column's absolute address.
    expect(res.body).not.toContain('{serial');
    expect(res.body).toMatch(/<dt>互联网联系方式<\/dt><dd><a href="http:\/\/[^"/]+\/gk\/luojiang-gxj\/">/);
  });

  it('the landing page links the column; 制度 and 年报 pages render', async () => {
    expect((await get('/gk/luojiang-gxj/')).body).toContain('href="/gk/luojiang-gxj/catalog"');
    expect((await get('/gk/luojiang-gxj/rules')).body).toContain('保密审查制度');
    // The demo bureau's 2020 report from before Gongkai, published as 原文导入 (issue 16).
    expect((await get('/gk/luojiang-gxj/reports')).body).toMatch(
      /<a href="\/gk\/luojiang-gxj\/reports\/2020">泉州市洛江区工业和信息化局2020年政府信息公开工作年度报告<\/a><span class="tag"[^>]*>原文导入<\/span>/,
    );
    expect((await get('/gk/luojiang-czj/reports')).body).toContain('尚未在本专栏发布政府信息公开工作年度报告');
  });

  it('法定主动公开内容 shows the statutory columns with counts and lists a category', async () => {
    const res = await get('/gk/luojiang-gxj/catalog');
    expect(res.body).toContain('第二十条第（一）项');
    expect(res.body).toContain('市政建设'); // 第二十一条 applies to a county department
    const id = /href="\/gk\/luojiang-gxj\/catalog\?category=([0-9a-f-]+)"[^>]*>安全生产<\/a>（(\d+)）/.exec(res.body);
    expect(Number(id![2])).toBe(8); // 4 in 2020, 2 in 2024, 2 in 2025
    const list = await get(`/gk/luojiang-gxj/catalog?category=${id![1]}`);
    expect(list.body).toContain('关于开展2020年工贸行业安全生产大检查的通知');
    expect((await get('/gk/luojiang-gxj/catalog?item=a99.1')).statusCode).toBe(404);
  });

  it('a page number past the end says so and links back to the last page, in the list and in search', async () => {
    const list = await get('/gk/luojiang-gxj/catalog?page=99');
    expect(list.body).toMatch(/没有第 99 页：共 2 页，3\d 条/);
    expect(list.body).toContain('href="/gk/luojiang-gxj/catalog?page=2"');
    const search = await get(`/gk/search?q=${encodeURIComponent('通知')}&page=7`);
    expect(search.body).toMatch(/没有第 7 页：共 1 页/);
  });

  it('a withdrawn item keeps its page with the reason and history, without its text', async () => {
    const withdrawn = await t.ctx.db
      .selectFrom('catalog_item')
      .select('id')
      .where('status', '=', 'withdrawn')
      .executeTakeFirstOrThrow();
    const page = await get(`/gk/items/${withdrawn.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('本信息已于2025年5月14日撤回');
    expect(page.body).toContain('因场地调整，对接会延期举办');
    expect(page.body).toMatch(
      /<ol class="history"><li>2025年5月9日 [\d:]+\u3000发布<\/li><li>2025年5月14日 [\d:]+\u3000撤回：因场地调整/,
    );
    expect(page.body).not.toContain('请有意参会的企业报名');
    expect((await get('/gk/luojiang-gxj/feed.atom')).body).not.toContain('供需对接会');
  });

  it('the Atom feed and sitemap.xml list public items only', async () => {
    const feed = await get('/gk/luojiang-gxj/feed.atom?item=a20.13');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect((feed.body.match(/<entry>/g) ?? []).length).toBe(8);
    const map = await get('/sitemap.xml');
    expect(map.body).toContain('/gk/luojiang-gxj/guide');
    expect((map.body.match(/\/gk\/items\//g) ?? []).length).toBe(36); // 37 published in the demo, one withdrawn
  });

  it('a clerk drafts with an attachment, the reviewer and approver pass it, the public finds it and downloads the file', async () => {
    const clerk = await t.login('gxj.clerk');
    const h = (s: { cookie: string; csrf: string }) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/items',
      headers: h(clerk),
      payload: {
        title: '关于公布2026年企业复议咨询窗口的公告<script>alert(1)</script>',
        statutoryItem: 'a20.15',
        docType: 'notice',
        formedOn: '2026-02-27',
        bodyHtml: '<p onmouseover="x()">咨询窗口设在一楼。</p>',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json().bodyHtml).toBe('<p>咨询窗口设在一楼。</p>');
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/items/${id}/attachments?name=${encodeURIComponent('公告.docx')}`,
      headers: { ...h(clerk), 'content-type': 'application/octet-stream' },
      payload: PDF,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.file).toContain('扩展名与内容不符');
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/items/${id}/attachments?name=${encodeURIComponent('公告.pdf')}`,
      headers: { ...h(clerk), 'content-type': 'application/octet-stream' },
      payload: PDF,
    });
    expect(up.statusCode).toBe(201);
    const act = (s: { cookie: string; csrf: string }, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/catalog/items/${id}/actions`, headers: h(s), payload });
    expect((await act(clerk, { kind: 'submit' })).statusCode).toBe(200);
    expect((await act(clerk, { kind: 'confidentiality_pass', opinion: '自审' })).statusCode).toBe(403);
    expect(
      (await act(await t.login('gxj.reviewer'), { kind: 'confidentiality_pass', opinion: '不涉密' })).statusCode,
    ).toBe(200);
    const approved = await act(await t.login('gxj.approver'), { kind: 'approve', opinion: '同意' });
    expect(approved.json().state).toBe('published');
    const found = await get(`/api/v1/public/search?q=${encodeURIComponent('复议')}`);
    const hit = found.json().hits.find((x: { id: string }) => x.id === id);
    expect(hit.titleHtml).toContain('&lt;script&gt;');
    const html = await get(`/gk/search?q=${encodeURIComponent('复议')}`);
    expect(html.body).toContain('<mark>复议</mark>');
    expect(html.body).not.toContain('<script>alert(1)');
    const item = await get(`/gk/items/${id}`);
    expect(item.body).toContain('咨询窗口设在一楼');
    const file = /href="(\/gk\/items\/[^"]+\/files\/[^"]+)"/.exec(item.body)![1]!;
    const dl = await get(file);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    const sug = await get(`/api/v1/public/suggest?q=${encodeURIComponent('咨询窗口')}`);
    expect(sug.json().items[0].id).toBe(id);
  });

  it('power-list figures: import lists row errors and saves nothing unless asked', async () => {
    const head = await t.login('gxj.head');
    const agency = (await get('/api/v1/public/search?agency=luojiang-gxj&pageSize=1')).json().hits[0]
      .agencyId as string;
    const csv =
      '年份,事项类别,年末项目数,新增,取消,处理决定数,数据来源\n2026,行政许可,3,0,0,1,区权责清单\n2026,行政审批,3,,,1,区权责清单\n2026,行政处罚,-1,,,0,\n';
    const url = `/api/v1/power-list/${agency}/import?name=figures.csv`;
    const dry = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: head.cookie, 'x-csrf-token': head.csrf, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(csv),
    });
    expect(dry.json()).toMatchObject({ rows: 3, saved: 0 });
    expect(dry.json().errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    expect(dry.json().errors[0].messages[0]).toContain('事项类别');
    const applied = await t.app.inject({
      method: 'POST',
      url: `${url}&apply=true`,
      headers: { cookie: head.cookie, 'x-csrf-token': head.csrf, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(csv),
    });
    expect(applied.json().saved).toBe(1);
    const figures = await t.app.inject({
      method: 'GET',
      url: `/api/v1/power-list/${agency}?year=2026`,
      headers: { cookie: head.cookie },
    });
    expect(
      figures.json().figures.find((x: { year: number; kind: string }) => x.year === 2026 && x.kind === 'licensing'),
    ).toMatchObject({ itemCount: 3, decisions: 1, source: '区权责清单' });
  });

  it('the 指南 is editable by the office head (sanitized), and categories and the 索引号 scheme are set in the settings', async () => {
    const head = await t.login('gxj.head');
    const headers = { cookie: head.cookie, 'x-csrf-token': head.csrf };
    const agencyId = (
      await t.ctx.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/catalog/settings/${agencyId}`,
      headers,
      payload: {
        guide: { obtaining: '<p>也可以到区政务服务中心二楼查阅。</p><img src=x onerror=alert(1)>' },
        indexScheme: '{code}-{year}-{serial:4}',
      },
    });
    expect(saved.statusCode).toBe(200);
    const guide = await get('/gk/luojiang-gxj/guide');
    expect(guide.body).toContain('也可以到区政务服务中心二楼查阅。');
    expect(guide.body).not.toContain('onerror');
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/catalog/settings/${agencyId}`,
      headers,
      payload: { indexScheme: '{code}' },
    });
    expect(bad.json().errors.indexScheme).toContain('{year}');
    const clerk = await t.login('gxj.clerk');
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/v1/catalog/settings/${agencyId}`,
          headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
          payload: { rulesHtml: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const cat = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/settings/${agencyId}/categories`,
      headers,
      payload: { name: '财政预决算', statutoryItem: 'a20.7' },
    });
    expect(cat.statusCode).toBe(201);
    expect((await get('/gk/luojiang-gxj/catalog')).body).toContain('财政预决算');
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/catalog/settings/${agencyId}`,
      headers,
      payload: { indexScheme: '{code}/{year}-{serial:5}' },
    });
  });
});

describeEachDialect('政策解读 on the portal', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  }, 120_000);
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('the policy and its 解读 link to each other; the 解读 shows its 问答 and video link; both listed under 政策解读', async () => {
    const rows = await t.ctx.db
      .selectFrom('catalog_item')
      .select(['id', 'title', 'interprets_id'])
      .where('doc_type', '=', 'policy_interpretation')
      .where('interprets_id', 'is not', null)
      .execute();
    expect(rows.length).toBe(2); // the demo's 2024 and 2025 policies
    for (const r of rows) {
      const policy = await get(`/gk/items/${r.interprets_id}`);
      expect(policy.body).toContain('<h2 id="interpretations">政策解读</h2>');
      expect(policy.body).toContain(`href="/gk/items/${r.id}"`);
      const page = await get(`/gk/items/${r.id}`);
      expect(page.body).toMatch(new RegExp(`本文是对<a href="/gk/items/${r.interprets_id}" rel="up">《`));
      expect(page.body).toContain('<h2 id="qa">问答</h2>');
    }
    const digital = rows.find((r) => r.title.includes('数字化转型'))!;
    expect((await get(`/gk/items/${digital.id}`)).body).toContain(
      '<a href="https://www.example.gov.cn/video/luojiang-digital-2025.mp4" rel="noopener noreferrer">观看视频解读</a>',
    );
    const catalog = (await get('/gk/luojiang-gxj/catalog')).body;
    const category = /href="\/gk\/luojiang-gxj\/catalog\?category=([0-9a-f-]+)"[^>]*>政策解读<\/a>（2）/.exec(catalog);
    expect(category).not.toBeNull();
    const list = (await get(`/gk/luojiang-gxj/catalog?category=${category![1]}`)).body;
    for (const r of rows) expect(list).toContain(`href="/gk/items/${r.id}"`);
  });
});
