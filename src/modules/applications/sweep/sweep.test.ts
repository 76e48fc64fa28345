import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import { TestClock } from '../../../../test/support/clock.ts';
import { systemActor } from '../../../policies/actor.ts';
import type { Actor } from '../../../policies/actor.ts';
import { Scheduler } from '../../jobs/scheduler.ts';
import type { AppDeps } from '../applications.deps.ts';
import { applicationWarnings } from '../applications.dashboard.ts';
import { createApplication } from '../intake/intake.service.ts';
import * as repo from '../applications.repository.ts';
import { performStep } from '../steps/steps.service.ts';
import { applicationsSweepJob, sweepApplications } from './sweep.service.ts';
import { citizen, demoSetup } from '../../../../test/support/factories/applications.ts';

describeEachDialect('applications sweep: lapses and reminders', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let agencyId: string;
  let clerk: Actor, handler: Actor;
  const clock = new TestClock('2025-05-06T02:00:00Z');

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, new TestClock('2023-06-01T02:00:00Z'));
    deps = { ...s.deps, clock };
    agencyId = s.agencyId;
    clerk = await s.actor('gxj.clerk');
    handler = await s.actor('gxj.handler');
  });
  afterAll(async () => t.destroy());

  it('第三十条: a correction not made in time closes the day after the period, recorded by the sweep with that date; a second run changes nothing', async () => {
    clock.set('2025-05-06T02:00:00Z');
    const { application: a } = await createApplication(deps, clerk, citizen(agencyId));
    await performStep(deps, handler, a.id, 'requestCorrection', { items: '请写明年度', periodEnd: '2025-05-20' });
    clock.set('2025-05-23T02:00:00Z');
    const first = await sweepApplications(t.db, clock);
    expect(first.lapsed).toBe(1);
    const closed = (await repo.findById(t.db, a.id))!;
    expect([closed.state, closed.closedDate, closed.outcome]).toEqual(['closed', '2025-05-21', 'other_no_correction']);
    const second = await sweepApplications(t.db, clock);
    expect([second.lapsed, second.reminders]).toEqual([0, 0]);
  });

  it('reminders: 3 working days before the reply due date, then when passed, each once; shown on the dashboard', async () => {
    clock.set('2025-05-06T02:00:00Z');
    const { application: a } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { infoDescription: '另一份文件' }),
    );
    expect(a.replyDue).toBe('2025-06-04');
    const keys = async () =>
      (
        await t.db
          .selectFrom('application_reminder')
          .select('key')
          .where('application_id', '=', a.id)
          .orderBy('key')
          .execute()
      ).map((r) => r.key);
    clock.set('2025-05-28T02:00:00Z');
    await sweepApplications(t.db, clock);
    expect(await keys()).toEqual([]);
    clock.set('2025-05-29T02:00:00Z'); // 05-30, 06-03, 06-04 remain: 端午节 is 05-31–06-02
    await sweepApplications(t.db, clock);
    await sweepApplications(t.db, clock);
    expect(await keys()).toEqual(['reply:2025-06-04:approaching']);
    clock.set('2025-06-05T02:00:00Z');
    await sweepApplications(t.db, clock);
    expect(await keys()).toEqual(['reply:2025-06-04:approaching', 'reply:2025-06-04:passed']);
    const warnings = await applicationWarnings(t.db, clerk, clock);
    expect(warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['APPLICATIONS_OVERDUE', 'APPLICATION_REMINDER']),
    );
  });

  it('only one node runs the sweep at a time (the job lock)', async () => {
    const log = { info: () => undefined, error: () => undefined };
    const one = new Scheduler(t.db, clock, log);
    const two = new Scheduler(t.db, clock, log);
    let running = 0;
    let overlap = false;
    const job = applicationsSweepJob(t.db, clock);
    const wrapped = {
      ...job,
      run: async () => {
        running++;
        if (running > 1) overlap = true;
        await job.run();
        running--;
      },
    };
    const ran = await Promise.all([one.runOnce(wrapped), two.runOnce(wrapped)]);
    expect(overlap).toBe(false);
    expect(ran.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(systemActor().kind).toBe('system');
  });
});
