/**
 * Builds the real app over a real test database for `inject()` tests, with a loaded demo
 * platform and known passwords.
 */
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import type { Dialect } from '../../src/db/database.ts';
import { loadDemo, type DemoCredentials } from '../../src/modules/demo/demo.service.ts';
import { buildApp, type BuildOptions } from '../../src/server/app.ts';
import type { AppContext } from '../../src/server/context.ts';
import { TestClock } from './clock.ts';
import { createTestDb, type TestDb } from './db.ts';
import { TEST_KEYS } from './keys.ts';

export const DEMO_PASSWORD = 'Demo-Passw0rd!';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  testDb: TestDb;
  demo: DemoCredentials[];
  close(): Promise<void>;
  /** Logs in and returns the cookie header and CSRF token to send with later requests. */
  login(username: string, password?: string): Promise<{ cookie: string; csrf: string }>;
  /**
   * For an account created through the API (三员分立): the security administrator approves its
   * pending changes, the holder signs in with the password handed over, changes it as forced, and
   * gets a session.
   */
  approvedLogin(username: string): Promise<{ cookie: string; csrf: string }>;
}

export async function createTestApp(
  dialect: Dialect,
  env: Record<string, string> = {},
  options: BuildOptions = {},
): Promise<TestApp> {
  const testDb = await createTestDb(dialect);
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-data-'));
  const config = loadConfig({
    GONGKAI_ENV: 'test',
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_DATABASE_URL: testDb.url.startsWith('sqlite:') ? testDb.url : 'postgres://unused',
    GONGKAI_LOGIN_RATE_LIMIT: '10000',
    GONGKAI_PUBLIC_RATE_LIMIT: '10000',
    GONGKAI_SEARCH_RATE_LIMIT: '10000',
    GONGKAI_FORM_RATE_LIMIT: '10000',
    ...env,
  });
  const clock = new TestClock();
  const ctx: AppContext = { db: testDb.db, config, ...TEST_KEYS, clock };
  const demo = await loadDemo(testDb.db, clock, {
    keys: TEST_KEYS,
    passwordMinLength: 10,
    password: () => DEMO_PASSWORD,
  });
  const app = await buildApp(ctx, options);
  // Compile every route's schemas now (Fastify does it on ready: seconds for ~150 routes), in the
  // setup hook's time, not in the first test's.
  await app.ready();
  const t: TestApp = {
    app,
    ctx,
    clock,
    testDb,
    demo,
    close: async () => {
      await app.close();
      await testDb.destroy();
    },
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'gk_session')!;
      return { cookie: `gk_session=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
    },
    async approvedLogin(username) {
      const sec = await t.login('sec.admin');
      const headers = { cookie: sec.cookie, 'x-csrf-token': sec.csrf };
      const user = await testDb.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      const pending = (
        await app.inject({ url: `/api/v1/account-changes?status=pending&userId=${user.id}`, headers })
      ).json() as { items: Array<{ id: string }> };
      let password: string | null = null;
      for (const c of pending.items) {
        const r = await app.inject({ method: 'POST', url: `/api/v1/account-changes/${c.id}/approve`, headers });
        if (r.statusCode !== 200) throw new Error(`approve failed: ${r.statusCode} ${r.body}`);
        password = (r.json() as { password: string | null }).password ?? password;
      }
      if (!password) throw new Error(`no password handed over for ${username}`);
      const first = await t.login(username, password);
      const next = `${password}-Own`;
      const change = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie: first.cookie, 'x-csrf-token': first.csrf },
        payload: { currentPassword: password, newPassword: next },
      });
      if (change.statusCode !== 204) throw new Error(`password change failed: ${change.body}`);
      return t.login(username, next);
    },
  };
  return t;
}
