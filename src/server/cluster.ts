/**
 * `gongkai serve --workers N`: one primary process and N workers (node:cluster) sharing the
 * listening port. The primary migrates the database once, forks the workers, restarts one that
 * dies, and on SIGTERM/SIGINT asks each to stop gracefully. It holds what must be counted across
 * the workers of this node:
 *
 * - rate limits: each worker's @fastify/rate-limit store asks the primary over IPC, so a client
 *   gets the configured number of requests per window from the node, not from each worker — no
 *   database write per page view. Across several nodes the limits count per node (operations.md).
 * - /metrics: the primary gathers every worker's registry (prom-client's AggregatorRegistry);
 *   a worker answering /metrics on the main port asks the primary for the aggregate.
 *
 * Jobs need nothing here: every worker ticks, and the job leases in the database let one run each
 * job once per interval (modules/jobs/scheduler.ts), as across nodes.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { AggregatorRegistry, type Registry } from 'prom-client';

/** The default number of workers: every core in production, one elsewhere. */
export function defaultWorkers(env: string): number {
  return env === 'production' ? availableParallelism() : 1;
}

interface RateLimitRequest {
  type: 'gongkai:rate-limit';
  id: number;
  key: string;
  timeWindow: number;
  max: number;
  continueExceeding: boolean;
}
interface RateLimitReply {
  type: 'gongkai:rate-limit';
  id: number;
  current: number;
  ttl: number;
}
interface MetricsRequest {
  type: 'gongkai:metrics';
  id: number;
}
interface MetricsReply {
  type: 'gongkai:metrics';
  id: number;
  text?: string;
  error?: string;
}

/** The primary's counters: a fixed window per key, as @fastify/rate-limit's LocalStore counts. */
export class RateLimitCounters {
  private readonly windows = new Map<string, { current: number; startMs: number; ttl: number }>();
  private sweptAt = 0;

  incr(key: string, timeWindow: number, max: number, continueExceeding: boolean, nowMs = Date.now()) {
    this.sweep(nowMs);
    let w = this.windows.get(key);
    if (!w || w.startMs + w.ttl <= nowMs) {
      w = { current: 1, startMs: nowMs, ttl: timeWindow };
      this.windows.set(key, w);
      return { current: 1, ttl: timeWindow };
    }
    w.current++;
    if (continueExceeding && w.current > max) {
      w.startMs = nowMs;
      w.ttl = timeWindow;
      return { current: w.current, ttl: timeWindow };
    }
    return { current: w.current, ttl: w.startMs + w.ttl - nowMs };
  }

  /** Expired windows are dropped once a minute, so memory follows the active clients only. */
  private sweep(nowMs: number) {
    if (nowMs - this.sweptAt < 60_000) return;
    this.sweptAt = nowMs;
    for (const [key, w] of this.windows) if (w.startMs + w.ttl <= nowMs) this.windows.delete(key);
  }

  get size() {
    return this.windows.size;
  }
}

let nextId = 1;
const pending = new Map<number, (reply: RateLimitReply | MetricsReply) => void>();
let listening = false;

function askPrimary<T extends RateLimitReply | MetricsReply>(
  message: RateLimitRequest | MetricsRequest,
  timeoutMs: number,
): Promise<T> {
  if (!listening) {
    listening = true;
    process.on('message', (m: unknown) => {
      const reply = m as RateLimitReply | MetricsReply;
      if (reply?.type !== 'gongkai:rate-limit' && reply?.type !== 'gongkai:metrics') return;
      const resolve = pending.get(reply.id);
      if (!resolve) return;
      pending.delete(reply.id);
      resolve(reply);
    });
  }
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(message.id);
      reject(new Error('primary process did not answer'));
    }, timeoutMs);
    timer.unref();
    pending.set(message.id, (reply) => {
      clearTimeout(timer);
      resolve(reply as T);
    });
    process.send!(message);
  });
}

interface StoreOptions {
  continueExceeding?: boolean;
  routeInfo?: { method?: string; url?: string };
}

/**
 * The store of @fastify/rate-limit in a worker: counts in the primary. Should the primary not
 * answer within a second (it is stopping), the request is let through rather than refused.
 */
export class ClusterRateLimitStore implements FastifyRateLimitStore {
  private readonly continueExceeding: boolean;
  private readonly prefix: string;

  constructor(options: StoreOptions = {}, prefix = '') {
    this.continueExceeding = options.continueExceeding ?? false;
    this.prefix = prefix;
  }

  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow?: number,
    max?: number,
  ): void {
    const window = timeWindow ?? 60_000;
    askPrimary<RateLimitReply>(
      {
        type: 'gongkai:rate-limit',
        id: nextId++,
        key: this.prefix + key,
        timeWindow: window,
        max: max ?? 1000,
        continueExceeding: this.continueExceeding,
      },
      1000,
    ).then(
      (r) => callback(null, { current: r.current, ttl: r.ttl }),
      () => callback(null, { current: 1, ttl: window }),
    );
  }

  child(options: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    // One counter per route (as the plugin's own stores are per route) and client.
    const routeOptions = options as unknown as StoreOptions;
    const route = `${routeOptions.routeInfo?.method ?? ''}${routeOptions.routeInfo?.url ?? ''}-`;
    return new ClusterRateLimitStore(routeOptions, route);
  }
}

/** In a worker: this process's registry answers the primary's gathering of metrics. */
export function shareWorkerMetrics(registry: Registry): void {
  AggregatorRegistry.setRegistries([registry]);
  // The constructor installs the listener that answers the primary (idempotent).
  new AggregatorRegistry();
}

/** In a worker: the metrics of all the node's workers, gathered by the primary. */
export async function clusterMetricsText(): Promise<string> {
  const reply = await askPrimary<MetricsReply>({ type: 'gongkai:metrics', id: nextId++ }, 10_000);
  if (reply.error !== undefined || reply.text === undefined) throw new Error(reply.error ?? 'no metrics');
  return reply.text;
}

export interface PrimaryOptions {
  workers: number;
  /** GONGKAI_METRICS_PORT: the aggregate on 127.0.0.1 without a token, served by the primary. */
  metricsPort: number | null;
  log: (line: string) => void;
}

/**
 * The primary: forks the workers and serves them until SIGTERM/SIGINT, then lets each finish its
 * requests and jobs (its own graceful stop) and resolves when all have exited.
 */
export async function runPrimary(options: PrimaryOptions): Promise<void> {
  const counters = new RateLimitCounters();
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  const ready = new Set<number>();

  cluster.on('message', (worker: Worker, m: unknown) => {
    const msg = m as RateLimitRequest | MetricsRequest;
    if (msg?.type === 'gongkai:rate-limit') {
      const r = counters.incr(msg.key, msg.timeWindow, msg.max, msg.continueExceeding);
      worker.send({ type: 'gongkai:rate-limit', id: msg.id, current: r.current, ttl: r.ttl } satisfies RateLimitReply);
    } else if (msg?.type === 'gongkai:metrics') {
      aggregator.clusterMetrics().then(
        (text) => worker.send({ type: 'gongkai:metrics', id: msg.id, text } satisfies MetricsReply),
        (err: unknown) =>
          worker.send({ type: 'gongkai:metrics', id: msg.id, error: String(err) } satisfies MetricsReply),
      );
    }
  });

  const fork = () => cluster.fork({ GONGKAI_WORKER: '1' });
  let firstListening: () => void;
  const allListening = new Promise<void>((r) => (firstListening = r));
  cluster.on('listening', (worker) => {
    ready.add(worker.id);
    if (ready.size >= options.workers) firstListening();
  });
  let earlyExits = 0;
  const failed = new Promise<never>((_, reject) => {
    cluster.on('exit', (worker, code, signal) => {
      ready.delete(worker.id);
      if (stopping) return;
      options.log(`工作进程 ${worker.process.pid} 退出（${signal ?? code}），重新启动`);
      // Workers that die before the node ever listened (bad settings) are not restarted in a loop.
      if (ready.size === 0 && ++earlyExits >= options.workers) {
        reject(new Error('工作进程无法启动'));
        return;
      }
      fork();
    });
  });
  failed.catch(() => undefined);
  for (let i = 0; i < options.workers; i++) fork();
  await Promise.race([allListening, failed]);

  let metricsServer: Server | null = null;
  if (options.metricsPort) {
    metricsServer = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      aggregator.clusterMetrics().then(
        (text) => res.writeHead(200, { 'content-type': aggregator.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    const port = options.metricsPort;
    await new Promise<void>((resolve, reject) => {
      metricsServer!.once('error', reject);
      metricsServer!.listen(port, '127.0.0.1', () => resolve());
    });
  }

  await new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      let left = workers.length;
      if (left === 0) resolve();
      for (const w of workers) {
        w.once('exit', () => {
          if (--left === 0) resolve();
        });
        // Each worker stops as `serve` does on its own: stop accepting, finish, close the DB.
        w.process.kill('SIGTERM');
      }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await new Promise((r) => (metricsServer ? metricsServer.close(r) : r(undefined)));
}
