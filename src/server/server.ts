/**
 * The server: builds the app, starts the periodic jobs, listens, and shuts down gracefully on
 * SIGTERM/SIGINT (stop accepting, finish requests and jobs, anchor the audit heads, close the DB).
 */
import { loggingSmsGateway } from '../modules/outbox/sms.ts';
import type { Config } from '../config/config.ts';
import { anchorAuditHeads } from '../modules/audit/audit.service.ts';
import { purgeExpiredSessions } from '../modules/auth/auth.service.ts';
import { applicationsSweepJob } from '../modules/applications/sweep/sweep.service.ts';
import { keepStatistics, statisticsJob } from '../modules/health/database-health.service.ts';
import { Scheduler } from '../modules/jobs/scheduler.ts';
import { createSmtpMailer } from '../modules/outbox/mailer.ts';
import { outboxDeliveryJob } from '../modules/outbox/outbox.delivery.ts';
import { createPersonalDataCipher } from '../modules/privacy/personal-data.ts';
import { createServer, type Server } from 'node:http';
import { buildApp, type BuildOptions } from './app.ts';
import { createTelemetry, type Telemetry } from './telemetry.ts';
import type { Runtime } from './runtime.ts';

/** pino-pretty (a development dependency) when it is installed, for readable development logs. */
function prettyTransport() {
  try {
    import.meta.resolve('pino-pretty');
  } catch {
    return undefined;
  }
  return { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } };
}

export function loggerOptions(config: Config) {
  // Development: readable lines on the terminal. Production: JSON lines for the log store.
  const transport = config.env === 'development' ? prettyTransport() : undefined;
  return {
    level: config.logLevel,
    // Never log credentials or session material.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    ...(transport ? { transport } : {}),
  };
}

/** GONGKAI_METRICS_PORT: /metrics without a token, bound to the loopback interface only. */
function startMetricsListener(telemetry: Telemetry, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    telemetry.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': telemetry.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export async function serve(
  rt: Runtime,
  options: BuildOptions = {},
  { clusterWorker = false }: { clusterWorker?: boolean } = {},
): Promise<{ url: string; metricsUrl: string | null; stop: () => Promise<void> }> {
  const telemetry = createTelemetry(rt, { processMetrics: true });
  if (clusterWorker) {
    // /metrics on the main port answers for the whole node; the primary serves the metrics port.
    const { clusterMetricsText, shareWorkerMetrics } = await import('./cluster.ts');
    shareWorkerMetrics(telemetry.registry);
    telemetry.text = clusterMetricsText;
  }
  const app = await buildApp(rt, { logger: loggerOptions(rt.config), serveAdmin: true, telemetry, ...options });
  const scheduler = new Scheduler(rt.db, rt.clock, app.log, { onRun: (e) => telemetry.jobRun(e) });
  // The second copy of every anchor, with the logs (which ship off the node).
  rt.anchors.onWritten = (anchors) => app.log.info({ auditAnchors: anchors }, 'audit chain heads anchored');
  const anchorJob = {
    name: 'audit-anchor',
    everyMs: 5 * 60_000,
    run: async () => {
      const anchored = await anchorAuditHeads(rt.db, rt.config.auditAnchorDir, rt.clock);
      for (const a of anchored) app.log.info({ auditAnchor: a }, 'audit chain head anchored');
    },
  };
  // Every committed change is anchored as it commits (rt.anchors); the job runs once more at shutdown.
  // Listen first: a node that cannot listen starts no jobs either.
  const url = await app.listen({ host: rt.config.host, port: rt.config.port }).catch(async (err: unknown) => {
    await app.close();
    throw err;
  });
  const metricsServer =
    rt.config.metrics.port && !clusterWorker
      ? await startMetricsListener(telemetry, rt.config.metrics.port).catch(async (err: unknown) => {
          await app.close();
          throw err;
        })
      : null;
  scheduler.start([
    {
      name: 'session-purge',
      everyMs: 15 * 60_000,
      run: async () => void (await purgeExpiredSessions(rt.db, rt.config.security, rt.clock)),
    },
    // Without SMTP settings messages stay in the outbox, which the console shows (embedded mode).
    // SMS to applicants go through the gateway configured (GONGKAI_SMS_GATEWAY; 'log' writes them to the log).
    outboxDeliveryJob(
      rt.db,
      rt.config.smtp ? createSmtpMailer(rt.config.smtp) : null,
      rt.clock,
      60_000,
      rt.config.smsGateway === 'log' ? loggingSmsGateway(app.log) : null,
    ),
    applicationsSweepJob(rt.db, rt.clock, rt.config.publicUrl, {
      cipher: createPersonalDataCipher(rt.encryptionKey, rt.config.cryptoSuite),
      smsEnabled: rt.config.smsGateway !== 'off',
    }),
    statisticsJob(rt.db),
  ]);
  // SQLite's statistics at start (PRAGMA optimize; a database grown by publishing may have none),
  // beside the first requests rather than before them.
  const statistics = keepStatistics(rt.db).catch((err: unknown) => app.log.error({ err }, 'statistics upkeep failed'));
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      app.log.info('shutting down');
      await app.close();
      await new Promise((r) => (metricsServer ? metricsServer.close(r) : r(undefined)));
      await scheduler.stop();
      await statistics;
      // This node's last writes are anchored whoever holds the job's lease.
      await anchorJob.run().catch((err: unknown) => app.log.error({ err }, 'final audit anchor failed'));
      await rt.close();
    })());
  const metricsUrl = metricsServer ? `http://127.0.0.1:${rt.config.metrics.port}/metrics` : null;
  return { url, metricsUrl, stop };
}
