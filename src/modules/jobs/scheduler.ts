/**
 * Periodic jobs. Each run takes a database lock first, so with several app nodes on one
 * PostgreSQL only one node runs a given sweep at a time (STYLE.md rule 14); the jobs
 * themselves are idempotent.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../domain/time.ts';
import { release, tryAcquire } from './job-lock.repository.ts';

export interface Job {
  name: string;
  everyMs: number;
  run: () => Promise<void>;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export class Scheduler {
  private readonly holder = `${process.pid}-${randomUUID()}`;
  private readonly timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Runs the job now if its lock is free. Returns whether it ran. */
  async runOnce(job: Job): Promise<boolean> {
    const now = this.clock.now();
    const got = await tryAcquire(
      this.db,
      job.name,
      this.holder,
      now.toISOString(),
      new Date(now.getTime() + Math.max(job.everyMs, 60_000)).toISOString(),
    );
    if (!got) return false;
    try {
      await job.run();
      return true;
    } finally {
      await release(this.db, job.name, this.holder);
    }
  }

  start(jobs: Job[]): void {
    for (const job of jobs) {
      const tick = () => {
        const p = this.runOnce(job)
          .then(() => undefined)
          .catch((err: unknown) => this.log.error({ err, job: job.name }, 'job failed'))
          .finally(() => this.running.delete(p));
        this.running.add(p);
      };
      const timer = setInterval(tick, job.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** Stops scheduling and waits for runs in progress (graceful shutdown). */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await Promise.allSettled([...this.running]);
  }
}
