import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';

describeEachDialect('authentication over HTTP', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('logs in with a session cookie (HttpOnly, SameSite=Strict) and reports the user and permissions', async () => {
    const res = await login('gxj.clerk', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gk_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.user).toMatchObject({
      username: 'gxj.clerk',
      agencyName: '泉州市洛江区工业和信息化局',
      roles: ['clerk'],
    });
    expect(body.user.permissions).not.toContain('users.manage');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: `gk_session=${cookie.value}` } });
    expect(me.json().user.username).toBe('gxj.clerk');
  });

  it('five wrong passwords lock the account for 15 minutes, even for the right password', async () => {
    for (let i = 1; i <= 4; i++) {
      const res = await login('gxj.handler', 'wrong-password');
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', detail: '用户名或密码不正确' });
    }
    const fifth = await login('gxj.handler', 'wrong-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().detail).toContain('锁定');
    expect((await login('gxj.handler', DEMO_PASSWORD)).statusCode).toBe(423);
    t.clock.advanceMinutes(16);
    expect((await login('gxj.handler', DEMO_PASSWORD)).statusCode).toBe(200);
    const audit = await t.ctx.db.selectFrom('audit_event').select('action').where('action', 'like', 'auth.%').execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.login_failed', 'auth.locked', 'auth.login']),
    );
  });

  it('the security administrator unlocks a locked account', async () => {
    for (let i = 0; i < 5; i++) await login('gxj.reviewer', 'wrong');
    expect((await login('gxj.reviewer', DEMO_PASSWORD)).statusCode).toBe(423);
    const sec = await t.login('sec.admin');
    const users = (await t.app.inject({ url: '/api/v1/users', headers: { cookie: sec.cookie } })).json()
      .items as Array<{ id: string; username: string; lockedUntil: string | null }>;
    const reviewer = users.find((u) => u.username === 'gxj.reviewer')!;
    expect(reviewer.lockedUntil).not.toBeNull();
    const unlock = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${reviewer.id}/unlock`,
      headers: { cookie: sec.cookie, 'x-csrf-token': sec.csrf },
    });
    expect(unlock.statusCode).toBe(200);
    expect((await login('gxj.reviewer', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('a clerk gets 403 from user management', async () => {
    const clerk = await t.login('gxj.clerk');
    const list = await t.app.inject({ url: '/api/v1/users', headers: { cookie: clerk.cookie } });
    expect(list.statusCode).toBe(403);
    expect(list.json()).toMatchObject({ code: 'FORBIDDEN', detail: '您没有执行此操作的权限' });
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
      payload: { username: 'x.y', displayName: 'x', agencyId: 'a', roles: ['clerk'], password: 'Abcdefgh-123' },
    });
    expect(create.statusCode).toBe(403);
  });

  it('changes need the session CSRF token and a same-site origin', async () => {
    const admin = await t.login('gxj.admin');
    const payload = { currentPassword: DEMO_PASSWORD, newPassword: 'New-Passw0rd-2026' };
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: admin.cookie },
      payload,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_FAILED');
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, origin: 'https://evil.example', host: 'localhost' },
      payload,
    });
    expect(foreign.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload,
    });
    expect(ok.statusCode).toBe(204);
    expect((await login('gxj.admin', 'New-Passw0rd-2026')).statusCode).toBe(200);
  });

  it('sessions expire after the idle limit', async () => {
    const s = await t.login('gxj.approver');
    t.clock.advanceMinutes(31);
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('UNAUTHENTICATED');
  });

  it('the idle timer restarts at every request, not once a minute', async () => {
    const s = await t.login('gxj.reviewer');
    const me = () => t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    // Active 30 s after signing in; then idle for 29 min 50 s: 10 s short of the 30-minute limit.
    // (The timer moved once a minute before: the session counted as idle since sign-in and ended.)
    t.clock.advanceSeconds(30);
    expect((await me()).statusCode).toBe(200);
    t.clock.advanceSeconds(29 * 60 + 50);
    expect((await me()).statusCode).toBe(200);
    // And it still ends once the whole limit has passed since the last request.
    t.clock.advanceSeconds(30 * 60);
    expect((await me()).statusCode).toBe(401);
  });

  it('logout ends the session', async () => {
    const s = await t.login('gxj.head');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/logout',
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        })
      ).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('scoped API tokens: created once in plaintext, limited to their scopes, revocable', async () => {
    const sys = await t.login('sys.admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: sys.cookie, 'x-csrf-token': sys.csrf },
      payload: { name: '省级平台', scopes: ['agencies.read'] },
    });
    expect(created.statusCode).toBe(201);
    const { token, item } = created.json();
    expect(token).toMatch(/^gk_/);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/agencies', headers: bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/users', headers: bearer })).statusCode).toBe(403);
    const stored = await t.ctx.db.selectFrom('api_token').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(3));
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${item.id}`,
      headers: { cookie: sys.cookie, 'x-csrf-token': sys.csrf },
    });
    const revoked = await t.app.inject({ url: '/api/v1/agencies', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().detail).toContain('吊销');
  });

  it('rate-limits login attempts per client address', { timeout: 120_000 }, async () => {
    const limited = await createTestApp(dialect, { GONGKAI_LOGIN_RATE_LIMIT: '3' });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (
            await limited.app.inject({
              method: 'POST',
              url: '/api/v1/auth/login',
              payload: { username: 'nobody', password: 'x' },
            })
          ).statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
