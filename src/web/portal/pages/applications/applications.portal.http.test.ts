import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A multipart body as a browser sends it. */
function multipart(
  fields: Record<string, string>,
  files: Array<{ name: string; filename: string; content: Buffer; type?: string }> = [],
) {
  const boundary = '----gongkaitest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const VALID = {
  applicantKind: 'natural_person',
  applicantName: '王五',
  idDocType: 'resident_id',
  idNumber: '350504199001010029',
  phone: '13900139000',
  email: 'wangwu@example.com',
  address: '',
  postcode: '',
  infoTitle: '',
  infoDocNumber: '',
  infoDescription: '2024年度工业企业技术改造项目补助资金分配结果',
  deliveryForm: 'electronic',
  deliveryMethod: 'email',
};

describeEachDialect('portal: online application and tracking', (dialect) => {
  let t: TestApp;
  const url = '/gk/luojiang-gxj';
  /** GETs the form and returns the cookie and the hidden tokens. */
  async function openForm() {
    const res = await t.app.inject({ method: 'GET', url: `${url}/apply` });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gk_form')!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(res.body)![1]!;
    const submission = /name="submission" value="([^"]+)"/.exec(res.body)![1]!;
    return { cookie: `gk_form=${cookie.value}`, csrf, submission, body: res.body };
  }
  const post = (
    path: string,
    cookie: string,
    fields: Record<string, string>,
    files: Parameters<typeof multipart>[1] = [],
  ) => {
    const m = multipart(fields, files);
    return t.app.inject({
      method: 'POST',
      url: `${url}${path}`,
      payload: m.payload,
      headers: { ...m.headers, cookie },
    });
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2025-03-03T02:00:00Z');
  });
  afterAll(async () => t.close());

  it('the form has every 第二十九条 field with a label, works without JavaScript and states the 第三十一条 rule', async () => {
    const { body } = await openForm();
    for (const name of Object.keys(VALID)) expect(body, name).toMatch(new RegExp(`name="${name}"`));
    expect(body).toMatch(/<label for="applicantName">/);
    expect(body).toMatch(/第三十一条第三项/);
    expect(body).toMatch(/enctype="multipart\/form-data"/);
  });

  it('bad input: every field answered beside it in Chinese, nothing typed is lost, nothing created', async () => {
    const f = await openForm();
    const before = (await t.testDb.db.selectFrom('application').select('id').execute()).length;
    const res = await post('/apply', f.cookie, {
      ...VALID,
      csrf: f.csrf,
      submission: f.submission,
      applicantName: '',
      idNumber: '350504199001010028',
      phone: '123',
      email: 'bad',
      infoDescription: '',
      deliveryMethod: 'post',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(
      /id="applicantName-error"[^>]*><span class="visually-hidden">错误：<\/span>请填写申请人姓名/,
    );
    expect(res.body).toMatch(/id="idNumber-error"[^>]*>.*校验位不正确/);
    expect(res.body).toMatch(/id="phone-error"/);
    expect(res.body).toMatch(/id="email-error"[^>]*>.*电子邮箱格式不正确/);
    expect(res.body).toMatch(/id="address-error"[^>]*>.*通信地址/);
    expect(res.body).toMatch(/id="infoDescription-error"/);
    expect(res.body).toContain('value="350504199001010028"');
    expect(res.body).toMatch(/aria-invalid="true"/);
    expect((await t.testDb.db.selectFrom('application').select('id').execute()).length).toBe(before);
  });

  it('uploads are checked by content: a renamed executable is refused, a PDF accepted', async () => {
    const f = await openForm();
    const bad = await post('/apply', f.cookie, { ...VALID, csrf: f.csrf, submission: f.submission }, [
      {
        name: 'attachments',
        filename: 'id.pdf',
        content: Buffer.from('MZ\x90\x00 not a pdf at all'),
        type: 'application/pdf',
      },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/按文件内容识别/);
    const ok = await post('/apply', f.cookie, { ...VALID, csrf: f.csrf, submission: f.submission }, [
      { name: 'attachments', filename: 'id.pdf', content: PDF },
    ]);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toMatch(/申请已提交/);
  });

  it('a double submit creates one application and shows the same receipt; the CSRF token and honeypot are enforced', async () => {
    const f = await openForm();
    const first = await post('/apply', f.cookie, { ...VALID, csrf: f.csrf, submission: f.submission });
    const second = await post('/apply', f.cookie, { ...VALID, csrf: f.csrf, submission: f.submission });
    const code = (body: string) => /class="query-code">([^<]+)</.exec(body)?.[1];
    expect(code(first.body)).toBeDefined();
    expect(code(second.body)).toBe(code(first.body));
    const rows = await t.testDb.db
      .selectFrom('application')
      .select('id')
      .where('idempotency_key', '=', `portal:${f.submission}`)
      .execute();
    expect(rows).toHaveLength(1);
    const forged = await post('/apply', f.cookie, { ...VALID, csrf: 'forged', submission: 'abcdefghijklmnopqrst' });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('value="王五"');
    const robot = await post('/apply', f.cookie, {
      ...VALID,
      csrf: f.csrf,
      submission: 'robotrobotrobotrobot',
      website: 'http://spam',
    });
    expect(robot.statusCode).toBe(400);
    expect(
      await t.testDb.db
        .selectFrom('application')
        .select('id')
        .where('idempotency_key', '=', 'portal:robotrobotrobotrobot')
        .execute(),
    ).toHaveLength(0);
  });

  it('tracking: wrong and malformed numbers and codes get the same answer; the right pair shows the state and the 第三十一条 wait', async () => {
    const f = await openForm();
    const receipt = await post('/apply', f.cookie, { ...VALID, csrf: f.csrf, submission: 'tracktracktracktrack' });
    const trackingNumber = /class="tracking-number">([^<]+)</.exec(receipt.body)![1]!;
    const queryCode = /class="query-code">([^<]+)</.exec(receipt.body)![1]!;
    const answers = await Promise.all(
      [
        [trackingNumber, 'ZZZZ-ZZZZ'],
        ['依申请〔2025〕999号', queryCode],
        ["' or 1=1 --", '<b>'],
        ['', ''],
      ].map(([n, c]) => post('/track', f.cookie, { csrf: f.csrf, trackingNumber: n!, queryCode: c! })),
    );
    const alerts = answers.map((r) => [r.statusCode, /role="alert">([^<]+)</.exec(r.body)?.[1]]);
    expect(new Set(alerts.map((a) => JSON.stringify(a))).size).toBe(1);
    const ok = await post('/track', f.cookie, { csrf: f.csrf, trackingNumber, queryCode });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toMatch(/待确认收到申请/);
    expect(ok.body).toMatch(/尚待确认（第三十一条）/);
  });

  it('the applicant downloads the notices addressed to them from the tracking page, never a consultation letter; staff download Word and send through the outbox', async () => {
    const f = await openForm();
    const receipt = await post('/apply', f.cookie, { ...VALID, csrf: f.csrf, submission: 'noticenoticenotice01' });
    const trackingNumber = /class="tracking-number">([^<]+)</.exec(receipt.body)![1]!;
    const queryCode = /class="query-code">([^<]+)</.exec(receipt.body)![1]!;
    const { id } = await t.testDb.db
      .selectFrom('application')
      .select('id')
      .where('tracking_number', '=', trackingNumber)
      .executeTakeFirstOrThrow();
    const staff = async (user: string) => {
      const s = await t.login(user);
      return (method: 'GET' | 'POST', path: string, payload?: Record<string, unknown>) =>
        t.app.inject({ method, url: path, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    };
    const [clerk, handler, reviewer] = (await Promise.all(['gxj.clerk', 'gxj.handler', 'gxj.reviewer'].map(staff))) as [
      Awaited<ReturnType<typeof staff>>,
      Awaited<ReturnType<typeof staff>>,
      Awaited<ReturnType<typeof staff>>,
    ];
    const steps = `/api/v1/applications/${id}/steps`;
    expect((await clerk('POST', `${steps}/confirmReceipt`, {})).statusCode).toBe(200);
    expect((await clerk('POST', `${steps}/requestCorrection`, { items: '请写明所需补助资金的年度' })).statusCode).toBe(
      200,
    );
    expect((await clerk('POST', `${steps}/recordCorrection`, { note: '2024年度' })).statusCode).toBe(200);
    const consulted = await handler('POST', `${steps}/sendConsultation`, {
      party: 'third',
      partyName: '某机械有限公司',
    });
    const docs = consulted.json().documents as Array<{ id: string; kind: string; state: string; formats: string[] }>;
    expect(docs.map((d) => [d.kind, d.state, d.formats])).toEqual([
      ['correction_notice', 'issued', ['pdf', 'docx']],
      ['consultation_letter', 'issued', ['pdf', 'docx']],
    ]);
    const [correction, consultation] = docs as [(typeof docs)[0], (typeof docs)[0]];

    const docx = await handler('GET', `/api/v1/applications/${id}/documents/${correction.id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain(
      `政府信息公开申请补正告知书（${trackingNumber}）.docx`,
    );

    const page = await post('/track', f.cookie, { csrf: f.csrf, trackingNumber, queryCode });
    expect(page.body).toContain(`下载 补正告知书：政府信息公开申请补正告知书（${trackingNumber}）.pdf`);
    // The explanation says a consultation pauses the clock; the letter itself and the party stay internal.
    expect(page.body.match(/>下载 /g)).toHaveLength(1);
    expect(page.body).not.toMatch(/下载 征求意见书|某机械有限公司/);
    const pdf = await post('/track/file', f.cookie, { csrf: f.csrf, trackingNumber, queryCode, fileId: correction.id });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const hidden = await post('/track/file', f.cookie, {
      csrf: f.csrf,
      trackingNumber,
      queryCode,
      fileId: consultation.id,
    });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.rawPayload.subarray(0, 5).toString()).not.toBe('%PDF-');

    expect(
      (await reviewer('POST', `/api/v1/applications/${id}/documents/${correction.id}/send`, { channel: 'email' }))
        .statusCode,
    ).toBe(403);
    const noAddress = await handler('POST', `/api/v1/applications/${id}/documents/${consultation.id}/send`, {
      channel: 'post',
    });
    expect(noAddress.json().errors).toEqual({ address: '请填写对方的邮寄地址' });
    const sent = await clerk('POST', `/api/v1/applications/${id}/documents/${correction.id}/send`, {
      channel: 'email',
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ channel: 'email', recipientAddress: 'wangwu@example.com', status: 'queued' });
    const detail = (await handler('GET', `/api/v1/applications/${id}`)).json();
    expect(detail.documents[0].deliveries.map((m: { status: string }) => m.status)).toEqual(['queued']);
    expect(detail.files.map((f: { role: string }) => f.role)).not.toContain('notice');
  });
});
