import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';

describeEachDialect('待办 API', (dialect) => {
  let t: TestApp;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2026-03-02T02:00:00Z');
    agencyId = (
      await t.testDb.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
  }, 300_000);
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

  it("GET /api/v1/applications-todo lists the person's kinds; each links to an inbox filter with the same count", async () => {
    const res = await call('gxj.clerk', 'GET', `/api/v1/applications-todo?agencyId=${agencyId}`);
    expect(res.statusCode).toBe(200);
    const todo = res.json() as { today: string; groups: Array<{ kind: string; label: string; count: number }> };
    expect(todo.today).toBe('2026-03-02');
    expect(todo.groups.map((g) => [g.kind, g.label])).toEqual([
      ['confirm', '待确认收到'],
      ['assign', '待分派'],
    ]);
    for (const g of todo.groups) {
      const inbox = await call('gxj.clerk', 'GET', `/api/v1/applications?agencyId=${agencyId}&waiting=${g.kind}`);
      expect(inbox.statusCode).toBe(200);
      expect(inbox.json().total).toBe(g.count);
    }
    const bad = await call('gxj.clerk', 'GET', `/api/v1/applications?agencyId=${agencyId}&waiting=nonsense`);
    expect(bad.statusCode).toBe(400);
  }, 180_000);

  it('不批准延期 without a reason: 400 with a Chinese message under reason', async () => {
    const created = await call('gxj.clerk', 'POST', '/api/v1/applications', {
      agencyId,
      channel: 'in-person',
      applicantKind: 'natural_person',
      applicantName: '张三',
      idDocType: 'resident_id',
      idNumber: '350502198506123013',
      phone: '13800138000',
      infoDescription: '某文件',
      deliveryForm: 'paper',
      deliveryMethod: 'pickup',
    });
    const { id } = created.json() as { id: string };
    const asked = await call('gxj.handler', 'POST', `/api/v1/applications/${id}/steps/requestExtension`, {
      days: 5,
      reason: '材料多',
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().pendingExtension).toMatchObject({ days: 5, reason: '材料多' });
    const res = await call('gxj.head', 'POST', `/api/v1/applications/${id}/steps/refuseExtension`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.reason).toMatch(/请写明不批准延期的理由/);
    const ok = await call('gxj.head', 'POST', `/api/v1/applications/${id}/steps/refuseExtension`, {
      reason: '可按期答复',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ pendingExtension: null, extensionRefusal: { reason: '可按期答复', days: 5 } });
  }, 180_000);
});
