/**
 * The extension ceiling is a clock setting (issue 13 "one rule, one place"): an office configured
 * for fewer than the statute's 20 working days is held to its own figure by the request, the
 * approval and the clock, never by a literal 20.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import { citizen, demoSetup } from '../../../../test/support/factories/applications.ts';
import { ValidationError } from '../../../domain/errors.ts';
import type { Actor } from '../../../policies/actor.ts';
import type { AppDeps } from '../applications.deps.ts';
import { getApplication } from '../applications.service.ts';
import { createApplication } from '../intake/intake.service.ts';
import { performStep } from './steps.service.ts';

describeEachDialect('the extension ceiling comes from the clock settings', (dialect) => {
  let t: TestDb;
  const clock = new TestClock('2025-03-03T02:00:00Z');
  let deps: AppDeps;
  let clerk: Actor;
  let handler: Actor;
  let head: Actor;
  let agencyId = '';
  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, clock);
    deps = { ...s.deps, clockSettings: { maxExtensionWorkingDays: 10 } };
    agencyId = s.agencyId;
    clerk = await s.actor('gxj.clerk');
    handler = await s.actor('gxj.handler');
    head = await s.actor('gxj.head');
  });
  afterAll(async () => t.destroy());

  it('a request beyond the configured 10 working days is refused naming 10; 10 are granted and counted', async () => {
    const a = (await createApplication(deps, clerk, citizen(agencyId))).application;
    await performStep(deps, clerk, a.id, 'assign', { handlerId: handler.id! });
    const before = await getApplication(deps, handler, a.id);

    const refused = await performStep(deps, handler, a.id, 'requestExtension', {
      days: 15,
      reason: '需要调取多年度档案',
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields.days).toBe(
      '延长的工作日数应在1至10之间（第三十三条第二款：合计不超过10个工作日）',
    );
    // Nothing was recorded by the refused request.
    expect((await getApplication(deps, handler, a.id)).pendingExtension).toBeNull();

    await performStep(deps, handler, a.id, 'requestExtension', { days: 10, reason: '需要调取多年度档案' });
    await performStep(deps, head, a.id, 'approveExtension', {});
    const after = await getApplication(deps, handler, a.id);
    expect(after.clock.extensionWorkingDays).toBe(10);
    expect(after.clock.replyDue! > before.clock.replyDue!).toBe(true);

    // The ceiling is used up: the step itself is no longer offered, naming the configured figure.
    await expect(
      performStep(deps, handler, a.id, 'requestExtension', { days: 1, reason: '仍需时间' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('合计不得超过10个工作日') });
  });
});
