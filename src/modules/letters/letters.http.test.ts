import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';
import { pdfPageTexts } from '../../../test/support/pdf.ts';
import { enqueueMessage } from '../outbox/outbox.service.ts';
import { systemActor } from '../../policies/actor.ts';

describeEachDialect('letter templates and the outbox over HTTP', (dialect) => {
  let t: TestApp;
  let gxj: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    gxj = (
      await t.ctx.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t.close());

  it('the office head overrides a template; an unknown placeholder is refused in Chinese and nothing typed is lost', async () => {
    const head = await t.login('gxj.head');
    const h = { cookie: head.cookie, 'x-csrf-token': head.csrf };
    const list = await t.app.inject({ url: `/api/v1/letters/templates?agencyId=${gxj}`, headers: h });
    expect(list.json().items).toHaveLength(29);
    const consultation = list.json().items.find((x: { key: string }) => x.key === 'consultation_third_party');
    expect(consultation.placeholders).toContain('征求意见期限');
    expect(consultation.placeholders).not.toContain('申请人');
    const naming = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/letters/templates/consultation_third_party',
      headers: h,
      payload: {
        agencyId: gxj,
        title: '征求意见书',
        recipient: '{{第三方}}',
        body: '{{申请人}}申请公开“{{信息名称}}”。',
      },
    });
    expect(naming.statusCode).toBe(400);
    expect(naming.json().errors.body).toMatch(/^“征求意见书（第三方）”不能使用占位符：\{\{申请人\}\}/);
    const body = '{{申请人}}：请于{{补正期限}}前补正{{补证事项}}。';
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/letters/templates/correction_notice',
      headers: h,
      payload: { agencyId: gxj, title: '补正告知书', recipient: '{{申请人}}', body },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.body).toMatch(/^未知的占位符：\{\{补证事项\}\}/);
    const good = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/letters/templates/correction_notice',
      headers: h,
      payload: { agencyId: gxj, title: '补正告知书', recipient: '{{申请人}}', body: body.replace('补证', '补正') },
    });
    expect(good.json()).toMatchObject({ overridden: true, updatedBy: '黄主任（演示）' });
    const clerk = await t.login('gxj.clerk');
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/v1/letters/templates/granted',
          headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
          payload: { agencyId: gxj, title: 'x', recipient: 'x', body: 'x' },
        })
      ).statusCode,
    ).toBe(403);

    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/v1/letters/preview',
      headers: h,
      payload: {
        agencyId: gxj,
        key: 'correction_notice',
        format: 'docx',
        date: '2026-03-02',
        values: { 申请人: '张三', 补正期限: '2026年3月23日', 补正事项: '1.请写明信息的名称或文号。' },
      },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toContain('wordprocessingml');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/letters/preview',
      headers: h,
      payload: {
        agencyId: gxj,
        key: 'correction_notice',
        format: 'pdf',
        date: '2026-03-02',
        values: { 申请人: '张三' },
      },
    });
    expect(missing.json().errors.values).toBe('缺少占位符的内容：补正期限、补正事项');
    const reset = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/letters/templates/correction_notice?agencyId=${gxj}`,
      headers: h,
    });
    expect(reset.json().overridden).toBe(false);
  });

  it("the outbox lists an agency's messages to its staff only; post is recorded with its number", async () => {
    const m = await enqueueMessage(
      t.ctx.db,
      systemActor(),
      {
        agencyId: gxj,
        channel: 'post',
        recipientName: '王五',
        recipientAddress: '泉州市洛江区万安街道1号',
        subject: '答复书',
        bodyText: '',
        attachments: [{ fileName: '答复书.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.7 test') }],
      },
      t.clock,
    );
    const clerk = await t.login('gxj.clerk');
    const h = { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf };
    const list = await t.app.inject({ url: '/api/v1/outbox?status=queued', headers: h });
    expect(list.json()).toMatchObject({ total: 1, smtpConfigured: false });
    const detail = await t.app.inject({ url: `/api/v1/outbox/${m.id}`, headers: h });
    const att = detail.json().attachments[0];
    const file = await t.app.inject({ url: `/api/v1/outbox/${m.id}/attachments/${att.id}`, headers: h });
    expect(file.body).toBe('%PDF-1.7 test');
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/outbox/${m.id}/delivery`,
      headers: h,
      payload: { status: 'posted', date: '2026-13-01' },
    });
    expect(bad.json().errors).toEqual({
      date: '请填写送达日期，格式 YYYY-MM-DD',
      note: '请填写邮件号码（挂号信、EMS 等）',
    });
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/outbox/${m.id}/delivery`,
      headers: h,
      payload: { status: 'posted', date: '2026-03-02', note: 'EMS 9876543210' },
    });
    expect(ok.json().status).toBe('posted');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/outbox/${m.id}/resend`, headers: h })).statusCode).toBe(
      409,
    );

    const sys = await t.login('sys.admin');
    const sh = { cookie: sys.cookie, 'x-csrf-token': sys.csrf };
    const czj = (
      await t.ctx.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-czj').executeTakeFirstOrThrow()
    ).id;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: sh,
          payload: {
            username: 'czj.clerk',
            displayName: '财政登记员',
            agencyId: czj,
            roles: ['clerk'],
          },
        })
      ).statusCode,
    ).toBe(201);
    const other = await t.approvedLogin('czj.clerk');
    expect((await t.app.inject({ url: `/api/v1/outbox/${m.id}`, headers: { cookie: other.cookie } })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: '/api/v1/outbox', headers: { cookie: other.cookie } })).json().total).toBe(0);
  });
});

describeEachDialect('救济途径 of letters over HTTP', (dialect) => {
  let t: TestApp;
  let gxj: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    gxj = (
      await t.ctx.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t.close());

  async function letterText(h: Record<string, string>): Promise<string> {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/letters/preview',
      headers: h,
      payload: {
        agencyId: gxj,
        key: 'granted',
        format: 'pdf',
        date: '2026-03-20',
        values: {
          申请人: '张三',
          申请编号: '洛工信依申〔2026〕1号',
          收到申请日期: '2026年3月2日',
          信息名称: '某文件',
          获取方式: '电子邮件',
          法律依据: '《中华人民共和国政府信息公开条例》第三十六条第一项',
        },
      },
    });
    expect(r.statusCode).toBe(200);
    return (await pdfPageTexts(r.rawPayload)).join('');
  }

  it('derived from the tree, named in the letter; the office head sets a court (集中管辖), audited; bad input refused', async () => {
    const head = await t.login('gxj.head');
    const h = { cookie: head.cookie, 'x-csrf-token': head.csrf };
    const derived = await t.app.inject({ url: `/api/v1/letters/remedy?agencyId=${gxj}`, headers: h });
    expect(derived.json()).toMatchObject({
      reviewOrgan: '泉州市洛江区人民政府',
      court: '泉州市洛江区人民法院',
      reviewOrganCertain: true,
    });
    expect(await letterText(h)).toMatch(
      /六十日内向泉州市洛江区人民政府申请行政复议.*六个月内向泉州市洛江区人民法院提起行政诉讼/,
    );

    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/letters/remedy?agencyId=${gxj}`,
      headers: h,
      payload: { reviewOrgan: '', court: '泉州市丰泽区' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.court).toMatch(/人民法院的全称/);

    const set = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/letters/remedy?agencyId=${gxj}`,
      headers: h,
      payload: { reviewOrgan: '', court: '泉州市丰泽区人民法院' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      court: '泉州市丰泽区人民法院',
      courtBasis: '本机关设置',
      reviewOrgan: '泉州市洛江区人民政府',
    });
    expect(await letterText(h)).toContain('六个月内向泉州市丰泽区人民法院提起行政诉讼');
    const audit = await t.ctx.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'letter_remedy.save')
      .execute();
    expect(audit.map((a) => a.summary).join()).toContain('泉州市丰泽区人民法院');

    const clerk = await t.login('gxj.clerk');
    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/letters/remedy?agencyId=${gxj}`,
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
      payload: { reviewOrgan: '', court: '' },
    });
    expect(refused.statusCode).toBe(403);
  });
});
