/**
 * Periodic jobs, once per interval across all nodes (STYLE.md rule 14). Every node ticks; a tick
 * claims the job's lease in the database only when no one holds it. While the job runs, its
 * lease is short and renewed, so a node that dies mid-run is replaced within `leaseMs`; when the
 * run ends, the lease is kept until the job is next due, so no other node repeats it within the
 * interval. The first tick comes shortly after start, so a job overdue since the last node
 * stopped runs at once. The jobs themselves are idempotent as well.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../domain/time.ts';
import { claimLease, finishLease, renewLease } from './job-lease.repository.ts';

export interface Job {
  name: string;
  everyMs: number;
  run: () => Promise<void>;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What a run reports to telemetry (the job runs and durations of /metrics). */
export interface JobRunEvent {
  job: string;
  durationMs: number;
  ok: boolean;
}

export interface SchedulerOptions {
  /** How long a running job's lease lasts unless renewed (default 60 s; renewed every third). */
  leaseMs?: number;
  /** How often each node looks whether a job is due (default: its interval, at most 30 s). */
  tickMs?: number;
  /** Delay of the first tick after start (default 5–10 s, spread so nodes do not collide). */
  firstTickMs?: number;
  onRun?: (event: JobRunEvent) => void;
}

export class Scheduler {
  /** Unique across nodes: host, process and a random part. */
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly leaseMs: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: SchedulerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
  }

  private at(ms: number): string {
    return new Date(ms).toISOString();
  }

  /**
   * Runs the job now if no node holds its lease (it is due). Returns whether it ran; a failed
   * run is recorded on the lease and rethrown.
   */
  async runOnce(job: Job): Promise<boolean> {
    const started = this.clock.now().getTime();
    const claimed = await claimLease(this.db, job.name, this.holder, this.at(started), this.at(started + this.leaseMs));
    if (!claimed) return false;
    const renew = setInterval(
      () =>
        void renewLease(this.db, job.name, this.holder, this.at(this.clock.now().getTime() + this.leaseMs)).catch(
          (err: unknown) => this.log.error({ err, job: job.name }, 'job lease renewal failed'),
        ),
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    renew.unref();
    const t0 = performance.now();
    let failure: unknown = null;
    try {
      await job.run();
    } catch (err) {
      failure = err;
    } finally {
      clearInterval(renew);
    }
    const durationMs = performance.now() - t0;
    await finishLease(
      this.db,
      job.name,
      this.holder,
      this.clock.now().toISOString(),
      this.at(started + job.everyMs),
      failure === null ? null : String(failure instanceof Error ? failure.message : failure).slice(0, 500),
    );
    this.options.onRun?.({ job: job.name, durationMs, ok: failure === null });
    if (failure !== null) throw failure;
    return true;
  }

  start(jobs: Job[]): void {
    for (const job of jobs) {
      const tick = () => {
        if (this.running.has(job.name)) return; // still running on this node
        const p = this.runOnce(job)
          .catch((err: unknown) => this.log.error({ err, job: job.name }, 'job failed'))
          .finally(() => this.running.delete(job.name));
        this.running.set(job.name, p);
      };
      const first = setTimeout(tick, this.options.firstTickMs ?? 5_000 + Math.floor(Math.random() * 5_000));
      first.unref();
      const timer = setInterval(tick, this.options.tickMs ?? Math.min(job.everyMs, 30_000));
      timer.unref();
      this.timers.push(first, timer);
    }
  }

  /** Stops scheduling and waits for runs in progress (graceful shutdown). */
  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    await Promise.allSettled([...this.running.values()]);
  }
}
