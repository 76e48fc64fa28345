import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';
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
            password: 'Clerk-Passw0rd',
          },
        })
      ).statusCode,
    ).toBe(201);
    const other = await t.login('czj.clerk', 'Clerk-Passw0rd');
    expect((await t.app.inject({ url: `/api/v1/outbox/${m.id}`, headers: { cookie: other.cookie } })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: '/api/v1/outbox', headers: { cookie: other.cookie } })).json().total).toBe(0);
  });
});
