/**
 * The report of the current year as a preview, drafts exported with their 落款 and marked 草稿,
 * and each year's 第四十九条 deadline in the list — through the API, on both databases.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';
import { pdfText } from '../../../test/support/pdf.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';

describeEachDialect('report previews, drafts and deadlines', (dialect) => {
  let t: TestApp;
  let gxj = '';
  let lj = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2026-12-07T02:00:00Z');
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

  it('previews the 2026 report in December, marked 「截至12月7日，未到发布时间」, and refuses to publish it', async () => {
    const view = await call('gxj.head', 'GET', `/api/v1/reports/${gxj}/2026`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      preview: '截至12月7日，未到发布时间',
      today: '2026-12-07',
      due: { deadline: '2027-01-31', kind: 'department', state: 'year_not_ended' },
    });
    expect(view.json().report.format).toBe('V2021');
    const future = await call('gxj.head', 'GET', `/api/v1/reports/${gxj}/2027`);
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({
      code: 'REPORT_YEAR_NOT_ENDED',
      detail: '2027年尚未开始，不能编制该年度报告',
    });

    expect((await call('gxj.head', 'PUT', `/api/v1/reports/${gxj}/2026`, {})).statusCode).toBe(200);
    const html = (await call('gxj.clerk', 'GET', `/api/v1/reports/${gxj}/2026/export?format=html`)).body;
    expect(html).toContain('<p class="draft-mark">（草稿　截至12月7日，未到发布时间）</p>');
    expect(html).toContain('<p class="signature">泉州市洛江区工业和信息化局<br>2026年12月7日</p>');

    expect((await call('gxj.head', 'POST', `/api/v1/reports/${gxj}/2026/submit`)).statusCode).toBe(200);
    const refused = await call('gxj.approver', 'POST', `/api/v1/reports/${gxj}/2026/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'REPORT_YEAR_NOT_ENDED',
      detail: '2026年尚未结束，本报告为预览（截至12月7日，未到发布时间），须在2027年1月1日以后发布',
    });
  });

  it('exports a draft of an ended year with its 落款 and marked 草稿 (HTML, PDF, DOCX); a published version is not marked', async () => {
    const pdf = await call('gxj.clerk', 'GET', `/api/v1/reports/${gxj}/2025/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('（草稿）');
    expect(text).not.toContain('未到发布时间');
    expect(text).toMatch(/泉州市洛江区工业和信息化局2026年12月7日/);
    const docx = await call('gxj.clerk', 'GET', `/api/v1/reports/${gxj}/2025/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    const html = (await call('gxj.clerk', 'GET', `/api/v1/reports/${gxj}/2025/export?format=html`)).body;
    expect(html).toContain('（草稿）');
    expect(html).toContain('2026年12月7日</p>');

    await call('gxj.head', 'PUT', `/api/v1/reports/${gxj}/2025`, { signatureDate: '2026-01-20' });
    await call('gxj.head', 'POST', `/api/v1/reports/${gxj}/2025/submit`);
    const pub = await call('gxj.approver', 'POST', `/api/v1/reports/${gxj}/2025/publish`);
    expect(pub.statusCode).toBe(200);
    const v1 = (await call('gxj.clerk', 'GET', `/api/v1/reports/${gxj}/2025/export?format=html&version=1`)).body;
    expect(v1).not.toContain('草稿');
    expect(v1).toContain('<p class="signature">泉州市洛江区工业和信息化局<br>2026年1月20日</p>');
  });

  it('lists each year from the current one with its deadline by 第四十九条 and its state', async () => {
    const gxjList = (await call('gxj.clerk', 'GET', `/api/v1/reports?agencyId=${gxj}`)).json();
    expect(gxjList.today).toBe('2026-12-07');
    const byYear = new Map(
      (gxjList.years as Array<{ year: number; due: { deadline: string; state: string } }>).map((y) => [y.year, y.due]),
    );
    expect([...byYear.keys()]).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019]);
    expect(byYear.get(2026)).toMatchObject({ deadline: '2027-01-31', state: 'year_not_ended' });
    expect(byYear.get(2025)).toMatchObject({ deadline: '2026-01-31', state: 'published' });
    expect(byYear.get(2024)).toMatchObject({ deadline: '2025-01-31', state: 'overdue' });
    const county = (await call('zfb.supervisor', 'GET', `/api/v1/reports?agencyId=${lj}`)).json();
    expect(county.years[1].due).toMatchObject({
      deadline: '2026-03-31',
      kind: 'government',
      basis: '县级以上地方人民政府（第四十九条第二款）',
      state: 'overdue',
    });
  });
});
