/**
 * Validity of 规章 and 规范性文件 through inject(): 废止 with its reason and date, 已修订 by a
 * published revision the user names, a revision drafted as such retiring its predecessor on
 * approval — each shown in the item's validity history and on its portal page, audited and
 * reserved to the approver.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';

type Session = { cookie: string; csrf: string };

describeEachDialect('validity of 规章 and 规范性文件', (dialect) => {
  let t: TestApp;
  const sessions: Record<string, Session> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2026-03-02T02:00:00Z');
    for (const u of ['gxj.clerk', 'gxj.reviewer', 'gxj.approver']) sessions[u] = await t.login(u);
  }, 120_000);
  afterAll(async () => t?.close());

  const call = (user: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      payload,
      headers: { cookie: sessions[user]!.cookie, 'x-csrf-token': sessions[user]!.csrf },
    });
  const act = (user: string, id: string, payload: object) =>
    call(user, 'POST', `/api/v1/catalog/items/${id}/actions`, payload);

  /** Drafts, reviews and publishes a document; returns its id. */
  async function publish(title: string, extra: object = {}): Promise<string> {
    const created = await call('gxj.clerk', 'POST', '/api/v1/catalog/items', {
      title,
      statutoryItem: 'a20.1',
      docType: 'normative',
      formedOn: '2026-02-20',
      effectiveOn: '2026-03-01',
      bodyHtml: '<p>正文</p>',
      ...extra,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await act('gxj.clerk', id, { kind: 'submit' })).statusCode).toBe(200);
    expect((await act('gxj.reviewer', id, { kind: 'confidentiality_pass', opinion: '不涉密' })).statusCode).toBe(200);
    expect((await act('gxj.approver', id, { kind: 'approve', opinion: '同意' })).json().state).toBe('published');
    return id;
  }
  const detail = async (id: string) => (await call('gxj.clerk', 'GET', `/api/v1/catalog/items/${id}`)).json();
  const validity = (id: string, user: string, body: object) =>
    call(user, 'POST', `/api/v1/catalog/items/${id}/validity`, body);

  it('废止: the approver records it with date and reason; the history and the portal page show it', async () => {
    const id = await publish('洛江区工业企业技术改造资金管理办法');
    expect((await detail(id)).validity).toMatchObject({
      status: 'valid',
      effectiveOn: '2026-03-01',
      history: [{ step: 'published', on: '2026-03-02', text: '发布，2026年3月1日起施行' }],
    });
    expect(
      (await validity(id, 'gxj.clerk', { endedAs: 'repealed', endedOn: '2026-03-02', reason: '上位法修改' }))
        .statusCode,
    ).toBe(403);
    const bad = await validity(id, 'gxj.approver', { endedAs: 'repealed', endedOn: '2026-02-01', reason: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual({ endedOn: '日期不能早于发布日期', reason: '请填写废止的依据' });
    const ok = await validity(id, 'gxj.approver', {
      endedAs: 'repealed',
      endedOn: '2026-03-02',
      reason: '上位法已修改，本办法停止执行',
    });
    expect(ok.json()).toEqual({ id, endedAs: 'repealed', endedOn: '2026-03-02' });
    const d = await detail(id);
    expect(d.validity.status).toBe('repealed');
    expect(d.validity.history.at(-1)).toMatchObject({
      step: 'repealed',
      on: '2026-03-02',
      text: '废止：上位法已修改，本办法停止执行',
      actorName: '王审核（演示）',
    });
    const page = await t.app.inject({ method: 'GET', url: `/gk/items/${id}` });
    expect(page.body).toContain('<th scope="row">有效性</th><td>废止（2026年3月2日起）</td>');
    expect(page.body).toContain('废止：上位法已修改，本办法停止执行');
    expect(
      (await validity(id, 'gxj.approver', { endedAs: 'lapsed', endedOn: '2026-03-02', reason: 'x' })).json().detail,
    ).toBe('该文件已于2026-03-02废止');
    const audit = await t.testDb.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'catalog.repealed')
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.summary).toBe(
      '登记“洛江区工业企业技术改造资金管理办法”自2026-03-02起废止（上位法已修改，本办法停止执行）',
    );
  });

  it('已修订: the replacing document must be a published 规范性文件 of the agency; both pages link each other', async () => {
    const old = await publish('洛江区中小企业发展专项资金管理办法');
    const revision = await publish('洛江区中小企业发展专项资金管理办法（2026年修订）');
    const notice = (
      await call('gxj.clerk', 'POST', '/api/v1/catalog/items', {
        title: '通知',
        statutoryItem: 'a20.15',
        docType: 'notice',
        formedOn: '2026-02-20',
      })
    ).json().id as string;
    expect(
      (await validity(old, 'gxj.approver', { endedAs: 'revised', endedOn: '2026-03-02', reason: '' })).json().errors,
    ).toEqual({ replacedById: '请选择修订后的文件' });
    expect(
      (
        await validity(old, 'gxj.approver', {
          endedAs: 'revised',
          endedOn: '2026-03-02',
          reason: '',
          replacedById: notice,
        })
      ).json().errors,
    ).toEqual({ replacedById: '修订后的文件须为本机关的另一件规章或规范性文件' });
    expect(
      (
        await validity(old, 'gxj.approver', {
          endedAs: 'revised',
          endedOn: '2026-03-02',
          reason: '',
          replacedById: old,
        })
      ).json().errors,
    ).toEqual({ replacedById: '修订后的文件须为本机关的另一件规章或规范性文件' });
    const ok = await validity(old, 'gxj.approver', {
      endedAs: 'revised',
      endedOn: '2026-03-02',
      reason: '',
      replacedById: revision,
    });
    expect(ok.statusCode).toBe(200);
    const d = await detail(old);
    expect(d.validity).toMatchObject({ status: 'revised', revisions: [{ id: revision, state: 'published' }] });
    expect(d.validity.history.at(-1).text).toBe('已修订：由“洛江区中小企业发展专项资金管理办法（2026年修订）”修订');
    expect((await detail(revision)).validity.replaces).toEqual({
      id: old,
      title: '洛江区中小企业发展专项资金管理办法',
      state: 'published',
    });
    expect((await t.app.inject({ method: 'GET', url: `/gk/items/${old}` })).body).toContain(
      `本文件已被修订：<a href="/gk/items/${revision}">`,
    );
    // The public history lists the revision among publication, corrections and withdrawal.
    expect((await t.app.inject({ method: 'GET', url: `/gk/items/${old}` })).body).toMatch(
      /<ol class="history">(?:(?!<\/ol>).)*已修订/s,
    );
    expect((await t.app.inject({ method: 'GET', url: `/gk/items/${revision}` })).body).toContain(
      `本文件修订了：<a href="/gk/items/${old}">`,
    );
  });

  it('a revision drafted as such retires its predecessor on approval, recorded in the predecessor’s history', async () => {
    const old = await publish('洛江区工业园区企业服务规范');
    const revision = await publish('洛江区工业园区企业服务规范（修订）', {
      replacesId: old,
      effectiveOn: '2026-04-01',
    });
    const d = await detail(old);
    expect(d.validity).toMatchObject({
      status: 'valid',
      endedAs: 'revised',
      endedOn: '2026-04-01',
      revisions: [{ id: revision, state: 'published', effectiveOn: '2026-04-01' }],
    });
    expect(d.validity.history.at(-1)).toMatchObject({
      step: 'revised',
      on: '2026-04-01',
      text: '已修订：由“洛江区工业园区企业服务规范（修订）”修订',
    });
    const notice = (
      await call('gxj.clerk', 'POST', '/api/v1/catalog/items', {
        title: '一则通知',
        statutoryItem: 'a20.15',
        docType: 'notice',
        formedOn: '2026-02-20',
      })
    ).json();
    expect(notice.validity).toBeNull();
  });
});
