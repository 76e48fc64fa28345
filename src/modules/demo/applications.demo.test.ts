import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { TestClock } from '../../../test/support/clock.ts';
import { OUTCOME_KEYS } from '../../domain/clock/outcomes.ts';
import { emptyReport } from '../../domain/report/annual-report.ts';
import { REPORT_FORMATS } from '../../domain/report/formats.ts';
import { validateReport, validateYearChain } from '../../domain/report/validate.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';
import { applicationFigures } from '../applications/applications.service.ts';
import { loadDemo } from './demo.service.ts';
import { TEST_KEYS } from '../../../test/support/keys.ts';

describeEachDialect('demo applications (洛江区工信局, 2024 and 2025)', (dialect) => {
  let t: TestDb;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await loadDemo(t.db, new TestClock('2026-03-02T02:00:00Z'), {
      keys: TEST_KEYS,
      passwordMinLength: 10,
      password: () => 'Demo-Passw0rd!',
    });
    agencyId = (await findByCodeOrName(t.db, 'luojiang-gxj'))!.id;
  }, 120_000);
  afterAll(async () => t.destroy());

  const report = async (year: number) => {
    const r = emptyReport(REPORT_FORMATS.V2021, { name: '泉州市洛江区工业和信息化局' }, year);
    Object.assign(r.table3, await applicationFigures(t.db, [agencyId], year));
    return r;
  };

  it('tables 三 of 2024 and 2025 satisfy R1–R4, use every outcome row, and 2025 carries in what 2024 carried out', async () => {
    const [r2024, r2025] = [await report(2024), await report(2025)];
    for (const r of [r2024, r2025]) {
      expect(validateReport(r).filter((f) => f.severity === 'error')).toEqual([]);
      for (const key of OUTCOME_KEYS) expect(r.table3[key]![6], `${r.year} ${key}`).toBeGreaterThan(0);
      expect(r.table3.received![6]).toBeGreaterThanOrEqual(28);
    }
    expect(r2025.table3.carried_in).toEqual(r2024.table3.carried_out);
    expect(r2024.table3.carried_out![6]).toBe(3);
    expect(r2025.table3.carried_out![6]).toBe(3);
    expect(r2024.table3.carried_in![6]).toBe(0);
    expect(validateYearChain(r2025, r2024).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('the bureau had no applications in 2020', async () => {
    expect((await applicationFigures(t.db, [agencyId], 2020)).received[6]).toBe(0);
  });
});
