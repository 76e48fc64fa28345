import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../config/clock.ts';
import { openDatabase } from '../../db/connect.ts';
import type { Db } from '../../db/database.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { claimLease, listLeases } from './job-lease.repository.ts';
import { Scheduler, type Job } from './scheduler.ts';

const quiet = { info: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A second node: its own connection (pool) to the same database. */
function secondNode(t: TestDb): Db {
  if (t.dialect === 'sqlite') return openDatabase({ kind: 'sqlite', file: t.url.slice('sqlite:'.length) });
  return openDatabase({ kind: 'postgres', url: process.env.GONGKAI_TEST_PG_URL! }, { schema: t.schema!, poolSize: 2 });
}

describeEachDialect('jobs run once per interval across nodes', (dialect) => {
  let t: TestDb;
  let other: Db;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    other = secondNode(t);
  });
  afterAll(async () => {
    await other.destroy();
    await t.destroy();
  });

  it('two nodes ticking every 50 ms run a 1-second job once a second, the first run shortly after start', async () => {
    const starts: Array<{ at: number; node: string }> = [];
    const job = (node: string): Job => ({
      name: 'every-second',
      everyMs: 1000,
      run: async () => void starts.push({ at: Date.now(), node }),
    });
    const options = { tickMs: 50, firstTickMs: 20, leaseMs: 300 };
    const a = new Scheduler(t.db, systemClock, quiet, options);
    const b = new Scheduler(other, systemClock, quiet, options);
    const begun = Date.now();
    a.start([job('a')]);
    b.start([job('b')]);
    await sleep(3300);
    await Promise.all([a.stop(), b.stop()]);
    expect(starts[0]!.at - begun).toBeLessThan(600);
    expect(starts.length).toBeGreaterThanOrEqual(3);
    expect(starts.length).toBeLessThanOrEqual(4);
    for (let i = 1; i < starts.length; i++) expect(starts[i]!.at - starts[i - 1]!.at).toBeGreaterThanOrEqual(950);
    const [lease] = await listLeases(t.db);
    expect(lease).toMatchObject({ name: 'every-second', lastError: null });
    expect(lease!.leaseUntil > lease!.lastStartedAt!).toBe(true);
  });

  it('a run longer than its lease keeps it by renewal: the other node never starts it meanwhile', async () => {
    let running = 0;
    let overlap = false;
    let runs = 0;
    const job: Job = {
      name: 'long-run',
      everyMs: 200,
      run: async () => {
        runs++;
        running++;
        if (running > 1) overlap = true;
        await sleep(1200);
        running--;
      },
    };
    const options = { tickMs: 40, firstTickMs: 10, leaseMs: 240 };
    const a = new Scheduler(t.db, systemClock, quiet, options);
    const b = new Scheduler(other, systemClock, quiet, options);
    a.start([job]);
    b.start([job]);
    await sleep(700);
    // Mid-run: the lease has been renewed past its first 240 ms.
    const [mid] = (await listLeases(t.db)).filter((l) => l.name === 'long-run');
    expect(Date.parse(mid!.leaseUntil) - Date.parse(mid!.lastStartedAt!)).toBeGreaterThan(500);
    await sleep(600);
    await Promise.all([a.stop(), b.stop()]);
    expect(overlap).toBe(false);
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(2);
  });

  it('a lease left by a node that died mid-run is taken over once it expires', async () => {
    const now = Date.now();
    expect(
      await claimLease(t.db, 'orphan', 'dead-node', new Date(now).toISOString(), new Date(now + 400).toISOString()),
    ).toBe(true);
    const s = new Scheduler(other, systemClock, quiet);
    let ran = false;
    const job: Job = { name: 'orphan', everyMs: 60_000, run: async () => void (ran = true) };
    expect(await s.runOnce(job)).toBe(false);
    await sleep(450);
    expect(await s.runOnce(job)).toBe(true);
    expect(ran).toBe(true);
    // Kept until next due: not again within the interval, by this node or another.
    expect(await new Scheduler(t.db, systemClock, quiet).runOnce(job)).toBe(false);
  });
});
