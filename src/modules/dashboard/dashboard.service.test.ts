/** The dashboard's warnings for a supervisor cover its whole subtree, however deep (issue 17). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { TestClock } from '../../../test/support/clock.ts';
import { citizen, demoSetup } from '../../../test/support/factories/applications.ts';
import { systemActor, type Actor } from '../../policies/actor.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';
import { createAgency } from '../agencies/agencies.service.ts';
import { applicationWarnings } from '../applications/applications.dashboard.ts';
import type { AppDeps } from '../applications/applications.deps.ts';
import { createApplication } from '../applications/intake/intake.service.ts';
import { dashboard } from './dashboard.service.ts';

describeEachDialect('dashboard: overdue applications of the whole subtree', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let actor: (u: string) => Promise<Actor>;
  const clock = new TestClock('2025-05-06T02:00:00Z');

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, new TestClock('2023-06-01T02:00:00Z'));
    deps = { ...s.deps, clock };
    actor = s.actor;
  });
  afterAll(async () => t.destroy());

  it('an overdue application two levels below 洛江区人民政府 shows for its supervisor, named by agency', async () => {
    const gxj = (await findByCodeOrName(t.db, 'luojiang-gxj'))!;
    // 洛江区人民政府 → 工信局 → a centre under the bureau: two levels below the supervised government.
    const centre = await createAgency(
      t.db,
      systemActor(),
      {
        parentId: gxj.id,
        name: '泉州市洛江区工业和信息化服务中心',
        shortName: '工信服务中心',
        code: 'luojiang-gxj-centre',
        level: 'department',
        makesRules: false,
        contact: {},
      },
      clock,
    );
    const supervisor = await actor('zfb.supervisor');
    const clerk = await actor('gxj.clerk');
    const overdueCount = async (who: Actor, agencyId?: string) => {
      const d = await dashboard(t.db, who, agencyId, clock, [applicationWarnings]);
      const w = d.warnings.find((x) => x.code === 'APPLICATIONS_OVERDUE');
      return { n: w ? Number(/^(\d+)件/.exec(w.message)![1]) : 0, message: w?.message ?? '' };
    };
    clock.set('2025-06-20T02:00:00Z');
    const before = await overdueCount(supervisor);
    const bureauClerkBefore = await overdueCount(clerk);

    clock.set('2025-05-06T02:00:00Z');
    const { application } = await createApplication(deps, systemActor(), citizen(centre.id));
    expect(application.replyDue).toBe('2025-06-04');
    clock.set('2025-06-20T02:00:00Z');

    const after = await overdueCount(supervisor);
    expect(after.n).toBe(before.n + 1);
    expect(after.message).toContain('工信服务中心1件');
    // Looking at the bureau (the switcher), the centre below it counts too.
    expect((await overdueCount(supervisor, gxj.id)).message).toContain('工信服务中心1件');
    // The bureau's own clerk sees the bureau only: the centre is not the clerk's.
    expect(await overdueCount(clerk)).toEqual(bureauClerkBefore);
  });
});
