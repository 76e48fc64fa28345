/** The report API through inject(): roles, workflow, versions, exports, supervision, dashboard reminders. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';

describeEachDialect('reports API', (dialect) => {
  let t: TestApp;
  let gxj = '';
  let lj = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2021-01-05T02:00:00Z');
    gxj = (await findByCodeOrName(t.ctx.db, 'luojiang-gxj'))!.id;
    lj = (await findByCodeOrName(t.ctx.db, 'luojiang'))!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (user: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) => {
    const s = await t.login(user);
    return t.app.inject({
      method,
      url,
      payload: payload as object,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  };

  it("shows the 2020 report of the demo bureau with the sample's tables and no findings", async () => {
    const res = await call('gxj.clerk', 'GET', `/api/v1/reports/${gxj}/2020`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.report.format).toBe('V2019');
    expect(body.report.table2.other_services).toEqual([7, 0, 21]);
    expect(body.record).toBeNull();
    expect(body.findings).toEqual([]);
    expect(body.deadline).toBe('2021-01-31');
    expect(body.draft.overview).toContain('主动公开政府信息数16条');
    const anon = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${gxj}/2020` });
    expect(anon.statusCode).toBe(401);
  });

  it('runs draft → review → published by role, and exports each format', async () => {
    expect(
      (await call('gxj.clerk', 'PUT', `/api/v1/reports/${gxj}/2020`, { signatureDate: '2021-01-06' })).statusCode,
    ).toBe(403);
    const saved = await call('gxj.head', 'PUT', `/api/v1/reports/${gxj}/2020`, { signatureDate: '2021-01-06' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().record.status).toBe('draft');
    const bad = await call('gxj.head', 'PUT', `/api/v1/reports/${gxj}/2020`, { signatureDate: '6/1/2021' });
    expect(bad.statusCode).toBe(400);
    expect((await call('gxj.head', 'POST', `/api/v1/reports/${gxj}/2020/submit`)).json().status).toBe('review');
    expect((await call('gxj.head', 'POST', `/api/v1/reports/${gxj}/2020/publish`)).statusCode).toBe(403);
    const pub = await call('gxj.approver', 'POST', `/api/v1/reports/${gxj}/2020/publish`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ version: 1, publishedOn: '2021-01-05', publishedByName: '王审核（演示）' });
    const v1 = await call('gxj.clerk', 'GET', `/api/v1/reports/${gxj}/2020/versions/1`);
    expect(v1.json().report.date).toBe('2021-01-06');
    const list = await call('gxj.clerk', 'GET', `/api/v1/reports?agencyId=${gxj}`);
    expect(list.json().items.map((r: { year: number; status: string }) => [r.year, r.status])).toEqual([
      [2020, 'published'],
    ]);
    for (const [format, type] of [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['pdf', 'application/pdf'],
      ['html', 'text/html; charset=utf-8'],
      ['json', 'application/json; charset=utf-8'],
    ] as const) {
      const res = await call('gxj.clerk', 'GET', `/api/v1/reports/${gxj}/2020/export?format=${format}&version=1`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(String(res.headers['content-disposition'])).toContain(
        encodeURIComponent('泉州市洛江区工业和信息化局2020年政府信息公开工作年度报告'),
      );
    }
    expect((await call('gxj.clerk', 'GET', `/api/v1/reports/${gxj}/2020/export?format=pdf&version=9`)).statusCode).toBe(
      404,
    );
  });

  it('gives the supervisor the subtree overview and reminders; refuses it to agency staff', async () => {
    t.clock.set('2021-01-20T02:00:00Z');
    const res = await call('zfb.supervisor', 'GET', `/api/v1/reports/supervision?rootId=${lj}&year=2020`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as Array<{ agency: { name: string }; state: string }>;
    expect(rows.find((r) => r.agency.name === '泉州市洛江区工业和信息化局')?.state).toBe('published');
    expect(rows.find((r) => r.agency.name === '泉州市洛江区财政局')?.state).toBe('due_soon');
    expect((await call('gxj.head', 'GET', `/api/v1/reports/supervision?rootId=${lj}&year=2020`)).statusCode).toBe(403);
    const dash = await call('zfb.supervisor', 'GET', `/api/v1/dashboard`);
    const codes = (dash.json().warnings as Array<{ code: string; message: string }>).filter(
      (w) => w.code === 'REPORT_DUE',
    );
    expect(codes.map((w) => w.message)).toContain(
      '泉州市洛江区财政局2020年政府信息公开工作年度报告尚未发布，法定期限为2021年1月31日（第四十九条）。',
    );
    const agg = await call('zfb.supervisor', 'GET', `/api/v1/reports/aggregate?rootId=${lj}&year=2020`);
    expect(agg.statusCode).toBe(200);
    expect(agg.json().report.includedAgencies).toHaveLength(6);
  });
});

describeEachDialect('reports on the portal', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2021-01-05T02:00:00Z');
    const gxj = (await findByCodeOrName(t.ctx.db, 'luojiang-gxj'))!.id;
    for (const [user, method, path] of [
      ['gxj.head', 'PUT', ''],
      ['gxj.head', 'POST', '/submit'],
      ['gxj.approver', 'POST', '/publish'],
    ] as const) {
      const s = await t.login(user);
      const res = await t.app.inject({
        method,
        url: `/api/v1/reports/${gxj}/2020${path}`,
        payload: method === 'PUT' ? { signatureDate: '2021-01-06' } : undefined,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      });
      expect(res.statusCode).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the published report on the 政府信息公开年报 page and shows it as HTML without JavaScript', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/gk/luojiang-gxj/reports' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(
      '<a href="/gk/luojiang-gxj/reports/2020">泉州市洛江区工业和信息化局2020年政府信息公开工作年度报告</a>',
    );
    const page = await t.app.inject({ method: 'GET', url: '/gk/luojiang-gxj/reports/2020' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('<th rowspan="3" colspan="3"');
    expect(page.body).toContain('主动公开政府信息数16条');
    expect(page.body).toContain('2021年1月6日');
    const pdf = await t.app.inject({ method: 'GET', url: '/gk/luojiang-gxj/reports/2020?format=pdf' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await t.app.inject({ method: 'GET', url: '/gk/luojiang-gxj/reports/2019' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/gk/luojiang-czj/reports' })).body).toContain('尚未在本专栏发布');
  });
});
