import { afterAll, beforeAll, expect, it } from 'vitest';
import { countCases, table4Rows, type CaseFacts } from '../../domain/cases/index.ts';
import { systemActor } from '../../policies/actor.ts';
import { TestClock } from '../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { createAgency } from '../agencies/agencies.service.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { caseFigures, createCase, listCases, updateCase } from './cases.service.ts';
import { TEST_KEYS } from '../../../test/support/keys.ts';

describeEachDialect('case register and table 四 figures', (dialect) => {
  let t: TestDb;
  const clock = new TestClock('2026-03-02T02:00:00Z');
  const actor = systemActor();
  let gxj: string;
  let czj: string;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await loadDemo(t.db, clock, { keys: TEST_KEYS, passwordMinLength: 10, password: () => 'Demo-Passw0rd!' });
    // Two departments of their own, so the demo's cases never mix into the counts below.
    const county = (
      await t.db.selectFrom('agency').select('id').where('code', '=', 'luojiang').executeTakeFirstOrThrow()
    ).id;
    const department = (code: string, name: string) =>
      createAgency(
        t.db,
        actor,
        { parentId: county, name, shortName: name, code, level: 'department', makesRules: false, contact: {} },
        clock,
      );
    gxj = (await department('case-test-a', '案件测试甲局')).id;
    czj = (await department('case-test-b', '案件测试乙局')).id;
  });
  afterAll(async () => t.destroy());

  const facts: Array<CaseFacts & { agency: 'gxj' | 'czj' }> = [
    { agency: 'gxj', kind: 'reconsideration', filedDate: '2025-03-01', concludedDate: '2025-05-10', result: 'upheld' },
    {
      agency: 'gxj',
      kind: 'reconsideration',
      filedDate: '2024-11-01',
      concludedDate: '2025-02-01',
      result: 'corrected',
    },
    { agency: 'gxj', kind: 'reconsideration', filedDate: '2024-06-01', concludedDate: '2024-12-31', result: 'upheld' },
    { agency: 'gxj', kind: 'litigation_direct', filedDate: '2025-12-01', concludedDate: '2026-02-01', result: 'other' },
    { agency: 'gxj', kind: 'litigation_direct', filedDate: '2023-05-01', concludedDate: null, result: 'pending' },
    {
      agency: 'gxj',
      kind: 'litigation_after_reconsideration',
      filedDate: '2024-12-31',
      concludedDate: '2025-01-01',
      result: 'other',
    },
    { agency: 'czj', kind: 'reconsideration', filedDate: '2025-04-01', concludedDate: null, result: 'pending' },
  ];

  it('stores cases with and without an application, and the SQL window gives what the pure rule gives', async () => {
    for (const [i, f] of facts.entries()) {
      await createCase(
        t.db,
        actor,
        f.agency === 'gxj' ? gxj : czj,
        {
          ...f,
          party: `申请人${i}`,
          organ: f.kind === 'reconsideration' ? '泉州市洛江区人民政府' : '泉州市洛江区人民法院',
          applicationId: i === 0 ? 'app-123' : null,
        },
        clock,
      );
    }
    for (const year of [2023, 2024, 2025, 2026]) {
      const expected = countCases(
        facts.filter((f) => f.agency === 'gxj'),
        year,
      );
      expect(await caseFigures(t.db, [gxj], year)).toEqual(expected);
    }
    expect(table4Rows(await caseFigures(t.db, [gxj], 2025))).toEqual({
      reconsideration: [1, 1, 0, 0, 2],
      litigation_direct: [0, 0, 0, 2, 2],
      litigation_after_reconsideration: [0, 0, 1, 0, 1],
    });
    // A government's aggregate over two departments.
    expect(table4Rows(await caseFigures(t.db, [gxj, czj], 2025)).reconsideration).toEqual([1, 1, 0, 1, 3]);
    expect(table4Rows(await caseFigures(t.db, [gxj], 2025, { casesFiledInYearOnly: true })).reconsideration).toEqual([
      1, 0, 0, 0, 1,
    ]);
    expect(await caseFigures(t.db, [], 2025)).toEqual(countCases([], 2025));
  });

  it('lists by year window and application, and concluding a case moves it in the figures with an audit event', async () => {
    const linked = await listCases(t.db, actor, { applicationId: 'app-123' });
    expect(linked.items.map((c) => c.party)).toEqual(['申请人0']);
    const in2024 = await listCases(t.db, actor, { agencyId: gxj, year: 2024 });
    expect(in2024.total).toBe(4);
    const pending = (await listCases(t.db, actor, { agencyId: czj })).items[0]!;
    await updateCase(
      t.db,
      actor,
      pending.id,
      { concludedDate: '2026-01-20', result: 'corrected', resultNote: '责令重新答复' },
      clock,
    );
    expect(table4Rows(await caseFigures(t.db, [czj], 2025)).reconsideration).toEqual([0, 0, 0, 1, 1]);
    expect(table4Rows(await caseFigures(t.db, [czj], 2026)).reconsideration).toEqual([0, 1, 0, 0, 1]);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'summary'])
      .where('subject_id', '=', pending.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['case.create', 'case.update']);
  });
});
