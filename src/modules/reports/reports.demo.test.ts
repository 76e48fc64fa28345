/**
 * The demo bureau's 2025 report (V2021) from its demo applications, catalog and cases: every
 * outcome row used, R1–R4 hold, R5 holds against its 2024 report, and the generated narrative
 * agrees with the tables. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import {
  OUTCOME_KEYS,
  V2021,
  validateReport,
  validateYearChain,
  type AnnualReport,
} from '../../domain/report/index.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { cliReport } from './reports.cli.ts';
import { publishReport, reportView, saveReport, submitReport } from './reports.service.ts';
import { moduleFigureSources } from './figure-sources.ts';
import { systemActor } from '../../policies/actor.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';
import { TEST_KEYS } from '../../../test/support/keys.ts';

describeEachDialect('the demo bureau in 2025', (dialect) => {
  let t: TestDb;
  const clock = new TestClock('2026-01-10T02:00:00Z');
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await loadDemo(t.db, clock, { keys: TEST_KEYS, passwordMinLength: 12, password: () => 'Demo-Password-2026' });
  });
  afterAll(async () => {
    await t.destroy();
  });

  const json = async (year: number) =>
    JSON.parse(
      (await cliReport(t.db, clock, { agency: 'luojiang-gxj', year, format: 'json', published: false })).data.toString(
        'utf8',
      ),
    ) as AnnualReport;

  it('uses every outcome row of V2021 and passes R1–R4, and R5 against 2024', async () => {
    const r2025 = await json(2025);
    const r2024 = await json(2024);
    expect(r2025.format).toBe('V2021');
    expect(Object.keys(r2025.table3)).toEqual(V2021.table3.rows.map((r) => r.key));
    for (const k of OUTCOME_KEYS) expect(r2025.table3[k]?.[6], k).toBeGreaterThan(0);
    expect(validateReport(r2025).filter((f) => ['R1', 'R2', 'R3', 'R4'].includes(f.rule))).toEqual([]);
    expect(validateYearChain(r2025, r2024).filter((f) => f.rule === 'R5')).toEqual([]);
    expect(r2025.table3.carried_in).toEqual(r2024.table3.carried_out);
  });

  it('drafts a narrative that quotes the tables without an R8 flag', async () => {
    const gxj = (await findByCodeOrName(t.db, 'luojiang-gxj'))!.id;
    const view = await reportView(t.db, systemActor(), gxj, 2025, clock, moduleFigureSources);
    expect(view.findings.filter((f) => f.rule === 'R8')).toEqual([]);
    expect(view.sections.overview).toMatch(/共收到政府信息公开申请\d+件/);
    expect(view.sections.other).toMatch(/信息处理费/);
  });

  it('prints the latest published version with --published, and says so when there is none', async () => {
    await expect(
      cliReport(t.db, clock, { agency: '泉州市洛江区工业和信息化局', year: 2024, format: 'json', published: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const gxj = (await findByCodeOrName(t.db, 'luojiang-gxj'))!.id;
    const system = systemActor();
    await saveReport(t.db, system, gxj, 2024, { signatureDate: '2025-01-20' }, clock, moduleFigureSources);
    await submitReport(t.db, system, gxj, 2024, clock);
    await publishReport(t.db, system, gxj, 2024, clock, moduleFigureSources);
    const published = JSON.parse(
      (
        await cliReport(t.db, clock, { agency: 'luojiang-gxj', year: 2024, format: 'json', published: true })
      ).data.toString('utf8'),
    ) as AnnualReport;
    expect(published.date).toBe('2025-01-20');
    expect(published.table3).toEqual((await json(2024)).table3);
    // The 2025 report now checks R5 against the published 2024 version.
    const v2025 = await reportView(t.db, system, gxj, 2025, clock, moduleFigureSources);
    expect(v2025.previousSource).toBe('published');
    expect(v2025.findings.filter((f) => f.rule === 'R5')).toEqual([]);
  });
});
