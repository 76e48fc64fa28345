/**
 * The server: builds the app, starts the periodic jobs, listens, and shuts down gracefully on
 * SIGTERM/SIGINT (stop accepting, finish requests and jobs, anchor the audit heads, close the DB).
 */
import type { Config } from '../config/config.ts';
import { anchorAuditHeads } from '../modules/audit/audit.service.ts';
import { purgeExpiredSessions } from '../modules/auth/auth.service.ts';
import { applicationsSweepJob } from '../modules/applications/sweep/sweep.service.ts';
import { keepStatistics, statisticsJob } from '../modules/health/database-health.service.ts';
import { Scheduler } from '../modules/jobs/scheduler.ts';
import { createSmtpMailer } from '../modules/outbox/mailer.ts';
import { outboxDeliveryJob } from '../modules/outbox/outbox.delivery.ts';
import { buildApp, type BuildOptions } from './app.ts';
import type { Runtime } from './runtime.ts';

export function loggerOptions(config: Config) {
  return {
    level: config.logLevel,
    // Never log credentials or session material.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  };
}

export async function serve(
  rt: Runtime,
  options: BuildOptions = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = await buildApp(rt, { logger: loggerOptions(rt.config), serveAdmin: true, ...options });
  const scheduler = new Scheduler(rt.db, rt.clock, app.log);
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
  scheduler.start([
    {
      name: 'session-purge',
      everyMs: 15 * 60_000,
      run: async () => void (await purgeExpiredSessions(rt.db, rt.config.security, rt.clock)),
    },
    // Without SMTP settings messages stay in the outbox, which the console shows (embedded mode).
    outboxDeliveryJob(rt.db, rt.config.smtp ? createSmtpMailer(rt.config.smtp) : null, rt.clock),
    applicationsSweepJob(rt.db, rt.clock, rt.config.publicUrl),
    statisticsJob(rt.db),
  ]);
  // SQLite's statistics at start (PRAGMA optimize; a database grown by publishing may have none),
  // beside the first requests rather than before them.
  const statistics = keepStatistics(rt.db).catch((err: unknown) => app.log.error({ err }, 'statistics upkeep failed'));
  const url = await app.listen({ host: rt.config.host, port: rt.config.port });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      app.log.info('shutting down');
      await app.close();
      await scheduler.stop();
      await statistics;
      await scheduler.runOnce(anchorJob).catch((err: unknown) => app.log.error({ err }, 'final audit anchor failed'));
      await rt.close();
    })());
  return { url, stop };
}
