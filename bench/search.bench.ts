/**
 * Search benchmark (docs/benchmarks.md, 检索 at 100,000 and 1,000,000 items; issue 19). Against a
 * database filled by `gongkai synth` and grown by bench/grow-catalog.ts:
 *
 *   GONGKAI_DATABASE_URL=… npm run bench -- search [--seconds 10] [--connections 16] [--rounds 2]
 *
 * For each word class (common, rare, two-character, multi-word) it measures, interleaved round by
 * round and for the same time each:
 * 1. the bare baseline: bench/bare-search-server.mjs — node:http and the driver alone running the
 *    very statement the product runs for each query (compiled here by publicQueryStatement with
 *    the product's plan choice), rows out as JSON;
 * 2. the product: `gongkai serve` (a child process, the heap limit of docs/operations.md) and its
 *    JSON search API `/api/v1/public/search?q=…` (segmentation, the statement, snippets, JSON).
 * Both under the same number of keep-alive connections from this process; requests still running
 * when the window closes count as unfinished. Prints the machine, the database, the load average
 * at each measurement and a Markdown table for docs/benchmarks.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.ts';
import { dialectOf, openDatabase } from '../src/db/connect.ts';
import { publicQueryStatement } from '../src/modules/search/public-search.repository.ts';
import { queryWords } from '../src/modules/search/segment.ts';

const arg = (name: string, fallback: number) =>
  Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || fallback) || fallback;
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 16);
const ROUNDS = arg('rounds', 2);
const PORT = arg('port', 3911);
const BARE_PORT = PORT + 1;

/** The query mix of each class (the synthetic catalog's vocabulary, src/modules/synth/text.ts). */
const CLASSES: Record<string, string[]> = {
  常用词: ['通知', '公开', '工作', '安全', '关于'],
  少见词: ['河长制', '电动自行车', '高标准农田', '森林防火', '台风'],
  两字词: ['复议', '燃气', '疫苗', '秸秆'],
  多词: ['安全 检查', '申请 复议', '燃气 安全', '通知 工作'],
};

interface Result {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  unfinished: number;
  load: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS * 2 });
function get(port: number, path: string, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(String(res.statusCode)))));
    });
    req.setTimeout(Math.max(1, deadline - Date.now()), () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

async function load(port: number, paths: string[], seconds: number): Promise<Result> {
  const latencies: number[] = [];
  let unfinished = 0;
  let i = 0;
  const start = Date.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        try {
          await get(port, paths[i++ % paths.length]!, end + 2_000);
          latencies.push(performance.now() - t0);
        } catch {
          unfinished++;
        }
      }
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return {
    requests: sorted.length,
    seconds: (Date.now() - start) / 1000,
    p50: q(0.5),
    p99: q(0.99),
    unfinished,
    load: loadavg()[0]!,
  };
}

async function waitReady(port: number): Promise<void> {
  for (let k = 0; k < 240; k++) {
    try {
      await get(port, '/healthz', Date.now() + 1000);
      return;
    } catch (err) {
      if (String(err).includes('404')) return; // the bare server has no /healthz: it answers
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`server on ${port} did not start`);
}

async function main() {
  const config = loadConfig();
  const db = openDatabase(config.database, { poolSize: 2 });
  const pg = dialectOf(db) === 'postgres';
  const items = Number(
    (
      await sql<{
        n: number | string;
      }>`select count(*) as n from catalog_item where status = 'published' and search_key is not null`.execute(db)
    ).rows[0]!.n,
  );
  const version = pg
    ? (
        await sql<{
          v: string;
          sb: string;
          av: string;
        }>`select current_setting('server_version') as v, current_setting('shared_buffers') as sb, current_setting('autovacuum') as av`.execute(
          db,
        )
      ).rows[0]!
    : { v: (await sql<{ v: string }>`select sqlite_version() as v`.execute(db)).rows[0]!.v, sb: '—', av: '—' };
  // The statements the product runs for each query (plan chosen as the product chooses it), for the bare server.
  const nowIso = new Date().toISOString();
  const statements: Record<string, { sql: string; parameters: readonly unknown[] }> = {};
  for (const q of Object.values(CLASSES).flat()) {
    const words = queryWords(q);
    const s = await publicQueryStatement(db, {
      words,
      order: 'relevance',
      nowIso,
      today: nowIso.slice(0, 10),
      limit: 20,
      offset: 0,
    });
    const c = s!.compile(db);
    statements[q] = { sql: c.sql, parameters: c.parameters };
  }
  await db.destroy();
  const file = join(tmpdir(), `gongkai-bench-statements-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(statements));
  const url = config.database.kind === 'sqlite' ? `sqlite:${config.database.file}` : config.database.url;

  const children: ChildProcess[] = [];
  const bare = spawn(process.execPath, ['bench/bare-search-server.mjs', file, String(BARE_PORT), url], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const product = spawn(process.execPath, ['--max-old-space-size=256', 'bin/gongkai.mjs', 'serve'], {
    env: {
      ...process.env,
      GONGKAI_PORT: String(PORT),
      GONGKAI_HOST: '127.0.0.1',
      GONGKAI_PUBLIC_RATE_LIMIT: '1000000',
      GONGKAI_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(bare, product);
  try {
    await waitReady(BARE_PORT);
    await waitReady(PORT);
    const barePaths = (words: string[]) => words.map((w) => `/search?q=${encodeURIComponent(w)}`);
    const apiPaths = (words: string[]) => words.map((w) => `/api/v1/public/search?q=${encodeURIComponent(w)}`);
    // Warm both (caches, the product's plan estimates, compiled statements).
    const all = Object.values(CLASSES).flat();
    await load(BARE_PORT, barePaths(all), 3);
    await load(PORT, apiPaths(all), 3);
    const results: Array<{ cls: string; bare: Result[]; product: Result[] }> = [];
    for (const [cls, words] of Object.entries(CLASSES)) {
      const r = { cls, bare: [] as Result[], product: [] as Result[] };
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate which goes first, so neither always meets the other's leftovers.
        if (round % 2 === 0) {
          r.bare.push(await load(BARE_PORT, barePaths(words), SECONDS));
          r.product.push(await load(PORT, apiPaths(words), SECONDS));
        } else {
          r.product.push(await load(PORT, apiPaths(words), SECONDS));
          r.bare.push(await load(BARE_PORT, barePaths(words), SECONDS));
        }
        process.stderr.write('.');
      }
      results.push(r);
    }
    const rps = (xs: Result[]) => xs.reduce((s, x) => s + x.requests, 0) / xs.reduce((s, x) => s + x.seconds, 0);
    const worst = (xs: Result[], k: 'p50' | 'p99') => Math.max(...xs.map((x) => x[k]));
    const loads = (xs: Result[]) => xs.map((x) => x.load.toFixed(1)).join('/');
    console.log(
      `\n机器：${cpus().length} × ${cpus()[0]?.model ?? '?'}，内存 ${Math.round(totalmem() / 2 ** 30)} GB；Node.js ${process.version}；${pg ? `PostgreSQL ${version.v}（shared_buffers ${version.sb}，autovacuum ${version.av}）` : `SQLite ${version.v}`}；${new Date().toISOString().slice(0, 16)}Z`,
    );
    console.log(
      `${items.toLocaleString('en')} 条已发布信息；${CONNECTIONS} 个连接，每项 ${ROUNDS} 轮 × ${SECONDS} 秒，直连与产品交替\n`,
    );
    console.log(
      '| 词类 | 产品 req/s | p50 / p99 (ms) | 直连 req/s | p50 / p99 (ms) | 产品/直连 | p99 比 | 未完成 | 负载 (产品/直连) |\n|---|---|---|---|---|---|---|---|---|',
    );
    for (const r of results)
      console.log(
        `| ${r.cls}（${CLASSES[r.cls]!.join('、')}） | ${rps(r.product).toFixed(0)} | ${worst(r.product, 'p50').toFixed(1)} / ${worst(r.product, 'p99').toFixed(1)} | ${rps(r.bare).toFixed(0)} | ${worst(r.bare, 'p50').toFixed(1)} / ${worst(r.bare, 'p99').toFixed(1)} | ${(rps(r.product) / rps(r.bare)).toFixed(2)} | ${(worst(r.product, 'p99') / worst(r.bare, 'p99')).toFixed(2)} | ${r.product.reduce((s, x) => s + x.unfinished, 0)} / ${r.bare.reduce((s, x) => s + x.unfinished, 0)} | ${loads(r.product)} / ${loads(r.bare)} |`,
      );
  } finally {
    for (const c of children) c.kill('SIGTERM');
    agent.destroy();
  }
}

await main();
