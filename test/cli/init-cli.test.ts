/**
 * `gongkai init` and `gongkai user reset-password` as an operator runs them on a production
 * install: real processes, passwords on standard input, real databases.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createUser } from '../../src/modules/accounts/users.service.ts';
import { systemActor } from '../../src/policies/actor.ts';
import { buildApp } from '../../src/server/app.ts';
import { TestClock } from '../support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../support/db.ts';
import { productionEnv } from '../support/cli.ts';

vi.setConfig({ testTimeout: 120_000 });
const BIN = new URL('../../bin/gongkai.mjs', import.meta.url).pathname;

function gongkai(args: string[], env: Record<string, string>, input = '') {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

const P1 = 'Root-Admin-2026!';
const P2 = 'Root-Sec-2026!x';
const P3 = 'Root-Audit-2026!';
const INIT = [
  'init',
  '--agency',
  '福建省人民政府办公厅',
  '--admin',
  'root.admin',
  '--security-admin',
  'root.sec',
  '--audit-admin',
  'root.audit',
  '--password-stdin',
];

describeEachDialect('gongkai init and user reset-password', (dialect) => {
  let t: TestDb;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createTestDb(dialect, { migrate: false });
    env = productionEnv(t.url, mkdtempSync(join(tmpdir(), 'gk-init-')));
    expect((await gongkai(['migrate'], env)).code).toBe(0);
  });
  afterAll(async () => t.destroy());

  const counts = async () => ({
    agencies: (await t.db.selectFrom('agency').select('id').execute()).length,
    users: (await t.db.selectFrom('app_user').select('id').execute()).length,
    audit: (await t.db.selectFrom('audit_event').select('id').execute()).length,
  });

  it('refuses bad input before touching anything: weak password, a missing line, a repeated username', async () => {
    const weak = await gongkai(INIT, env, `${P1}\nshort\n${P3}\n`);
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('安全保密管理员：密码至少');
    expect(weak.stderr).not.toMatch(/\n\s+at /);
    const missing = await gongkai(INIT, env, `${P1}\n${P2}\n`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('3 行密码');
    const repeated = await gongkai(
      INIT.map((a) => (a === 'root.audit' ? 'root.sec' : a)),
      env,
      `${P1}\n${P2}\n${P3}\n`,
    );
    expect(repeated.code).not.toBe(0);
    expect(repeated.stderr).toContain('三员分立');
    expect(await counts()).toEqual({ agencies: 0, users: 0, audit: 0 });
  });

  it('creates the root agency and the three administrators, each to change the password at first login', async () => {
    const r = await gongkai(INIT, env, `${P1}\n${P2}\n${P3}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('福建省人民政府办公厅');
    const users = await t.db
      .selectFrom('app_user')
      .innerJoin('user_role', 'user_role.user_id', 'app_user.id')
      .select(['username', 'role', 'must_change_password'])
      .orderBy('username')
      .execute();
    expect(users.map((u) => [u.username, u.role, Number(u.must_change_password)])).toEqual([
      ['root.admin', 'system_admin', 1],
      ['root.audit', 'audit_admin', 1],
      ['root.sec', 'security_admin', 1],
    ]);
    const actions = (await t.db.selectFrom('audit_event').select(['action', 'actor_name']).execute()).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(['agency.create', 'user.create', 'user.create', 'user.create']);

    // The administrator logs in with the password from standard input and is asked to change it.
    const clock = new TestClock();
    const config = loadConfig({ ...env, GONGKAI_SECURE_COOKIES: 'true' });
    const app = await buildApp({
      db: t.db,
      config,
      secret: env.GONGKAI_SECRET!,
      encryptionKey: 'ab'.repeat(32),
      clock,
    });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'root.admin', password: P1 },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json()).toMatchObject({ user: { username: 'root.admin', mustChangePassword: true } });
    } finally {
      await app.close();
    }
  });

  it('refuses a second init, changing nothing, with a non-zero exit', async () => {
    const before = await counts();
    const again = await gongkai(INIT, env, `${P1}\n${P2}\n${P3}\n`);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('已初始化');
    expect(await counts()).toEqual(before);
  });

  it('reset-password: system accounts only, policy applied, audited, forced change', async () => {
    await t.db.updateTable('app_user').set({ must_change_password: 0, failed_logins: 5 }).execute();
    const weak = await gongkai(['user', 'reset-password', 'root.sec', '--password-stdin'], env, 'weak\n');
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('密码至少');
    const ok = await gongkai(['user', 'reset-password', 'ROOT.SEC', '--password-stdin'], env, 'New-Secret-2026!\n');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const sec = await t.db
      .selectFrom('app_user')
      .select(['must_change_password', 'failed_logins'])
      .where('username', '=', 'root.sec')
      .executeTakeFirstOrThrow();
    expect([Number(sec.must_change_password), Number(sec.failed_logins)]).toEqual([1, 0]);
    const event = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_name', 'summary'])
      .where('action', '=', 'user.password_reset')
      .executeTakeFirstOrThrow();
    expect(event.actor_name).toBe('服务器控制台（命令行）');
    expect(event.summary).toContain('root.sec');

    const agency = await t.db.selectFrom('agency').select('id').executeTakeFirstOrThrow();
    await createUser(
      t.db,
      systemActor(),
      { username: 'clerk.one', displayName: '办事员', agencyId: agency.id, roles: ['clerk'], password: P1 },
      { passwordMinLength: 10 },
      new TestClock(),
    );
    const business = await gongkai(
      ['user', 'reset-password', 'clerk.one', '--password-stdin'],
      env,
      'New-Secret-2026!\n',
    );
    expect(business.code).not.toBe(0);
    expect(business.stderr).toContain('不是系统账号');
    const nobody = await gongkai(['user', 'reset-password', 'no.one', '--password-stdin'], env, 'New-Secret-2026!\n');
    expect(nobody.code).toBe(3);
    expect(nobody.stderr).toContain('不存在');
  });
});
