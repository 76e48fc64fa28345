import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';

describeEachDialect('applications API', (dialect) => {
  let t: TestApp;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2026-03-02T02:00:00Z');
    agencyId = (
      await t.testDb.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t.close());

  const call = async (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const s = await t.login(user);
    return t.app.inject({
      method,
      url,
      payload: payload as Record<string, unknown>,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  };
  const body = () => ({
    agencyId,
    channel: 'post-ordinary',
    arrivalDate: '2026-02-27',
    applicantKind: 'commercial',
    applicantName: '某公司',
    contactPerson: '李四',
    idDocType: 'credit_code',
    idNumber: '91330100716105852F',
    phone: '0595-22630000',
    infoDescription: '某文件',
    deliveryForm: 'paper',
    deliveryMethod: 'pickup',
  });

  it('staff intake: every field problem comes back in Chinese under its name', async () => {
    const res = await call('gxj.clerk', 'POST', '/api/v1/applications', {
      ...body(),
      idNumber: '91330100716105852G',
      contactPerson: '',
      phone: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual({
      idNumber: expect.stringMatching(/校验位/),
      contactPerson: expect.stringMatching(/联系人/),
      phone: expect.stringMatching(/电话/),
    });
  });

  it('平常信函 waits for confirmation (第三十一条第二项); lists are masked; roles are enforced', async () => {
    const created = await call('gxj.clerk', 'POST', '/api/v1/applications', body());
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };
    const detail = (await call('gxj.handler', 'GET', `/api/v1/applications/${id}`)).json();
    expect(detail.state).toBe('awaitingConfirmation');
    expect(detail.idNumberMasked).toBe('9133**********852F');
    expect(JSON.stringify(detail)).not.toContain('91330100716105852F');
    expect((await call('gxj.reviewer', 'POST', `/api/v1/applications/${id}/steps/confirmReceipt`, {})).statusCode).toBe(
      403,
    );
    const confirmed = await call('gxj.clerk', 'POST', `/api/v1/applications/${id}/steps/confirmReceipt`, {
      date: '2026-02-27',
    });
    expect(confirmed.json().clock.warnings).toEqual([]);
    expect(confirmed.json().receivedDate).toBe('2026-02-27');
    const inbox = (
      await call('zfb.supervisor', 'GET', `/api/v1/applications?agencyId=${agencyId}&state=running`)
    ).json();
    expect(inbox.items.some((x: { id: string }) => x.id === id)).toBe(true);
    expect(
      (await call('gxj.handler', 'POST', `/api/v1/applications/${id}/steps/approveExtension`, {})).statusCode,
    ).toBe(403);
    expect((await call('gxj.clerk', 'POST', `/api/v1/applications/${id}/steps/reply`, {})).statusCode).toBe(403);
  });

  it("征求意见 of several parties in one request: each row's problem under its field, then one consultation letter each", async () => {
    const created = await call('gxj.clerk', 'POST', '/api/v1/applications', { ...body(), channel: 'in-person' });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };
    const url = `/api/v1/applications/${id}/steps/sendConsultation`;
    const bad = await call('gxj.handler', 'POST', url, {
      parties: [
        { party: 'third', partyName: '甲公司' },
        { party: 'third', partyName: '' },
      ],
      date: '2026-03-02',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual({ 'parties.1.partyName': '请填写被征求意见的第三方或者机关' });
    expect(
      (await call('gxj.handler', 'POST', url, { parties: [{ party: 'third', partyName: '甲公司', extra: 1 }] }))
        .statusCode,
    ).toBe(400);
    const ok = await call('gxj.handler', 'POST', url, {
      parties: [
        { party: 'third', partyName: '甲公司', partyReceivedDate: '2026-03-03' },
        { party: 'agency', partyName: '区发改局' },
      ],
    });
    expect(ok.statusCode).toBe(200);
    const detail = ok.json() as {
      documents: Array<{ kind: string; recipientName: string; provisional: boolean }>;
      clock: { consultations: Array<{ partyDeadline: string }> };
      steps: string[];
    };
    expect(detail.documents.map((d) => [d.kind, d.recipientName, d.provisional])).toEqual([
      ['consultation_letter', '甲公司', false],
      ['consultation_letter', '区发改局', false],
    ]);
    expect(detail.clock.consultations).toHaveLength(2);
    expect(detail.steps).not.toContain('notifyThirdParty');
    const refused = await call('gxj.handler', 'POST', `/api/v1/applications/${id}/steps/notifyThirdParty`, {
      disclosedContent: '全部',
      publicInterestReason: '公共利益',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toMatch(/^不能书面告知第三方（第三十二条）：尚未拟定答复/);
  });

  it('a step takes only its own fields: one it does not take is a 400 naming the field, and nothing is recorded', async () => {
    const created = await call('gxj.clerk', 'POST', '/api/v1/applications', body());
    const { id } = created.json() as { id: string };
    const steps = `/api/v1/applications/${id}/steps`;
    const extra = await call('gxj.clerk', 'POST', `${steps}/confirmReceipt`, { date: '2026-02-27', days: 5 });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: { days: '不接受字段 days' } });
    expect(extra.json().detail).toBe('不接受字段 days');
    expect((await call('gxj.handler', 'GET', `/api/v1/applications/${id}`)).json().state).toBe('awaitingConfirmation');
    const two = await call('gxj.clerk', 'POST', `${steps}/confirmReceipt`, { note: '电话确认', items: '身份证明' });
    expect(two.json().errors).toEqual({ note: '不接受字段 note', items: '不接受字段 items' });
    const ok = await call('gxj.clerk', 'POST', `${steps}/confirmReceipt`, { date: '2026-02-27' });
    expect(ok.statusCode).toBe(200);
  });

  it('table 三 figures for the report engineer: 7 columns per row', async () => {
    const res = await call('gxj.head', 'GET', `/api/v1/application-figures?agencyId=${agencyId}&year=2025`);
    expect(res.statusCode).toBe(200);
    const table = res.json().table3 as Record<string, number[]>;
    expect(Object.values(table).every((row) => row.length === 7)).toBe(true);
    expect(table.received![6]).toBeGreaterThan(0);
  });
});
