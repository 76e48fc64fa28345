import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';

describeEachDialect('cases and complaints over HTTP', (dialect) => {
  let t: TestApp;
  let czjClerk: { cookie: string; csrf: string };
  let ids: Record<string, string>;
  type Session = { cookie: string; csrf: string };
  const call = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) },
      payload: payload as object,
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const agencies = await t.ctx.db.selectFrom('agency').select(['id', 'code']).execute();
    ids = Object.fromEntries(agencies.map((a) => [a.code, a.id]));
    const sys = await t.login('sys.admin');
    const res = await call(sys, 'POST', '/api/v1/users', {
      username: 'czj.clerk',
      displayName: '财政登记员',
      agencyId: ids['luojiang-czj'],
      roles: ['clerk'],
    });
    expect(res.statusCode).toBe(201);
    // 三员分立: the grant takes effect once the security administrator approves it (issue 15).
    czjClerk = await t.approvedLogin('czj.clerk');
  });
  afterAll(async () => t.close());

  it("a clerk registers a case; another agency's clerk cannot see it; the supervisor reads but cannot change it", async () => {
    const clerk = await t.login('gxj.clerk');
    const bad = await call(clerk, 'POST', '/api/v1/cases', {
      agencyId: ids['luojiang-gxj'],
      kind: 'reconsideration',
      party: '',
      organ: '',
      filedDate: '2025-13-01',
      concludedDate: '',
      result: 'upheld',
      caseNumber: '泉洛政复〔2025〕3号',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual({
      party: '请填写复议申请人',
      organ: '请填写复议机关',
      filedDate: '请填写受理（立案）日期，格式 YYYY-MM-DD',
      concludedDate: '已有审理结果的案件，请填写审结日期',
    });
    const schemaBad = await call(clerk, 'POST', '/api/v1/cases', { agencyId: ids['luojiang-gxj'], kind: 'appeal' });
    expect(schemaBad.statusCode).toBe(400);
    expect(schemaBad.json().errors.kind).toBe('取值无效');

    // The demo bureau already has cases of its own: measure this case's effect against them.
    const sup = await t.login('zfb.supervisor');
    const figures = async (year: number) =>
      (await call(sup, 'GET', `/api/v1/cases/figures?agencyId=${ids['luojiang-gxj']}&year=${year}`)).json().table4
        .litigation_direct as number[];
    const plus = (base: number[], delta: number[]) => base.map((v, i) => v + delta[i]!);
    const [before25, before26] = [await figures(2025), await figures(2026)];
    const listedBefore = (await call(sup, 'GET', '/api/v1/cases?year=2025')).json().total as number;

    const created = await call(clerk, 'POST', '/api/v1/cases', {
      agencyId: ids['luojiang-gxj'],
      kind: 'litigation_direct',
      caseNumber: '（2025）闽0504行初12号',
      party: '李四',
      organ: '泉州市洛江区人民法院',
      subject: '不服政府信息公开答复',
      filedDate: '2025-06-01',
      result: 'pending',
      applicationId: 'app-1',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;

    const other = czjClerk;
    expect((await call(other, 'GET', `/api/v1/cases/${id}`)).statusCode).toBe(404);
    expect((await call(other, 'GET', '/api/v1/cases')).json().items).toEqual([]);
    expect((await call(other, 'GET', `/api/v1/cases?agencyId=${ids['luojiang-gxj']}`)).statusCode).toBe(403);
    expect(
      (await call(other, 'PATCH', `/api/v1/cases/${id}`, { result: 'upheld', concludedDate: '2025-12-01' })).statusCode,
    ).toBe(404);

    expect((await call(sup, 'GET', `/api/v1/cases/${id}`)).json().party).toBe('李四');
    expect((await call(sup, 'GET', '/api/v1/cases?year=2025')).json().total).toBe(listedBefore + 1);
    expect(
      (await call(sup, 'PATCH', `/api/v1/cases/${id}`, { result: 'upheld', concludedDate: '2025-12-01' })).statusCode,
    ).toBe(403);

    const concluded = await call(clerk, 'PATCH', `/api/v1/cases/${id}`, {
      result: 'corrected',
      concludedDate: '2026-01-15',
      resultNote: '判决撤销答复、责令重新答复',
    });
    expect(concluded.statusCode).toBe(200);
    // Filed in 2025 and still pending at its end; concluded (corrected) in 2026 (lifecycle.md, table 四).
    expect(await figures(2025)).toEqual(plus(before25, [0, 0, 0, 1, 1]));
    const fig26 = await call(clerk, 'GET', `/api/v1/cases/figures?agencyId=${ids['luojiang-gxj']}&year=2026`);
    expect(fig26.json().table4.litigation_direct).toEqual(plus(before26, [0, 1, 0, 0, 1]));
  });

  it('complaints: the supervisor registers, handles and concludes; the agency reads with the contact masked; others see nothing', async () => {
    const sup = await t.login('zfb.supervisor');
    const bad = await call(sup, 'POST', '/api/v1/complaints', {
      agencyId: ids['luojiang-gxj'],
      kind: 'complaint',
      complainant: '',
      receivedDate: '2026-03-05',
      subject: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual({
      complainant: '请填写投诉（举报）人；匿名举报请填写“匿名”',
      receivedDate: '收到日期不能晚于今天',
      subject: '请填写投诉（举报）的事项',
    });
    const created = await call(sup, 'POST', '/api/v1/complaints', {
      agencyId: ids['luojiang-gxj'],
      kind: 'complaint',
      complainant: '王五',
      contact: '13812345678',
      receivedDate: '2026-02-10',
      subject: '申请逾期未答复',
    });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c.contact).toBe('13812345678');
    expect(c.receivingAgencyName).toBe('泉州市洛江区人民政府办公室');
    const stored = await t.ctx.db
      .selectFrom('complaint')
      .select('contact_sealed')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(stored.contact_sealed).not.toContain('1381234');

    const step = await call(sup, 'POST', `/api/v1/complaints/${c.id}/steps`, {
      date: '2026-02-12',
      action: '调查核实',
      note: '调取申请办理记录',
    });
    expect(step.statusCode).toBe(201);
    const early = await call(sup, 'POST', `/api/v1/complaints/${c.id}/steps`, { date: '2026-02-01', action: '' });
    expect(early.json().errors).toEqual({ date: '办理日期不能早于收到日期', action: '请填写办理环节' });
    const noNote = await call(sup, 'POST', `/api/v1/complaints/${c.id}/conclusion`, {
      result: 'substantiated',
      concludedDate: '2026-02-20',
    });
    expect(noNote.json().errors.resultNote).toContain('督促整改');
    const done = await call(sup, 'POST', `/api/v1/complaints/${c.id}/conclusion`, {
      result: 'substantiated',
      concludedDate: '2026-02-20',
      resultNote: '督促该局于5个工作日内作出答复',
    });
    expect(done.json().status).toBe('concluded');
    expect(
      (await call(sup, 'POST', `/api/v1/complaints/${c.id}/steps`, { date: '2026-02-21', action: '回访' })).statusCode,
    ).toBe(409);

    const clerk = await t.login('gxj.clerk');
    const seen = await call(clerk, 'GET', `/api/v1/complaints/${c.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().complaint.contact).toBe('138****5678');
    expect(seen.json().steps.map((s: { action: string }) => s.action)).toEqual(['调查核实']);
    expect(
      (
        await call(clerk, 'POST', '/api/v1/complaints', {
          agencyId: ids['luojiang-gxj'],
          kind: 'report',
          complainant: '匿名',
          receivedDate: '2026-02-10',
          subject: 'x',
        })
      ).statusCode,
    ).toBe(403);

    const other = czjClerk;
    expect((await call(other, 'GET', `/api/v1/complaints/${c.id}`)).statusCode).toBe(404);
    expect((await call(other, 'GET', '/api/v1/complaints')).json().total).toBe(0);
    const actions = await t.ctx.db
      .selectFrom('audit_event')
      .select(['action', 'after_json'])
      .where('subject_id', '=', c.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['complaint.register', 'complaint.step', 'complaint.conclude']);
    expect(actions[0]!.after_json).not.toContain('13812345678');
  });
});
