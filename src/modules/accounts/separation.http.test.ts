import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';

type Session = { cookie: string; csrf: string } | { token: string };

// Issue 15 (MAJOR): sys.admin could create an office-head account, or reset an office head's
// password, log in as it and read applicants' ID numbers. Every path below must now end without
// the asker holding a business role's powers until a security administrator approves.
describeEachDialect('三员分立: role grants and password resets wait for the 安全保密管理员', (dialect) => {
  let t: TestApp;
  let agencyId: string;
  const s: Record<string, { cookie: string; csrf: string }> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    agencyId = (
      await t.ctx.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
    for (const u of ['sys.admin', 'sec.admin', 'audit.admin', 'gxj.admin']) s[u] = await t.login(u);
  });
  afterAll(async () => t.close());

  const call = (who: Session, method: string, url: string, payload?: unknown) =>
    t.app.inject({
      method: method as 'GET',
      url,
      payload: payload as object,
      headers:
        'token' in who ? { authorization: `Bearer ${who.token}` } : { cookie: who.cookie, 'x-csrf-token': who.csrf },
    });
  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const userId = async (username: string) =>
    (await t.ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  /** Signs in with a password someone handed over and makes the forced first change. */
  async function firstLogin(username: string, password: string) {
    const res = await login(username, password);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.mustChangePassword).toBe(true);
    const session = {
      cookie: `gk_session=${res.cookies.find((c) => c.name === 'gk_session')!.value}`,
      csrf: res.json().csrfToken as string,
    };
    expect((await call(session, 'GET', `/api/v1/applications?agencyId=${agencyId}`)).statusCode).toBe(403);
    const change = await call(session, 'POST', '/api/v1/auth/password', {
      currentPassword: password,
      newPassword: 'Own-Choice-Passw0rd',
    });
    expect(change.statusCode).toBe(204);
    return session;
  }
  const pendingOf = async (id: string) =>
    (await call(s['sec.admin']!, 'GET', `/api/v1/account-changes?status=pending&userId=${id}`)).json().items as Array<{
      id: string;
      kind: string;
    }>;
  const approve = (changeId: string, who = s['sec.admin']!) =>
    call(who, 'POST', `/api/v1/account-changes/${changeId}/approve`);

  it('sys.admin creating an office head gets an account with no role and no known password', async () => {
    const create = await call(s['sys.admin']!, 'POST', '/api/v1/users', {
      username: 'new.head',
      displayName: '新主任',
      agencyId,
      roles: ['office_head'],
    });
    expect(create.statusCode).toBe(201);
    expect(create.json()).toMatchObject({ roles: [], pendingChanges: [{ kind: 'grant', roles: ['office_head'] }] });
    // A password of his choosing is refused: the asker never knows the account's password.
    const withPassword = await call(s['sys.admin']!, 'POST', '/api/v1/users', {
      username: 'new.head2',
      displayName: '新主任',
      agencyId,
      roles: ['office_head'],
      password: 'Chosen-Passw0rd!',
    });
    expect(withPassword.statusCode).toBe(400);
    expect(withPassword.json().errors.password).toContain('安全保密管理员');
    const [pending] = await pendingOf(create.json().id);
    // sys.admin cannot approve his own request; the audit administrator sees it but cannot approve.
    expect((await approve(pending!.id, s['sys.admin'])).statusCode).toBe(403);
    expect((await call(s['audit.admin']!, 'GET', '/api/v1/account-changes?status=pending')).json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: pending!.id, username: 'new.head' })]),
    );
    expect((await approve(pending!.id, s['audit.admin'])).statusCode).toBe(403);
    const approved = await approve(pending!.id);
    expect(approved.statusCode).toBe(200);
    const password = approved.json().password as string;
    expect(password).toMatch(/.{16}/);
    // Only the holder, with the password the approver handed over, and only after the forced change.
    const head = await firstLogin('new.head', password);
    expect((await call(head, 'GET', `/api/v1/applications?agencyId=${agencyId}`)).statusCode).toBe(200);
    expect((await approve(pending!.id)).statusCode).toBe(409);
  });

  it('creating a clerk and then changing its role: the new role waits; the holder sees it', async () => {
    const create = await call(s['sys.admin']!, 'POST', '/api/v1/users', {
      username: 'new.clerk',
      displayName: '新登记员',
      agencyId,
      roles: ['clerk'],
    });
    const id = create.json().id as string;
    const grant = (await pendingOf(id))[0]!;
    const clerk = await firstLogin('new.clerk', (await approve(grant.id)).json().password);
    const patch = await call(s['sys.admin']!, 'PATCH', `/api/v1/users/${id}`, { roles: ['office_head'] });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({
      roles: ['clerk'],
      pendingChanges: [{ kind: 'grant', roles: ['office_head'] }],
    });
    const own = (await call(clerk, 'GET', '/api/v1/account')).json();
    expect(own).toMatchObject({ roles: ['clerk'], pendingChanges: [{ kind: 'grant', roles: ['office_head'] }] });
    // The holder's view is their account; the list of changes is the administrators'.
    expect((await call(clerk, 'GET', `/api/v1/account-changes?userId=${id}`)).statusCode).toBe(403);
    // Still only a clerk: cannot approve an extension's worth of powers.
    const me = (await call(clerk, 'GET', '/api/v1/auth/me')).json();
    expect(me.user.permissions).not.toContain('applications.approve');
    const [change] = await pendingOf(id);
    const reject = await call(s['sec.admin']!, 'POST', `/api/v1/account-changes/${change!.id}/reject`, {
      note: '未经批准',
    });
    expect(reject.statusCode).toBe(200);
    expect((await call(clerk, 'GET', '/api/v1/auth/me')).json().user.roles).toEqual(['clerk']);
    // Taking a role away needs no approval.
    const removed = await call(s['sys.admin']!, 'PATCH', `/api/v1/users/${id}`, { roles: ['handler', 'clerk'] });
    expect(removed.json().roles).toEqual(['clerk']);
  });

  it('an agency administrator created by sys.admin cannot create a business account without approval either', async () => {
    const create = await call(s['sys.admin']!, 'POST', '/api/v1/users', {
      username: 'new.admin',
      displayName: '新机构管理员',
      agencyId,
      roles: ['agency_admin'],
    });
    const grant = (await pendingOf(create.json().id))[0]!;
    const admin = await firstLogin('new.admin', (await approve(grant.id)).json().password);
    const clerk = await call(admin, 'POST', '/api/v1/users', {
      username: 'admins.clerk',
      displayName: '某登记员',
      agencyId,
      roles: ['office_head'],
    });
    expect(clerk.statusCode).toBe(201);
    expect(clerk.json().roles).toEqual([]);
    // and cannot reset a colleague's password to sign in as him.
    const reset = await call(admin, 'POST', `/api/v1/users/${await userId('gxj.head')}/password`, {});
    expect(reset.statusCode).toBe(202);
    expect((await login('gxj.head', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('resetting a business account’s or an agency administrator’s password: the approver gets the password', async () => {
    for (const username of ['gxj.handler', 'gxj.admin']) {
      const id = await userId(username);
      const withPassword = await call(s['sys.admin']!, 'POST', `/api/v1/users/${id}/password`, {
        password: 'Chosen-Passw0rd!',
      });
      expect(withPassword.statusCode).toBe(400);
      const reset = await call(s['sys.admin']!, 'POST', `/api/v1/users/${id}/password`, {});
      expect(reset.statusCode).toBe(202);
      // Nothing changed yet: the holder's own password still works.
      expect((await login(username, DEMO_PASSWORD)).statusCode).toBe(200);
      const change = (await pendingOf(id)).find((c) => c.kind === 'password_reset')!;
      const approved = await approve(change.id);
      expect(approved.statusCode).toBe(200);
      expect((await login(username, DEMO_PASSWORD)).statusCode).toBe(401);
      await firstLogin(username, approved.json().password);
    }
  });

  it('sys.admin cannot create his own approver, and nobody approves a change of his own account', async () => {
    const create = await call(s['sys.admin']!, 'POST', '/api/v1/users', {
      username: 'sec.two',
      displayName: '第二安全员',
      agencyId: (
        await t.ctx.db
          .selectFrom('app_user')
          .select('agency_id')
          .where('username', '=', 'sys.admin')
          .executeTakeFirstOrThrow()
      ).agency_id,
      roles: ['security_admin'],
    });
    expect(create.json().roles).toEqual([]);
    const secId = await userId('sec.admin');
    expect((await call(s['sys.admin']!, 'POST', `/api/v1/users/${secId}/password`, {})).statusCode).toBe(202);
    const own = (await pendingOf(secId))[0]!;
    expect((await approve(own.id)).statusCode).toBe(403);
  });

  it('an API token cannot manage accounts or approve changes', async () => {
    const created = await call(s['sys.admin']!, 'POST', '/api/v1/tokens', { name: '测试', scopes: ['agencies.read'] });
    expect(created.statusCode).toBe(201);
    const token = { token: created.json().token as string };
    const make = await call(token, 'POST', '/api/v1/users', {
      username: 'tok.head',
      displayName: 'x',
      agencyId,
      roles: ['office_head'],
    });
    expect(make.statusCode).toBe(403);
    const list = await call(token, 'GET', '/api/v1/account-changes');
    expect(list.statusCode).toBe(403);
    expect((await call(token, 'GET', `/api/v1/applications?agencyId=${agencyId}`)).statusCode).toBe(403);
  });

  it('every step is in the audit trail', async () => {
    const actions = (await t.ctx.db.selectFrom('audit_event').select('action').execute()).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.change_requested', 'user.change_approved', 'user.change_rejected']),
    );
  });
});
