/**
 * Public page cache and batch reports (issue 20; docs/benchmarks.md, section "Issue 20").
 * Run against a database filled by `gongkai synth` (5,000 agencies):
 *
 *   GONGKAI_DATABASE_URL=sqlite:/tmp/gkbench/synth.db npx tsx bench/page-cache.bench.ts [--seconds 10] [--connections 20] [--workers 1] [--batch-year 2025]
 *
 * 1. Bare baseline: the list page's SQL (findPublic, the repository function the page calls,
 *    first page of an agency's catalog) through the driver, agencies drawn Zipf-like (s = 1)
 *    over every agency with items — not one hot page.
 * 2. `gongkai serve` with the page cache off (GONGKAI_PAGE_CACHE_MB=0), then on, under the same
 *    URL mix (/gk/:code/catalog), keep-alive connections: requests/s, p50/p99, cache hits, the
 *    server's peak RSS, and the load average around each window (the machine is shared).
 * 3. `report batch` of the whole platform (JSON, the live reports) in this process.
 * Prints Markdown tables for docs/benchmarks.md. Measures; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/connect.ts';
import { batchReports } from '../src/modules/reports/reports.batch.ts';
import { findPublic } from '../src/modules/search/search.repository.ts';

const arg = (name: string, fallback: number) =>
  Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || fallback) || fallback;
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 20);
const WORKERS = arg('workers', 1);
const PORT = arg('port', 3921);
const BATCH_YEAR = arg('batch-year', 2025);

interface Result {
  name: string;
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  hits: number;
  load: string;
  rss?: number;
}

/** Agencies drawn Zipf-like: the k-th most popular with weight 1/k. */
function zipf(n: number, seed = 7): () => number {
  const cum: number[] = [];
  let total = 0;
  for (let k = 1; k <= n; k++) cum.push((total += 1 / k));
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * total;
  return () => {
    const r = random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const load1 = () => loadavg()[0]!.toFixed(1);

async function load(name: string, seconds: number, concurrency: number, next: () => Promise<boolean>): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let hits = 0;
  const before = load1();
  const start = Date.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        try {
          if (await next()) hits++;
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return {
    name,
    requests: latencies.length,
    seconds: (Date.now() - start) / 1000,
    p50: q(0.5),
    p99: q(0.99),
    errors,
    hits,
    load: `${before}→${load1()}`,
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
/** GET; resolves whether the server answered from its page cache. */
function get(path: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: PORT, path, agent }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200 ? resolve(res.headers['x-cache'] === 'hit') : reject(new Error(String(res.statusCode))),
      );
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

async function serve(cacheMb: number): Promise<{ child: ChildProcess; peak: () => number; stop: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gk-bench-pc-'));
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=256', 'bin/gongkai.mjs', 'serve', '--workers', String(WORKERS)],
    {
      env: {
        ...process.env,
        GONGKAI_PORT: String(PORT),
        GONGKAI_HOST: '127.0.0.1',
        GONGKAI_PUBLIC_RATE_LIMIT: '1000000',
        GONGKAI_LOG_LEVEL: 'warn',
        GONGKAI_PAGE_CACHE_MB: String(cacheMb),
        GONGKAI_DATA_DIR: process.env.GONGKAI_DATA_DIR ?? dataDir,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  // Start-up takes a minute or more on a busy machine (through tsx in a source checkout).
  let up = false;
  for (let k = 0; k < 1200 && !up; k++) {
    up = await get('/healthz').then(
      () => true,
      async () => {
        await new Promise((r) => setTimeout(r, 500));
        return false;
      },
    );
  }
  if (!up) throw new Error('the server did not start within 10 minutes');
  // RSS of the server and its workers (the largest process: a worker's own memory).
  let peak = 0;
  const pids = () => {
    try {
      const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/);
      return [String(child.pid), ...children.filter(Boolean)];
    } catch {
      return [String(child.pid)];
    }
  };
  const sampler = setInterval(() => {
    for (const pid of pids()) {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, kb / 1024);
      } catch {
        /* gone */
      }
    }
  }, 250);
  return {
    child,
    peak: () => peak,
    stop: () => {
      clearInterval(sampler);
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const config = loadConfig();
  const db = openDatabase(config.database, { poolSize: CONNECTIONS });
  const withItems = (await db.selectFrom('catalog_item').select('agency_id').distinct().execute()).map(
    (r) => r.agency_id,
  );
  const codeById = new Map((await db.selectFrom('agency').select(['id', 'code']).execute()).map((r) => [r.id, r.code]));
  const ids = withItems.filter((id) => codeById.has(id));
  const pick = zipf(ids.length);
  const nowIso = new Date().toISOString();
  const today = nowIso.slice(0, 10);

  const results: Result[] = [];
  const bare = config.database.kind === 'sqlite' ? 1 : CONNECTIONS;
  results.push(
    await load('直连：目录列表查询（findPublic，首页 20 条）', SECONDS, bare, async () => {
      await findPublic(db, {
        words: [],
        agency: { id: ids[pick()]!, subtree: false },
        order: 'date',
        nowIso,
        today,
        limit: 20,
        offset: 0,
        text: 'none',
      });
      return false;
    }),
  );

  for (const cacheMb of [0, 64]) {
    const server = await serve(cacheMb);
    const url = () => `/gk/${codeById.get(ids[pick()]!)!}/catalog`;
    await load('预热', 3, CONNECTIONS, () => get(url()));
    const r = await load(
      `目录列表页 /gk/:code/catalog，页面缓存${cacheMb ? `开（${cacheMb} MB）` : '关'}，${WORKERS} 个工作进程`,
      SECONDS,
      CONNECTIONS,
      () => get(url()),
    );
    r.rss = server.peak();
    results.push(r);
    server.stop();
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
  agent.destroy();

  const rps = (r: Result) => r.requests / r.seconds;
  console.log(
    `\n| 测量 | 请求/秒 | p50 (ms) | p99 (ms) | 缓存命中 | 错误 | 峰值 RSS | 负载 |\n|---|---|---|---|---|---|---|---|`,
  );
  for (const r of results)
    console.log(
      `| ${r.name} | ${rps(r).toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.requests ? ((100 * r.hits) / r.requests).toFixed(0) : 0} % | ${r.errors} | ${r.rss ? `${r.rss.toFixed(0)} MB` : '—'} | ${r.load} |`,
    );
  const [bareList, off, on] = results;
  console.log(
    `\n页面/直连比：缓存关 ${(rps(off!) / rps(bareList!)).toFixed(2)}（p99 ${(off!.p99 / bareList!.p99).toFixed(1)}×），缓存开 ${(rps(on!) / rps(bareList!)).toFixed(2)}（p99 ${(on!.p99 / bareList!.p99).toFixed(1)}×）`,
  );

  // All reports of the platform: the root of the tree, live reports as JSON.
  const root = await db.selectFrom('agency').select('code').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const out = mkdtempSync(join(tmpdir(), 'gk-bench-batch-'));
  const before = load1();
  const summary = await batchReports(
    db,
    { now: () => new Date() },
    {
      under: root.code,
      year: BATCH_YEAR,
      formats: ['json'],
      published: false,
      outDir: out,
      concurrency: config.database.kind === 'sqlite' ? 1 : 8,
    },
  );
  console.log(
    `\n| report batch | 机关 | 生成 | 失败 | 用时 | 每个机关 | 负载 |\n|---|---|---|---|---|---|---|\n| ${root.code} 及下级，${BATCH_YEAR} 年，JSON | ${summary.agencies} | ${summary.written} | ${summary.failed} | ${summary.seconds} s | ${((1000 * summary.seconds) / Math.max(1, summary.agencies)).toFixed(1)} ms | ${before}→${load1()} |`,
  );
  rmSync(out, { recursive: true, force: true });
  await db.destroy();
}

await main();
