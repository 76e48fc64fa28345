/**
 * Past reports on the portal (issue 16, 原文导入) through inject() on SQLite and PostgreSQL: the
 * demo publishes the bureau's 2020 report (the seed sample) with its original file; the portal
 * lists it beside generated reports marked 原文导入, shows its tables and offers the file byte
 * for byte; staff see the original, the publication and the findings; only the agency's office
 * head or approver publishes or withdraws, with an audit event; a year the platform has published
 * itself is not replaced; an agency that is not on the platform cannot have one.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';
import { listImportedSummaries } from './report-import.repository.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures/reports');
const SAMPLE = readFileSync(`${FIXTURES}/samples/2020-luojiang-gxj.txt`);

describeEachDialect('往年年度报告（原文导入）', (dialect) => {
  let t: TestApp;
  let gxj = '';
  let demoImport = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    gxj = (await findByCodeOrName(t.ctx.db, 'luojiang-gxj'))!.id;
    demoImport = (await listImportedSummaries(t.ctx.db)).find((s) => s.year === 2020 && s.agencyId === gxj)!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (user: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const s = await t.login(user);
    return t.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  };
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  describe('the demo', () => {
    it('lists the bureau’s 2020 report on its 年报 page, marked 原文导入, with the date it was published', async () => {
      const list = await get('/gk/luojiang-gxj/reports');
      expect(list.statusCode).toBe(200);
      expect(list.body).toMatch(
        /<li><a href="\/gk\/luojiang-gxj\/reports\/2020">泉州市洛江区工业和信息化局2020年政府信息公开工作年度报告<\/a><span class="tag"[^>]*>原文导入<\/span><span class="meta">2021年1月6日<\/span><\/li>/,
      );
      // The agency's landing page names it as its latest report.
      expect((await get('/gk/luojiang-gxj/')).body).toContain('href="/gk/luojiang-gxj/reports/2020"');
    });

    it('shows the report as read, in the official layout, and offers the original file byte for byte', async () => {
      const page = await get('/gk/luojiang-gxj/reports/2020');
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('<script');
      expect(page.body).toContain('原文导入');
      expect(page.body).toContain('href="/gk/luojiang-gxj/reports/2020/original"');
      expect(page.body).toContain('2020-luojiang-gxj.txt');
      // Tables 二 to 四 in the official layout (merged header cells), the sample's figures.
      expect(page.body).toContain('<th rowspan="3" colspan="3"');
      expect(page.body).toContain('二、主动公开政府信息情况');
      expect(page.body).toContain('2021年1月6日');
      const file = await get('/gk/luojiang-gxj/reports/2020/original');
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toMatch(/^text\/plain/);
      expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('2020-luojiang-gxj.txt'));
      expect(Buffer.compare(file.rawPayload, SAMPLE)).toBe(0);
      expect((await get('/gk/luojiang-gxj/reports/2019')).statusCode).toBe(404);
      expect((await get('/gk/luojiang-gxj/reports/2019/original')).statusCode).toBe(404);
      expect((await get('/gk/luojiang-czj/reports/2020/original')).statusCode).toBe(404);
    });

    it('shows staff the original, the publication and the findings of the import', async () => {
      const res = await call('gxj.head', 'GET', `/api/v1/report-checks/${demoImport}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        agencyName: '泉州市洛江区工业和信息化局',
        year: 2020,
        original: { fileName: '2020-luojiang-gxj.txt', mediaType: 'text/plain', size: SAMPLE.length },
        publication: { publishedOn: '2021-01-06', publishedBy: '演示数据' },
        findings: [],
      });
      const file = await call('gxj.head', 'GET', `/api/v1/report-checks/${demoImport}/original`);
      expect(file.statusCode).toBe(200);
      expect(Buffer.compare(file.rawPayload, SAMPLE)).toBe(0);
      expect((await call('gxj.clerk', 'GET', `/api/v1/report-checks/${demoImport}/original`)).statusCode).toBe(403);
    });
  });

  it('only the agency’s office head or approver withdraws and publishes, each with an audit event', async () => {
    const url = `/api/v1/report-checks/${demoImport}/publication`;
    expect((await call('zfb.supervisor', 'DELETE', url)).statusCode).toBe(403);
    expect((await call('gxj.clerk', 'DELETE', url)).statusCode).toBe(403);
    expect((await call('gxj.head', 'DELETE', url)).statusCode).toBe(204);
    expect((await get('/gk/luojiang-gxj/reports/2020')).statusCode).toBe(404);
    expect((await get('/gk/luojiang-gxj/reports/2020/original')).statusCode).toBe(404);
    expect((await get('/gk/luojiang-gxj/reports')).body).not.toContain('原文导入');
    expect((await call('gxj.head', 'DELETE', url)).statusCode).toBe(404);

    // A date that is not a date, before the year, or in the future is refused in Chinese.
    const badPattern = await call('gxj.approver', 'POST', url, { publishedOn: '2021/1/6' });
    expect(badPattern.statusCode).toBe(400);
    const early = await call('gxj.approver', 'POST', url, { publishedOn: '2019-12-31' });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'INVALID_DATE' });
    expect(early.json().detail).toMatch(/发布日期应在2020年度之内或之后/);
    expect((await call('gxj.approver', 'POST', url, { publishedOn: '2099-01-01' })).json().code).toBe('INVALID_DATE');

    const pub = await call('gxj.approver', 'POST', url, { publishedOn: '2021-01-08' });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      agencyId: gxj,
      agencyName: '泉州市洛江区工业和信息化局',
      year: 2020,
      publishedOn: '2021-01-08',
      publishedBy: '王审核（演示）',
    });
    expect((await get('/gk/luojiang-gxj/reports')).body).toMatch(/原文导入<\/span><span class="meta">2021年1月8日/);

    const audit = await call('audit.admin', 'GET', '/api/v1/audit?subjectType=imported_report&limit=200');
    expect(audit.statusCode).toBe(200);
    const actions = (audit.json().items as Array<{ action: string; actorName: string; subjectId: string }>)
      .filter((e) => e.subjectId === demoImport)
      .map((e) => [e.action, e.actorName]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['report_past.publish', '演示数据'],
        ['report_past.withdraw', '黄主任（演示）'],
        ['report_past.publish', '王审核（演示）'],
      ]),
    );
  });

  it('refuses a report of an agency that is not on the platform, and a year the platform has published', async () => {
    const upload = await call('zfb.supervisor', 'POST', '/api/v1/report-checks/uploads', {
      files: [
        { name: 'pingtan.txt', content: readFileSync(`${FIXTURES}/samples/2021-pingtan-zhsyq.txt`).toString('base64') },
      ],
    });
    const other = upload.json().results[0].id as string;
    const res = await call('gxj.approver', 'POST', `/api/v1/report-checks/${other}/publication`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'REPORT_CHECK_NO_AGENCY' });
    expect(res.json().detail).toMatch(/不是本平台上的机构/);

    // The bureau's own 2020 report, drafted and published on the platform: the generated one
    // is the year's report on the portal, and the import can no longer be published over it.
    expect(
      (await call('gxj.head', 'PUT', `/api/v1/reports/${gxj}/2020`, { signatureDate: '2021-01-06' })).statusCode,
    ).toBe(200);
    expect((await call('gxj.head', 'POST', `/api/v1/reports/${gxj}/2020/submit`)).statusCode).toBe(200);
    expect((await call('gxj.approver', 'POST', `/api/v1/reports/${gxj}/2020/publish`)).statusCode).toBe(200);
    const list = (await get('/gk/luojiang-gxj/reports')).body;
    expect(list).not.toContain('原文导入');
    expect(list.match(/reports\/2020"/g)).toHaveLength(1);
    const conflict = await call('gxj.approver', 'POST', `/api/v1/report-checks/${demoImport}/publication`, {});
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 'REPORT_PAST_CONFLICT' });
  });
});
