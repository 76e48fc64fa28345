import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';
import { systemActor } from '../../policies/actor.ts';
import { findUserByUsername } from '../accounts/users.repository.ts';
import { setPassword } from '../accounts/users.service.ts';

describeEachDialect('a password that must be changed at next login', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function forceChange(username: string, password: string) {
    const user = (await findUserByUsername(t.ctx.db, username))!;
    await setPassword(
      t.ctx.db,
      systemActor('测试'),
      user,
      password,
      { action: 'user.password_reset', summary: `重置 ${username}`, mustChange: true },
      t.clock,
    );
  }

  it('login says so; the API refuses all but me, the password change and logout; the change lifts it', async () => {
    await forceChange('gxj.clerk', 'Temp-Passw0rd-1');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'gxj.clerk', password: 'Temp-Passw0rd-1' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.mustChangePassword).toBe(true);
    const cookie = `gk_session=${res.cookies.find((c) => c.name === 'gk_session')!.value}`;
    const csrf = res.json().csrfToken as string;
    const headers = { cookie, 'x-csrf-token': csrf };

    const refused = await t.app.inject({ url: '/api/v1/applications', headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(refused.json().detail).toContain('修改密码');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);

    // The policy still applies to the new password, and the same password is refused.
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: 'Temp-Passw0rd-1', newPassword: 'Temp-Passw0rd-1' },
    });
    expect(same.statusCode).toBe(400);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: 'Temp-Passw0rd-1', newPassword: 'Own-Chosen-Passw0rd' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers })).json().user.mustChangePassword).toBe(false);
    expect((await t.app.inject({ url: '/api/v1/applications', headers })).statusCode).toBe(200);
    const audit = await t.ctx.db
      .selectFrom('audit_event')
      .select(['action', 'after_json'])
      .where('action', 'in', ['user.password_reset', 'user.password_change'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['user.password_reset', 'user.password_change']);
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ mustChangePassword: true });
  });

  it('logout is allowed while the change is pending', async () => {
    await forceChange('gxj.handler', 'Temp-Passw0rd-2');
    const s = await t.login('gxj.handler', 'Temp-Passw0rd-2');
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.statusCode).toBe(204);
  });

  it('an API token of an account whose password must be changed does nothing', async () => {
    const admin = await t.login('sys.admin', DEMO_PASSWORD);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { name: '数据交换', scopes: ['calendar.read'] },
    });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/calendar/years', headers: auth })).statusCode).not.toBe(403);
    await forceChange('sys.admin', 'Temp-Passw0rd-3');
    const refused = await t.app.inject({ url: '/api/v1/calendar/years', headers: auth });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});
