/**
 * Applications benchmark (docs/benchmarks.md, section 依申请公开). Run against a database
 * filled by `gongkai synth` (200,000 applications by default):
 *
 *   GONGKAI_DATABASE_URL=sqlite:/tmp/gkapps/synth.db npx tsx bench/applications.bench.ts [--seconds 15] [--connections 20] [--heap-mb 256]
 *
 * Starts `gongkai serve` in a child process — with the heap limit of docs/operations.md
 * (`--max-old-space-size=256`; `--heap-mb 0`: none) — and with the public rate limit raised for the
 * benchmark's client (GONGKAI_PUBLIC_RATE_LIMIT=1000000, the maximum; submissions are limited at a sixth
 * of it), creates a clerk of the busiest agency, and measures:
 * 1. the staff inbox API (GET /api/v1/applications, 20 per page) — plain, state=running,
 *    due=overdue, a text search — p50/p95/p99, for the clerk of the busiest agency and for a
 *    supervisor of the whole synthetic province (pages 1–5 by number), then the supervisor paging
 *    on by cursor (nextCursor) up to page 50;
 * 2. online submissions (POST /gk/:code/apply, a valid form each time with its own submission
 *    token) sustained for --seconds with --connections in flight;
 * and samples the server's resident memory throughout (peak, and idle before the load). Prints a
 * Markdown table and the machine's load average before and after.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import http from 'node:http';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemClock } from '../src/config/clock.ts';
import { systemActor } from '../src/policies/actor.ts';
import { createUser } from '../src/modules/accounts/users.service.ts';

const arg = (name: string, fallback: number) =>
  Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || fallback) || fallback;
const SECONDS = arg('seconds', 15);
const CONNECTIONS = arg('connections', 20);
const PORT = arg('port', 3902);
const PASSWORD = 'Bench-Passw0rd!x';
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

interface Res {
  status: number;
  body: string;
  cookies: string[];
}

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
        method,
        path,
        agent,
        headers: body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            cookies: ([] as string[]).concat(res.headers['set-cookie'] ?? []),
          }),
        );
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

interface Result {
  name: string;
  requests: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** Runs `op` back to back on `connections` concurrent loops for `seconds` (`i`: the request's number, `conn`: its loop's). */
async function load(
  name: string,
  seconds: number,
  connections: number,
  op: (i: number, conn: number) => Promise<boolean>,
  maxRequests = Infinity,
): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, conn) => {
      while (Date.now() < end && i < maxRequests) {
        const n = i++;
        const t0 = performance.now();
        const ok = await op(n, conn).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return {
    name,
    requests: latencies.length,
    seconds: (Date.now() - started) / 1000,
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    errors,
  };
}

async function main() {
  const config = loadConfig(process.env);
  const db = openDatabase(config.database);
  await migrateToLatest(db);
  const busiest = await db
    .selectFrom('application')
    .select(['agency_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('agency_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const agency = await db
    .selectFrom('agency')
    .select(['id', 'code'])
    .where('id', '=', busiest.agency_id)
    .executeTakeFirstOrThrow();
  const total = await db
    .selectFrom('application')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const username = `bench.clerk.${Date.now()}`;
  await createUser(
    db,
    systemActor('性能测试'),
    {
      username,
      displayName: '性能测试登记员',
      agencyId: agency.id,
      roles: ['clerk'],
      password: PASSWORD,
      reachAgencyId: null,
    },
    { passwordMinLength: 10 },
    systemClock,
  );
  // A 主管部门 supervisor whose reach is the whole synthetic province: the inbox over every application.
  const root = await db.selectFrom('agency').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  await createUser(
    db,
    systemActor('性能测试'),
    {
      username: `${username}.sup`,
      displayName: '性能测试监督员',
      agencyId: root.id,
      roles: ['supervisor'],
      password: PASSWORD,
      reachAgencyId: root.id,
    },
    { passwordMinLength: 10 },
    systemClock,
  );
  await db.destroy();
  console.log(`数据库共 ${Number(total.n)} 件申请；收件箱测的机构有 ${Number(busiest.n)} 件`);

  // The heap limit operators set when memory is budgeted (docs/operations.md), as bench/catalog.bench.ts; `--heap-mb 0` runs without one.
  const heapMb = process.argv.includes('--heap-mb') ? Number(process.argv[process.argv.indexOf('--heap-mb') + 1]) : 256;
  console.log(heapMb > 0 ? `服务器堆上限 --max-old-space-size=${heapMb}` : '服务器不设堆上限');
  const server = spawn(
    process.execPath,
    [...(heapMb > 0 ? [`--max-old-space-size=${heapMb}`] : []), 'bin/gongkai.mjs', 'serve'],
    {
      env: {
        ...process.env,
        GONGKAI_PORT: String(PORT),
        GONGKAI_HOST: '127.0.0.1',
        GONGKAI_PUBLIC_RATE_LIMIT: '1000000',
        GONGKAI_LOGIN_RATE_LIMIT: '100000',
        GONGKAI_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  for (let k = 0; k < 120; k++) {
    try {
      await send('GET', '/healthz');
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const idleRss = rss();
  const loadBefore = loadavg();
  let peakRss = idleRss;
  const sampler = setInterval(() => {
    try {
      peakRss = Math.max(peakRss, rss());
    } catch {
      /* exited */
    }
  }, 200);

  const login = await send(
    'POST',
    '/api/v1/auth/login',
    { 'content-type': 'application/json' },
    JSON.stringify({ username, password: PASSWORD }),
  );
  const session = login.cookies.find((c) => c.startsWith('gk_session='))!.split(';')[0]!;
  const filters = ['', '&state=running', '&due=overdue', `&q=${encodeURIComponent('合成申请内容1')}`];
  const results: Result[] = [];
  await load(
    '预热',
    2,
    4,
    async (i) =>
      (await send('GET', `/api/v1/applications?agencyId=${agency.id}${filters[i % 4]}`, { cookie: session })).status ===
      200,
  );
  results.push(
    await load(
      '收件箱 API：一个机关（4种筛选轮换，每页20件）',
      SECONDS,
      10,
      async (i) =>
        (
          await send('GET', `/api/v1/applications?agencyId=${agency.id}&page=${1 + (i % 5)}${filters[i % 4]}`, {
            cookie: session,
          })
        ).status === 200,
    ),
  );
  const sup = await send(
    'POST',
    '/api/v1/auth/login',
    { 'content-type': 'application/json' },
    JSON.stringify({ username: `${username}.sup`, password: PASSWORD }),
  );
  const supSession = sup.cookies.find((c) => c.startsWith('gk_session='))!.split(';')[0]!;
  results.push(
    await load(
      '收件箱 API：全省主管部门（全部申请，4种筛选轮换）',
      SECONDS,
      10,
      async (i) =>
        (
          await send('GET', `/api/v1/applications?agencyId=${root.id}&page=${1 + (i % 5)}${filters[i % 4]}`, {
            cookie: supSession,
          })
        ).status === 200,
    ),
  );
  // Deep pages: each connection follows nextCursor from page 1 to page 50, then starts again.
  const cursors: Array<string | null> = Array.from({ length: 10 }, () => null);
  const pagesWalked: number[] = Array.from({ length: 10 }, () => 0);
  results.push(
    await load('收件箱 API：全省主管部门按位置翻页（nextCursor，第1–50页）', SECONDS, 10, async (_, c) => {
      const r = await send(
        'GET',
        `/api/v1/applications?agencyId=${root.id}${cursors[c] ? `&cursor=${cursors[c]}` : ''}`,
        { cookie: supSession },
      );
      const next = r.status === 200 ? (JSON.parse(r.body) as { nextCursor: string | null }).nextCursor : null;
      pagesWalked[c] = next && pagesWalked[c]! < 49 ? pagesWalked[c]! + 1 : 0;
      cursors[c] = pagesWalked[c] === 0 ? null : next;
      return r.status === 200;
    }),
  );

  const form = await send('GET', `/gk/${agency.code}/apply`);
  const formCookie = form.cookies.find((c) => c.startsWith('gk_form='))!.split(';')[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const fields = (i: number) =>
    new URLSearchParams({
      csrf,
      submission: `bench${process.pid}x${i}xxxxxxxx`,
      website: '',
      applicantKind: 'natural_person',
      applicantName: '性能测试',
      idDocType: 'resident_id',
      idNumber: '350504199001010029',
      phone: '13900139000',
      email: '',
      address: '',
      postcode: '',
      infoTitle: '',
      infoDocNumber: '',
      infoDescription: `性能测试申请${i}`,
      deliveryForm: 'electronic',
      deliveryMethod: 'online',
    }).toString();
  results.push(
    await load('网上提交申请 POST /gk/:code/apply', SECONDS, CONNECTIONS, async (i) => {
      const r = await send(
        'POST',
        `/gk/${agency.code}/apply`,
        { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie },
        fields(i),
      );
      return r.status === 200 && r.body.includes('申请已提交');
    }),
  );
  clearInterval(sampler);
  server.kill('SIGTERM');
  agent.destroy();

  console.log(`\n| 测量 | 请求/秒 | p50 (ms) | p95 (ms) | p99 (ms) | 错误 |\n|---|---|---|---|---|---|`);
  for (const r of results)
    console.log(
      `| ${r.name} | ${(r.requests / r.seconds).toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`,
    );
  console.log(`\n服务器峰值常驻内存 ${peakRss.toFixed(0)} MB（启动后空闲 ${idleRss.toFixed(0)} MB）`);
  const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`负载（loadavg 1/5/15 分钟）：开始 ${la(loadBefore)}，结束 ${la(loadavg())}`);
}

await main();
