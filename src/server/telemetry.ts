/**
 * Telemetry in Prometheus's text format (prom-client): HTTP requests and their latency labelled
 * by route pattern (never the URL, which would make one series per application id), the
 * PostgreSQL pool, job runs and their duration, the outbox backlog and overdue applications.
 * /metrics is never public: on the main port it needs GONGKAI_METRICS_TOKEN as a bearer token;
 * GONGKAI_METRICS_PORT serves it without a token on 127.0.0.1 only (server.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { poolStats } from '../db/connect.ts';
import { shanghaiDate } from '../domain/time.ts';
import type { JobRunEvent } from '../modules/jobs/scheduler.ts';
import { outboxBacklog, overdueApplications } from '../modules/telemetry/telemetry.repository.ts';
import type { AppContext } from './context.ts';

export interface Telemetry {
  registry: Registry;
  /** The text of /metrics when it is not this registry's alone (a worker: the node's aggregate). */
  text?: () => Promise<string>;
  /** Scheduler hook: one job run. */
  jobRun(event: JobRunEvent): void;
}

/** A registry of its own per app (tests build many apps in one process). */
export function createTelemetry(ctx: AppContext, options: { processMetrics?: boolean } = {}): Telemetry {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'gongkai_db_pool_connections',
    help: 'PostgreSQL connection pool of this node: max, total, idle, waiting (waiting = queries queued for a connection)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = poolStats(ctx.db);
      if (!stats) return;
      for (const [state, value] of Object.entries(stats)) this.set({ state }, value);
    },
  });
  new Gauge({
    name: 'gongkai_outbox_backlog',
    help: 'E-mails in the outbox not yet delivered, by status',
    labelNames: ['status'],
    // Every worker reads the same database figure: the node's aggregate takes one, not the sum.
    aggregator: 'first',
    registers: [registry],
    async collect() {
      this.reset();
      for (const s of ['queued', 'sending', 'failed']) this.set({ status: s }, 0);
      for (const row of await outboxBacklog(ctx.db)) this.set({ status: row.status }, row.count);
    },
  });
  new Gauge({
    name: 'gongkai_applications_overdue',
    help: 'Open applications past their reply deadline (第三十三条), all agencies',
    aggregator: 'first',
    registers: [registry],
    async collect() {
      this.set(await overdueApplications(ctx.db, shanghaiDate(ctx.clock.now())));
    },
  });
  const jobRuns = new Counter({
    name: 'gongkai_job_runs_total',
    help: 'Job runs on this node, by job and outcome (ok, error)',
    labelNames: ['job', 'outcome'],
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'gongkai_job_duration_seconds',
    help: 'Duration of job runs on this node',
    labelNames: ['job'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });
  return {
    registry,
    jobRun(e) {
      jobRuns.inc({ job: e.job, outcome: e.ok ? 'ok' : 'error' });
      jobDuration.observe({ job: e.job }, e.durationMs / 1000);
    },
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7).trim());
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Request counts and latency by route pattern, and GET /metrics behind the bearer token. */
export function registerTelemetry(app: FastifyInstance, telemetry: Telemetry): void {
  const requests = new Counter({
    name: 'gongkai_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'],
    registers: [telemetry.registry],
  });
  const latency = new Histogram({
    name: 'gongkai_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [telemetry.registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The pattern (/api/v1/applications/:id), or one label for everything that matched no route.
    const route = request.routeOptions.url ?? '(unmatched)';
    requests.inc({ method: request.method, route, status_code: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  const token = app.ctx.config.metrics.token;
  if (!token) return;
  app.get('/metrics', { logLevel: 'warn', schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, token)) {
      return reply.code(401).header('www-authenticate', 'Bearer').type('application/problem+json; charset=utf-8').send({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        code: 'UNAUTHENTICATED',
        detail: '需要监控令牌',
      });
    }
    const text = telemetry.text ? await telemetry.text() : await telemetry.registry.metrics();
    return reply.type(telemetry.registry.contentType).send(text);
  });
}
