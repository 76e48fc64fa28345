import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';

describeEachDialect('staff e-mail addresses and 我的账号 over HTTP', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const as = async (username: string) => {
    const s = await t.login(username);
    return {
      get: (url: string) => t.app.inject({ url, headers: { cookie: s.cookie } }),
      send: (method: 'POST' | 'PATCH', url: string, payload: object) =>
        t.app.inject({ method, url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload }),
    };
  };
  const userId = async (username: string) =>
    (await t.ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  type UserJson = {
    id: string;
    username: string;
    email: string | null;
    emailMasked: string | null;
    reminderEmail: boolean;
  };

  it('the user administrator sets an address (validated, in Chinese); lists show it masked, whole only to whoever manages the account', async () => {
    const admin = await as('gxj.admin');
    const handlerId = await userId('gxj.handler');
    const bad = await admin.send('PATCH', `/api/v1/users/${handlerId}`, { email: 'chen@localhost', displayName: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual({
      email: '电子邮箱格式不正确，例如 zhangsan@example.gov.cn',
      displayName: '请填写姓名',
    });

    const saved = await admin.send('PATCH', `/api/v1/users/${handlerId}`, { email: '  chen.cb@example.gov.cn ' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      email: 'chen.cb@example.gov.cn',
      emailMasked: 'c***@example.gov.cn',
      reminderEmail: true,
    });

    const row = (list: UserJson[]) => list.find((u) => u.username === 'gxj.handler')!;
    const byAdmin = (await admin.get('/api/v1/users')).json().items as UserJson[];
    expect(row(byAdmin)).toMatchObject({ email: 'chen.cb@example.gov.cn', emailMasked: 'c***@example.gov.cn' });
    // 安全管理员 reads the accounts but manages none: the address stays masked.
    const bySecurity = (await (await as('sec.admin')).get('/api/v1/users')).json().items as UserJson[];
    expect(row(bySecurity)).toMatchObject({ email: null, emailMasked: 'c***@example.gov.cn' });
    expect(row(bySecurity).id).toBe(handlerId);

    const audit = await t.ctx.db
      .selectFrom('audit_event')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'user.update')
      .where('subject_id', '=', handlerId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after_json).toContain('c***@example.gov.cn');
    expect(audit.after_json).not.toContain('chen.cb');

    const cleared = await admin.send('PATCH', `/api/v1/users/${handlerId}`, { email: '' });
    expect(cleared.json()).toMatchObject({ email: null, emailMasked: null });
  });

  it('a new account may be created with an address and the preference', async () => {
    const sys = await as('sys.admin');
    const agencyId = (
      await t.ctx.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
    const body = {
      username: 'gxj.deputy',
      displayName: '刘副主任',
      agencyId,
      roles: ['office_head'],
    };
    const bad = await sys.send('POST', '/api/v1/users', { ...body, email: 'liu@', roles: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toMatchObject({
      email: expect.stringContaining('电子邮箱格式不正确'),
      roles: '至少选择一个角色',
    });
    const created = await sys.send('POST', '/api/v1/users', {
      ...body,
      email: 'liu@example.gov.cn',
      reminderEmail: false,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'liu@example.gov.cn', reminderEmail: false });
  });

  it('我的账号: each user reads and sets their own address and reminder preference; audited; not through an API token', async () => {
    const clerk = await as('gxj.clerk');
    expect((await clerk.get('/api/v1/account')).json()).toMatchObject({
      username: 'gxj.clerk',
      email: null,
      reminderEmail: true,
      agencyName: '泉州市洛江区工业和信息化局',
    });
    const bad = await clerk.send('PATCH', '/api/v1/account', { email: '林登记@example.gov.cn' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.email).toContain('电子邮箱格式不正确');
    const ok = await clerk.send('PATCH', '/api/v1/account', { email: 'lin@example.gov.cn', reminderEmail: false });
    expect(ok.statusCode).toBe(200);
    expect((await clerk.get('/api/v1/account')).json()).toMatchObject({
      email: 'lin@example.gov.cn',
      reminderEmail: false,
    });
    // Setting only the preference keeps the address.
    expect((await clerk.send('PATCH', '/api/v1/account', { reminderEmail: true })).json()).toMatchObject({
      email: 'lin@example.gov.cn',
      reminderEmail: true,
    });
    const audit = await t.ctx.db
      .selectFrom('audit_event')
      .select(['summary', 'after_json'])
      .where('action', '=', 'user.update_own')
      .where('subject_id', '=', await userId('gxj.clerk'))
      .orderBy('seq')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]!.summary).toBe('gxj.clerk 修改了自己的邮箱或提醒设置');
    expect(audit[0]!.after_json).toContain('l***@example.gov.cn');

    const sys = await as('sys.admin');
    const { token } = (await sys.send('POST', '/api/v1/tokens', { name: '测试', scopes: ['agencies.read'] })).json();
    const viaToken = await t.app.inject({ url: '/api/v1/account', headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/account' })).statusCode).toBe(401);
  });
});
