/**
 * Applicants kept informed and the form that loses nothing: the e-mails in the outbox after
 * each step (Chinese, tracking link, no personal data), the tracking page's plain first sentence,
 * an over-long description refused with the limit named and the text kept whole, the
 * 个人信息处理告知 of 个人信息保护法第十七条 on the form, and the SMS adapter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { applicantMail } from '../../../../domain/applications/notifications.ts';
import { loggingSmsGateway, maskPhoneNumber } from '../../../../modules/outbox/sms.ts';

function multipart(fields: Record<string, string>) {
  const boundary = '----gongkaitest' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return {
    payload: Buffer.from(parts.join('') + `--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const VALID = {
  applicantKind: 'natural_person',
  applicantName: '赵六',
  idDocType: 'resident_id',
  idNumber: '350504199001010029',
  phone: '13900139000',
  email: 'zhaoliu@example.com',
  address: '',
  postcode: '',
  infoTitle: '',
  infoDocNumber: '',
  infoDescription: '2024年度企业技术改造补助资金分配结果',
  deliveryForm: 'electronic',
  deliveryMethod: 'email',
};

describeEachDialect('applicants kept informed', (dialect) => {
  let t: TestApp;
  const url = '/gk/luojiang-gxj';
  async function openForm() {
    const res = await t.app.inject({ method: 'GET', url: `${url}/apply` });
    const cookie = res.cookies.find((c) => c.name === 'gk_form')!;
    return {
      cookie: `gk_form=${cookie.value}`,
      csrf: /name="csrf" value="([^"]+)"/.exec(res.body)![1]!,
      submission: /name="submission" value="([^"]+)"/.exec(res.body)![1]!,
      body: res.body,
    };
  }
  const post = (path: string, cookie: string, fields: Record<string, string>) => {
    const m = multipart(fields);
    return t.app.inject({
      method: 'POST',
      url: `${url}${path}`,
      payload: m.payload,
      headers: { ...m.headers, cookie },
    });
  };
  const mailsTo = (address: string) =>
    t.testDb.db
      .selectFrom('outbox_message')
      .select(['subject', 'body_text', 'channel', 'recipient_name'])
      .where('recipient_address', '=', address)
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2025-03-03T02:00:00Z');
  }, 120_000);
  afterAll(async () => t?.close());

  it('the form shows the 个人信息处理告知 and the optional e-mail; an over-long description comes back whole with the limit named', async () => {
    const f = await openForm();
    for (const text of [
      '个人信息处理告知',
      '第十七条',
      '个人信息处理者',
      '处理目的和方式',
      '保存期限',
      '您的权利',
      '电子邮箱（选填）',
    ])
      expect(f.body).toContain(text);
    const long = '技'.repeat(15_000);
    const before = (await t.testDb.db.selectFrom('application').select('id').execute()).length;
    const res = await post('/apply', f.cookie, {
      ...VALID,
      csrf: f.csrf,
      submission: f.submission,
      infoDescription: long,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('不超过2000个字（现有15000个字，请删减后再提交）');
    const kept = /<textarea id="infoDescription"[^>]*>([^<]*)<\/textarea>/.exec(res.body)![1]!;
    expect(kept.length).toBe(15_000);
    expect(res.body).not.toMatch(/<textarea id="infoDescription"[^>]*maxlength/);
    expect((await t.testDb.db.selectFrom('application').select('id').execute()).length).toBe(before);
  });

  it('mails the applicant at each step: Chinese, tracking link, no personal data; the tracking page leads with one sentence', async () => {
    const f = await openForm();
    const receipt = await post('/apply', f.cookie, { ...VALID, csrf: f.csrf, submission: f.submission });
    expect(receipt.statusCode).toBe(200);
    const trackingNumber = /class="tracking-number">([^<]+)</.exec(receipt.body)![1]!;
    const queryCode = /class="query-code">([^<]+)</.exec(receipt.body)![1]!;
    const { id } = await t.testDb.db
      .selectFrom('application')
      .select('id')
      .where('tracking_number', '=', trackingNumber)
      .executeTakeFirstOrThrow();
    const staff = async (user: string) => {
      const s = await t.login(user);
      return (path: string, payload: Record<string, unknown>) =>
        t.app.inject({ method: 'POST', url: path, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    };
    const clerk = await staff('gxj.clerk');
    const head = await staff('gxj.head');
    const handler = await staff('gxj.handler');
    const steps = `/api/v1/applications/${id}/steps`;
    expect((await clerk(`${steps}/confirmReceipt`, {})).statusCode).toBe(200);
    expect((await clerk(`${steps}/requestCorrection`, { items: '请写明所需补助资金的年度' })).statusCode).toBe(200);
    expect((await clerk(`${steps}/recordCorrection`, { note: '2024年度' })).statusCode).toBe(200);
    const ext = await handler(`${steps}/requestExtension`, { days: 10, reason: '涉及多个部门，需要协调' });
    expect(ext.statusCode).toBe(200);
    expect((await head(`${steps}/approveExtension`, {})).statusCode).toBe(200);

    const mails = await mailsTo('zhaoliu@example.com');
    expect(mails.map((m) => m.subject)).toEqual([
      `已收到您的政府信息公开申请（${trackingNumber}）`,
      `您的政府信息公开申请答复期限（${trackingNumber}）`,
      `请补正您的政府信息公开申请（${trackingNumber}）`,
      `您的政府信息公开申请答复期限（${trackingNumber}）`,
      `您的政府信息公开申请答复期限（${trackingNumber}）`,
    ]);
    for (const m of mails) {
      expect(m.channel).toBe('email');
      expect(m.recipient_name).toBe('申请人');
      expect(m.body_text).toContain(`/gk/luojiang-gxj/track`);
      expect(m.body_text).toContain(trackingNumber);
      for (const secret of [
        '赵六',
        '350504199001010029',
        '13900139000',
        '补助资金分配结果',
        queryCode.replace('-', ''),
      ])
        expect(m.body_text).not.toContain(secret);
    }
    expect(mails[1]!.body_text).toMatch(/我们将在\d{4}年\d{1,2}月\d{1,2}日前答复您/);

    const page = await post('/track', f.cookie, { csrf: f.csrf, trackingNumber, queryCode });
    const lead = /<p class="lead">([^<]+)<\/p>/.exec(page.body)![1]!;
    expect(lead).toMatch(/^我们将在\d{4}年\d{1,2}月\d{1,2}日前答复您。$/);
    expect(page.body.indexOf('class="lead"')).toBeLessThan(page.body.indexOf('期限说明'));
    // The date in the sentence is the deadline the page states below.
    const due = /class="reply-due" data-date="([^"]+)"/.exec(page.body)![1]!;
    expect(lead).toContain(`${Number(due.slice(0, 4))}年${Number(due.slice(5, 7))}月${Number(due.slice(8))}日`);
  });

  it('the demo applications that were answered have their reply mail in the outbox', async () => {
    const replies = await t.testDb.db
      .selectFrom('outbox_message')
      .select(['subject', 'body_text'])
      .where('subject', 'like', '您的政府信息公开申请已答复%')
      .execute();
    expect(replies.length).toBeGreaterThan(0);
    expect(replies[0]!.body_text).toContain('答复书和提供的信息请在查询页面下载');
  });
});

describe('notice texts and the SMS adapter', () => {
  it('every notice kind reads in Chinese with the link; the logging gateway masks the number', async () => {
    const f = {
      agencyName: '泉州市洛江区工业和信息化局',
      trackingNumber: '洛工信依申〔2026〕3号',
      trackUrl: 'https://gk.example.gov.cn/gk/x/track',
      replyDue: '2026-12-23',
    };
    expect(applicantMail('received', f).text).toContain('我们将在2026年12月23日前答复您');
    for (const kind of ['correction', 'deadline', 'document', 'reply'] as const)
      expect(applicantMail(kind, f).text).toContain('https://gk.example.gov.cn/gk/x/track');
    const logged: Array<Record<string, unknown>> = [];
    const gateway = loggingSmsGateway({ info: (obj) => logged.push(obj) });
    expect(await gateway.send({ to: '13900139000', text: '测试' })).toMatch(/^log-/);
    expect(JSON.stringify(logged)).not.toContain('13900139000');
    expect(maskPhoneNumber('13900139000')).toBe('139****9000');
  });
});
