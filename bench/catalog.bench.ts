/**
 * Catalog benchmark (docs/benchmarks.md, section 主动公开). Run against a database filled by
 * `gongkai synth`:
 *
 *   GONGKAI_DATABASE_URL=sqlite:/tmp/gkbench/synth-1m.db npx tsx bench/catalog.bench.ts [--seconds 20] [--connections 50]
 *
 * 1. Bare baseline: the same queries issued directly through the database driver
 *    (findPublic, the one repository function the pages use), 50 in flight.
 * 2. The server (`gongkai serve` in a child process) under 50 keep-alive connections:
 *    the catalog list page (20 items, statutory-item filter) and the search page, with a
 *    query mix drawn from the synthetic titles — half selective words, half common ones
 *    (通知, 公开, 工作 …). Throughput, p50/p99 latency, and the server's resident memory.
 * Prints a Markdown table to paste into docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/connect.ts';
import { findPublic } from '../src/modules/search/search.repository.ts';
import { queryWords } from '../src/modules/search/segment.ts';
import { COMMON_WORDS, SELECTIVE_WORDS } from '../src/modules/synth/text.ts';

const arg = (name: string, fallback: number) =>
  Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || fallback) || fallback;
const SECONDS = arg('seconds', 20);
const CONNECTIONS = arg('connections', 50);
const PORT = arg('port', 3901);

interface Result {
  name: string;
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
}

function summarize(name: string, latencies: number[], seconds: number, errors: number): Result {
  // `seconds` is the measured wall time: a slow query may end after the window closed.
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { name, requests: latencies.length, seconds, p50: q(0.5), p99: q(0.99), errors };
}

async function load(
  name: string,
  seconds: number,
  concurrency: number,
  next: (i: number) => Promise<void>,
): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  const start = Date.now();
  const end = start + seconds * 1000;
  deadline = end;
  let counter = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        try {
          await next(counter++);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return summarize(name, latencies, (Date.now() - start) / 1000, errors);
}

/** Requests still running when the window closes are cut off and counted as errors (未完成). */
let deadline = 0;

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
function get(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: PORT, path, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(String(res.statusCode)))));
    });
    req.setTimeout(Math.max(1, deadline - Date.now()), () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

async function main() {
  const config = loadConfig();
  const db = openDatabase(config.database, { poolSize: CONNECTIONS });
  const agencies = (await db.selectFrom('catalog_item').select('agency_id').distinct().limit(2000).execute()).map(
    (r) => r.agency_id,
  );
  const codes = new Map(
    (await db.selectFrom('agency').select(['id', 'code']).where('id', 'in', agencies.slice(0, 500)).execute()).map(
      (r) => [r.id, r.code],
    ),
  );
  const ids = [...codes.keys()];
  const words = (i: number) =>
    i % 2 === 0
      ? SELECTIVE_WORDS[(i / 2) % SELECTIVE_WORDS.length]!
      : COMMON_WORDS[((i - 1) / 2) % COMMON_WORDS.length]!;
  const item = (i: number) => `a20.${(i % 15) + 1}`;
  const nowIso = new Date().toISOString();
  const today = nowIso.slice(0, 10);
  const base = { order: 'date' as const, nowIso, today, limit: 20, offset: 0 };

  // better-sqlite3 is synchronous: queries run one at a time whatever the concurrency.
  const bare = config.database.kind === 'sqlite' ? 1 : CONNECTIONS;
  const results: Result[] = [];
  results.push(
    await load(
      '直连：目录列表查询',
      SECONDS,
      bare,
      async (i) =>
        void (await findPublic(db, {
          ...base,
          words: [],
          agency: { id: ids[i % ids.length]!, subtree: false },
          statutoryItem: item(i),
        })),
    ),
  );
  results.push(
    await load(
      '直连：检索查询',
      SECONDS,
      bare,
      async (i) => void (await findPublic(db, { ...base, order: 'relevance', words: queryWords(words(i)) })),
    ),
  );
  await db.destroy();

  // The heap limit operators set when memory is budgeted (docs/operations.md); `--heap-mb 0` runs without one.
  const heapMb = process.argv.includes('--heap-mb') ? Number(process.argv[process.argv.indexOf('--heap-mb') + 1]) : 256;
  const server = spawn(
    process.execPath,
    [...(heapMb > 0 ? [`--max-old-space-size=${heapMb}`] : []), 'bin/gongkai.mjs', 'serve'],
    {
      env: {
        ...process.env,
        GONGKAI_PORT: String(PORT),
        GONGKAI_HOST: '127.0.0.1',
        GONGKAI_PUBLIC_RATE_LIMIT: '1000000',
        GONGKAI_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  for (let k = 0; k < 120; k++) {
    try {
      await get('/healthz');
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  let peakRss = 0;
  const sampler = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0);
      peakRss = Math.max(peakRss, kb / 1024);
    } catch {
      /* the server has exited */
    }
  }, 250);
  await load('预热', 3, CONNECTIONS, (i) => get(`/gk/${codes.get(ids[i % ids.length]!)!}/catalog?item=${item(i)}`));
  results.push(
    await load('目录列表页 /gk/:code/catalog?item=…', SECONDS, CONNECTIONS, (i) =>
      get(`/gk/${codes.get(ids[i % ids.length]!)!}/catalog?item=${item(i)}`),
    ),
  );
  results.push(
    await load('检索页 /gk/search?q=…', SECONDS, CONNECTIONS, (i) =>
      get(`/gk/search?q=${encodeURIComponent(words(i))}`),
    ),
  );
  clearInterval(sampler);
  server.kill('SIGTERM');
  agent.destroy();

  const rps = (r: Result) => r.requests / r.seconds;
  console.log(`\n| 测量 | 请求/秒 | p50 (ms) | p99 (ms) | 未完成/错误 |\n|---|---|---|---|---|`);
  for (const r of results)
    console.log(`| ${r.name} | ${rps(r).toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`);
  const [bareList, bareSearch, pageList, pageSearch] = results;
  console.log(
    `\n页面/直连比：目录列表 ${(rps(pageList!) / rps(bareList!)).toFixed(2)}，检索 ${(rps(pageSearch!) / rps(bareSearch!)).toFixed(2)}；服务器峰值常驻内存 ${peakRss.toFixed(0)} MB`,
  );
}

await main();
