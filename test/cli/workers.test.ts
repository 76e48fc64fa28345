/**
 * `gongkai serve --workers 2`, the compiled build as operators run it, on both databases:
 * requests are answered by both workers, the rate limit is counted once for the node (in the
 * primary, over IPC), /metrics adds up every worker, each job runs once although both workers
 * tick, public pages cached in each worker are dropped on the next request after a change in the
 * database, and SIGTERM stops every worker gracefully.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../support/db.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });
const BIN = new URL('../../bin/gongkai.mjs', import.meta.url).pathname;
const TOKEN = 'metrics-token-' + 'x'.repeat(20);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface LogLine {
  pid?: number;
  msg?: string;
  url?: string;
  reqId?: string;
}

function parseLines(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describeEachDialect('serve --workers 2', (dialect) => {
  let tdb: TestDb;
  let child: ChildProcess;
  let stdout = '';
  let stderr = '';
  let base = '';
  const exited = { code: null as number | null, done: false };

  beforeAll(async () => {
    tdb = await createTestDb(dialect);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const dir = mkdtempSync(join(tmpdir(), 'gk-workers-'));
    child = spawn(process.execPath, [BIN, 'serve', '--workers', '2'], {
      env: {
        ...process.env,
        GONGKAI_ENV: 'production',
        GONGKAI_SECRET: randomBytes(32).toString('hex'),
        GONGKAI_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        GONGKAI_HOST: '127.0.0.1',
        GONGKAI_PORT: String(port),
        GONGKAI_DATABASE_URL: tdb.url,
        GONGKAI_DATA_DIR: dir,
        GONGKAI_LOG_LEVEL: 'info',
        GONGKAI_PUBLIC_RATE_LIMIT: '10',
        GONGKAI_METRICS_TOKEN: TOKEN,
      },
    });
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => {
      exited.code = code;
      exited.done = true;
    });
    // Three processes load the runtime: over 100 s on a busy two-core machine.
    await until(
      'the start line',
      async () => (stdout.includes('Gongkai 已启动（2 个工作进程）') ? true : undefined),
      240_000,
    );
  });

  afterAll(async () => {
    if (!exited.done) child.kill('SIGKILL');
    await tdb.destroy();
  });

  it('serves on both workers, counts the rate limit once for the node and adds up /metrics', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const codes: number[] = [];
    for (let i = 0; i < 14; i++) codes.push((await fetch(`${base}/`)).status);
    // 10 per minute for the node: not 10 per worker (which would let all 14 through).
    expect(codes.filter((c) => c === 200)).toHaveLength(10);
    expect(codes.filter((c) => c === 429)).toHaveLength(4);
    const pids = await until('the request logs', async () => {
      const found = new Set(
        parseLines(stdout)
          .filter((l) => l.msg === 'request' && l.url === '/')
          .map((l) => l.pid),
      );
      // Log lines reach stdout a moment after the answers: wait for all 14.
      const all = parseLines(stdout).filter((l) => l.msg === 'request' && l.url === '/');
      return all.length >= 14 ? found : undefined;
    });
    expect(pids.size).toBe(2);
    // One compact line per request, each with its request id.
    const lines = parseLines(stdout).filter((l) => l.url === '/');
    expect(lines).toHaveLength(14);
    expect(new Set(lines.map((l) => l.reqId)).size).toBe(14);
    // Health probes are not logged.
    expect(parseLines(stdout).filter((l) => l.url === '/healthz')).toHaveLength(0);
    expect(pids.has(child.pid)).toBe(false);

    const metrics = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    const count = (status: number) =>
      Number(
        new RegExp(`^gongkai_http_requests_total\\{method="GET",route="/",status_code="${status}"\\} (\\d+)`, 'm').exec(
          metrics,
        )?.[1],
      );
    expect(count(200)).toBe(10);
    expect(count(429)).toBe(4);
  });

  it('runs each job once although both workers tick', async () => {
    // Jobs due far less often than the test lasts: a second run would be a duplicate.
    const jobs = ['session-purge', 'applications-sweep', 'db-statistics'];
    const runs = await until(
      'the first job runs',
      async () => {
        const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
        const found = new Map<string, number>();
        for (const m of text.matchAll(/^gongkai_job_runs_total\{job="([^"]+)",outcome="[^"]+"\} (\d+)/gm)) {
          found.set(m[1]!, (found.get(m[1]!) ?? 0) + Number(m[2]));
        }
        return jobs.every((j) => found.has(j)) ? found : undefined;
      },
      40_000,
    );
    for (const j of jobs) expect(runs.get(j), j).toBe(1);
  });

  it('caches public pages in each worker and drops them on the next request after a change', async () => {
    // The site map lists every agency; 4 requests (rate limit 10 a minute per route) reach both workers.
    const fetchMap = async () => {
      const res = await fetch(`${base}/sitemap.xml`);
      expect(res.status).toBe(200);
      return { cache: res.headers.get('x-cache'), body: await res.text() };
    };
    const before = [];
    for (let i = 0; i < 4; i++) before.push(await fetchMap());
    // Two workers, four requests: at least one worker served the page twice, from its cache.
    expect(before.filter((r) => r.cache === 'hit').length).toBeGreaterThanOrEqual(1);
    expect(before[0]!.body).not.toContain('/gk/cache-test-bureau/');
    const now = new Date().toISOString();
    await tdb.db
      .insertInto('agency')
      .values({
        id: randomBytes(8).toString('hex'),
        parent_id: null,
        name: '缓存测试局',
        short_name: '缓存测试局',
        code: 'cache-test-bureau',
        level: 'department',
        makes_rules: 0,
        contact_address: '',
        contact_postcode: '',
        contact_hours: '',
        contact_phone: '',
        contact_fax: '',
        contact_email: '',
        created_at: now,
        updated_at: now,
      })
      .execute();
    // Every worker, on its very next request: the new agency, rendered afresh.
    for (let i = 0; i < 4; i++) {
      const r = await fetchMap();
      expect(r.body).toContain('/gk/cache-test-bureau/');
      if (i === 0) expect(r.cache).toBe('miss');
    }
  });

  it('stops every worker gracefully on SIGTERM', async () => {
    child.kill('SIGTERM');
    await until('the exit', async () => (exited.done ? true : undefined), 30_000);
    expect(exited.code, stderr).toBe(0);
    const stopped = new Set(
      parseLines(stdout)
        .filter((l) => l.msg === 'shutting down')
        .map((l) => l.pid),
    );
    expect(stopped.size).toBe(2);
    await expect(fetch(`${base}/`)).rejects.toThrow();
  });
});
