/**
 * Tamper evidence without a gap (issue 15, MAJOR): a real server is loaded with submissions and
 * killed with SIGKILL; every acknowledged submission must survive, and deleting the newest 1, 10
 * or all of the events written under load must make `gongkai audit verify` exit non-zero naming
 * the missing range — before this issue anchors were written every 5 minutes and at shutdown,
 * and kill -9 left none, so a cut-off tail passed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { runCli } from '../support/cli.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../support/db.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describeEachDialect('audit tail after kill -9 under load (real server)', (dialect) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-kill-'));
  const env: Record<string, string> = {
    GONGKAI_ENV: 'development',
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_LOGIN_RATE_LIMIT: '10000',
    GONGKAI_PUBLIC_RATE_LIMIT: '10000',
    GONGKAI_LOG_LEVEL: 'warn',
  };
  let server: ChildProcess;
  let testDb: TestDb;
  let db: Db;
  const acknowledged: string[] = [];
  let eventsBeforeLoad = 0;

  beforeAll(async () => {
    // An empty database (the server migrates it and loads the demo platform).
    testDb = await createTestDb(dialect, { migrate: false });
    db = testDb.db;
    env.GONGKAI_DATABASE_URL = testDb.url;
    const port = await freePort();
    server = spawn(process.execPath, [join(ROOT, 'bin/gongkai.mjs'), 'serve', '--port', String(port)], {
      cwd: ROOT,
      env: { ...process.env, ...env, GONGKAI_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const started = Date.now();
    while (!out.includes('Gongkai 已启动')) {
      if (Date.now() - started > 120_000 || server.exitCode !== null) throw new Error(`server did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const password = new RegExp(String.raw`gxj\.clerk\s+(\S+)`).exec(out)![1]!;
    const base = `http://127.0.0.1:${port}`;
    const loginRes = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'gxj.clerk', password }),
    });
    expect(loginRes.status).toBe(200);
    const cookie = loginRes.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = ((await loginRes.json()) as { csrfToken: string }).csrfToken;
    const agencies = (await (await fetch(`${base}/api/v1/agencies`, { headers: { cookie } })).json()) as {
      items: Array<{ id: string; code: string }>;
    };
    const agencyId = agencies.items.find((a) => a.code === 'luojiang-gxj')!.id;

    eventsBeforeLoad = Number(
      (
        await db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

    // Load: concurrent submissions until the kill; only answered ones count as acknowledged.
    let killed = false;
    const worker = async () => {
      for (let i = 0; !killed && i < 10_000; i++) {
        try {
          const res = await fetch(`${base}/api/v1/applications`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
            body: JSON.stringify({
              agencyId,
              channel: 'in-person',
              applicantKind: 'natural_person',
              applicantName: '王五',
              idDocType: 'resident_id',
              idNumber: '350504199001010029',
              phone: '13900139000',
              infoDescription: `压力测试申请 ${i}`,
              deliveryForm: 'paper',
              deliveryMethod: 'pickup',
            }),
          });
          if (res.status === 201 || res.status === 200) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    await new Promise((r) => setTimeout(r, 2500));
    server.kill('SIGKILL');
    killed = true;
    await Promise.all(workers);
    await new Promise((r) =>
      server.exitCode !== null || server.signalCode !== null ? r(null) : server.once('exit', r),
    );
  }, 180_000);

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await testDb?.destroy();
  });

  async function verify() {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      return await runCli(['audit', 'verify']);
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  }

  it('every acknowledged submission survived, and the chains verify', async () => {
    expect(acknowledged.length).toBeGreaterThan(20);
    const found = await db.selectFrom('application').select('id').where('id', 'in', acknowledged).execute();
    expect(found.length).toBe(acknowledged.length);
    expect(readdirSync(join(dataDir, 'audit-anchors')).some((f) => /\.jsonl$/.test(f))).toBe(true);
    const r = await verify();
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  /** Deletes the newest `n` events of the busiest chain, runs verify, and puts them back. */
  async function withoutNewest(n: number | 'since-load') {
    const { chain } = await db
      .selectFrom('audit_event')
      .select(['chain', (eb) => eb.fn.countAll().as('n')])
      .groupBy('chain')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const all = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('chain', '=', chain)
      .orderBy('seq', 'desc')
      .execute();
    const ids = await db.selectFrom('audit_event').select('id').orderBy('id').execute();
    const firstLoadId = ids[eventsBeforeLoad]!.id;
    const doomed = n === 'since-load' ? all.filter((e) => e.id >= firstLoadId) : all.slice(0, n);
    await db
      .deleteFrom('audit_event')
      .where(
        'id',
        'in',
        doomed.map((e) => e.id),
      )
      .execute();
    try {
      return { result: await verify(), from: doomed.at(-1)!.seq, to: doomed[0]!.seq, chain };
    } finally {
      await db.insertInto('audit_event').values(doomed).execute();
    }
  }

  it.each([1, 10, 'since-load'] as const)(
    'deleting the newest %s event(s) fails verify, naming the range',
    async (n) => {
      const { result, from, to, chain } = await withoutNewest(n);
      expect(result.code).not.toBe(0);
      const range = from === to ? `第 ${from} 条` : `第 ${from}–${to} 条`;
      expect(result.stdout + result.stderr).toContain(range);
      expect(result.stdout + result.stderr).toContain(chain);
      if (n === 'since-load') expect(to - from + 1).toBeGreaterThan(20);
      expect((await verify()).code).toBe(0);
    },
  );
});
