import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';

describeEachDialect('agencies, users and the portal over HTTP', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const get = async (url: string, username: string) => {
    const s = await t.login(username);
    return t.app.inject({ url, headers: { cookie: s.cookie } });
  };
  const agencyNames = async (username: string) =>
    ((await get('/api/v1/agencies', username)).json().items as Array<{ name: string }>).map((a) => a.name).sort();

  it('a clerk sees only his agency; the 区政府办 supervisor sees the 洛江区 subtree; the system administrator sees all', async () => {
    expect(await agencyNames('gxj.clerk')).toEqual(['泉州市洛江区工业和信息化局']);
    const supervised = await agencyNames('zfb.supervisor');
    expect(supervised).toHaveLength(6);
    expect(supervised).toContain('泉州市洛江区人民政府');
    expect(supervised).toContain('泉州市洛江区河市镇人民政府');
    expect(supervised).not.toContain('泉州市人民政府');
    expect(await agencyNames('sys.admin')).toHaveLength(8);
  });

  it('a supervisor cannot read an agency outside its subtree', async () => {
    const sys = await t.login('sys.admin');
    const all = (await t.app.inject({ url: '/api/v1/agencies', headers: { cookie: sys.cookie } })).json()
      .items as Array<{ id: string; code: string }>;
    const city = all.find((a) => a.code === 'quanzhou')!;
    expect((await get(`/api/v1/agencies/${city.id}`, 'zfb.supervisor')).statusCode).toBe(403);
  });

  it('creating an agency validates every field and answers in Chinese beside each field', async () => {
    const sys = await t.login('sys.admin');
    const all = (await t.app.inject({ url: '/api/v1/agencies', headers: { cookie: sys.cookie } })).json()
      .items as Array<{ id: string; code: string }>;
    const county = all.find((a) => a.code === 'luojiang')!;
    const headers = { cookie: sys.cookie, 'x-csrf-token': sys.csrf };
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers,
      payload: {
        parentId: county.id,
        name: '',
        shortName: '农业局',
        code: 'Bad Code',
        level: 'department',
        makesRules: true,
        contact: { email: 'not-mail', postcode: '12' },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual({
      name: '请填写机构全称',
      code: expect.stringContaining('小写字母'),
      makesRules: expect.stringContaining('立法法'),
      'contact.email': '电子邮箱格式不正确',
      'contact.postcode': '邮政编码应为6位数字',
    });
    const schemaBad = await t.app.inject({ method: 'POST', url: '/api/v1/agencies', headers, payload: { name: 'x' } });
    expect(schemaBad.statusCode).toBe(400);
    expect(schemaBad.json().errors.level).toBe('此项必填');
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers,
      payload: {
        parentId: county.id,
        name: '泉州市洛江区农业农村局',
        shortName: '洛江区农业农村局',
        code: 'luojiang-nyj',
        level: 'department',
        makesRules: false,
        contact: { phone: '0595-12345678' },
      },
    });
    expect(good.statusCode).toBe(201);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers,
      payload: {
        parentId: county.id,
        name: '另一个',
        shortName: '另一个',
        code: 'luojiang-nyj',
        level: 'department',
        makesRules: false,
        contact: {},
      },
    });
    expect(dup.json().errors.code).toBe('该机构代码已被使用');
    const audit = await t.ctx.db
      .selectFrom('audit_event')
      .select(['action', 'summary'])
      .where('action', '=', 'agency.create')
      .where('summary', 'like', '%农业农村局%')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('an agency administrator creates sub-agencies within its own subtree only, audited', async () => {
    const admin = await t.login('gxj.admin');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: admin.cookie } })).json().user;
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const sub = (parentId: string | undefined, code: string, level = 'department') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/agencies',
        headers,
        payload: {
          parentId: parentId ?? null,
          name: `内设机构${code}`,
          shortName: `内设${code}`,
          code,
          level,
          makesRules: false,
          contact: {},
        },
      });
    const child = await sub(me.agencyId, 'gxj-sub-a');
    expect(child.statusCode).toBe(201);
    // Below its own sub-agency too: the whole subtree of its agency.
    const grandchild = await sub(child.json().id, 'gxj-sub-b');
    expect(grandchild.statusCode).toBe(201);
    const sys = await t.login('sys.admin');
    const all = (await t.app.inject({ url: '/api/v1/agencies', headers: { cookie: sys.cookie } })).json()
      .items as Array<{ id: string; code: string }>;
    const county = all.find((a) => a.code === 'luojiang')!;
    const sibling = all.find((a) => a.code !== 'luojiang-gxj' && a.id !== county.id && a.code.startsWith('luojiang-'))!;
    for (const outside of [county.id, sibling.id]) {
      const refused = await sub(outside, `gxj-out-${outside.slice(0, 6)}`.toLowerCase());
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'OUTSIDE_SUBTREE' });
      expect(refused.json().detail).toContain('上级机构');
    }
    expect((await sub(undefined, 'gxj-top', 'province')).statusCode).toBe(403);
    const audit = await t.ctx.db
      .selectFrom('audit_event')
      .select(['action', 'actor_name', 'summary'])
      .where('action', '=', 'agency.create')
      .where('summary', 'like', '%内设机构gxj-sub%')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actor_name === me.displayName)).toBe(true);
    expect(await t.ctx.db.selectFrom('agency').select('id').where('code', 'like', 'gxj-out-%').execute()).toEqual([]);
  });

  it('an agency administrator edits his contacts but not the tree, and cannot create system accounts', async () => {
    const admin = await t.login('gxj.admin');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: admin.cookie } })).json().user;
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${me.agencyId}`,
      headers,
      payload: { contact: { hours: '工作日 8:30—17:30' } },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().contact.hours).toBe('工作日 8:30—17:30');
    expect(patched.json().contact.phone).toBe('0595-22630152');
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/agencies/${me.agencyId}`,
          headers,
          payload: { code: 'renamed' },
        })
      ).statusCode,
    ).toBe(403);
    const sysAccount = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: {
        username: 'rogue',
        displayName: '越权',
        agencyId: me.agencyId,
        roles: ['audit_admin'],
      },
    });
    expect(sysAccount.statusCode).toBe(403);
    const clerk = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: {
        username: 'gxj.clerk2',
        displayName: '新登记员',
        agencyId: me.agencyId,
        roles: ['clerk'],
      },
    });
    expect(clerk.statusCode).toBe(201);
    const combined = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${clerk.json().id}`,
      headers,
      payload: { roles: ['clerk', 'system_admin'] },
    });
    expect(combined.statusCode).toBe(400);
    expect(combined.json().errors.roles).toContain('三员分立');
  });

  it('the portal lists the agencies by the tree and serves each 专栏 without JavaScript', async () => {
    const home = await t.app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.body).toContain('<html lang="zh-CN">');
    expect(home.body).toContain('泉州市洛江区工业和信息化局');
    expect(home.body).not.toContain('<script');
    const bureau = await t.app.inject({ url: '/gk/luojiang-gxj/' });
    expect(bureau.body).toContain('0595-22630152');
    expect(bureau.body).toContain('aria-label="当前位置"');
    expect((await t.app.inject({ url: '/gk/nope/' })).statusCode).toBe(404);
  });

  it('escapes what staff typed when the portal shows it', async () => {
    const sys = await t.login('sys.admin');
    const all = (await t.app.inject({ url: '/api/v1/agencies', headers: { cookie: sys.cookie } })).json()
      .items as Array<{ id: string; code: string }>;
    const town = all.find((a) => a.code === 'luojiang-heshi')!;
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${town.id}`,
      headers: { cookie: sys.cookie, 'x-csrf-token': sys.csrf },
      payload: { contact: { address: '<script>alert(1)</script>河市镇' } },
    });
    const page = await t.app.inject({ url: '/gk/luojiang-heshi/' });
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;河市镇');
    expect(page.body).not.toContain('<script>alert(1)');
  });

  it('serves health, readiness and the OpenAPI document', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
    const spec = await t.app.inject({ url: '/api/docs/json' });
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json().paths)).toEqual(
      expect.arrayContaining(['/api/v1/agencies', '/api/v1/users', '/api/v1/audit', '/api/v1/auth/login']),
    );
    const missing = await t.app.inject({ url: '/api/v1/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('the dashboard shows figures for the chosen agency, within reach', async () => {
    const res = await get('/api/v1/dashboard', 'gxj.clerk');
    expect(res.statusCode).toBe(200);
    expect(res.json().agency.name).toBe('泉州市洛江区工业和信息化局');
    expect(res.json().cards.map((c: { key: string }) => c.key)).toEqual([
      'agencies',
      'users',
      'locked',
      'auditToday',
      'reminders',
    ]);
  });

  it('the audit administrator reads and verifies the trail; nobody else can', async () => {
    const auditor = await t.login('audit.admin');
    const page = await t.app.inject({ url: '/api/v1/audit?limit=5', headers: { cookie: auditor.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(5);
    expect(page.json().nextCursor).not.toBeNull();
    const next = await t.app.inject({
      url: `/api/v1/audit?limit=5&cursor=${page.json().nextCursor}`,
      headers: { cookie: auditor.cookie },
    });
    expect(next.json().items[0].id).toBeLessThan(page.json().items[4].id);
    const verify = await t.app.inject({ url: '/api/v1/audit/verify', headers: { cookie: auditor.cookie } });
    expect(verify.json().ok).toBe(true);
    expect((await get('/api/v1/audit', 'sys.admin')).statusCode).toBe(403);
    const mutate = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/audit',
      headers: { cookie: auditor.cookie, 'x-csrf-token': auditor.csrf },
    });
    expect(mutate.statusCode).toBe(404);
  });
});
