/**
 * The aggregate annual report of 洛江区人民政府's subtree equals the sum of its agencies' own
 * reports, cell by cell (tables 二/三/四, both formats), including an agency two levels down;
 * it lists the agencies it covers; it comes out of `gongkai report --aggregate` in every format.
 * SQLite and PostgreSQL.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/clock.ts';
import { runCli } from '../../../test/support/cli.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { citizen, demoSetup } from '../../../test/support/factories/applications.ts';
import type { AnnualReport } from '../../domain/report/index.ts';
import { systemActor, type Actor } from '../../policies/actor.ts';
import { findByCodeOrName, subtreeIds } from '../agencies/agencies.repository.ts';
import { createAgency } from '../agencies/agencies.service.ts';
import { createApplication } from '../applications/intake/intake.service.ts';
import { moduleFigureSources } from '../reports/figure-sources.ts';
import { reportView } from '../reports/reports.service.ts';
import { aggregateOfSubtree } from './aggregate.service.ts';

type Tables = Pick<AnnualReport, 'table2' | 'table3' | 'table4'>;

/** Sums reports cell by cell, written out plainly (independent of the domain's own sumReports). */
function sumTables(reports: Tables[]): Tables {
  const out = JSON.parse(JSON.stringify(reports[0])) as Tables;
  for (const r of reports.slice(1))
    for (const t of ['table2', 'table3', 'table4'] as const) {
      const into = out[t] as Record<string, Array<number | null>>;
      for (const [key, row] of Object.entries(r[t] as Record<string, Array<number | null>>))
        row.forEach((v, i) => (into[key]![i] = Math.round(((into[key]![i] ?? 0) + (v ?? 0)) * 1e6) / 1e6));
    }
  return out;
}

describeEachDialect('aggregate annual report', (dialect) => {
  let t: TestDb;
  let supervisor: Actor;
  let lj = '';
  let dir = '';
  const clock = new TestClock('2026-03-02T02:00:00Z');
  const saved = { url: process.env.GONGKAI_DATABASE_URL, dataDir: process.env.GONGKAI_DATA_DIR };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, new TestClock('2023-06-01T02:00:00Z'));
    lj = (await findByCodeOrName(t.db, 'luojiang'))!.id;
    const gxj = (await findByCodeOrName(t.db, 'luojiang-gxj'))!;
    // An agency two levels below the government, with an application of its own in 2024.
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
    const at = new TestClock('2024-05-06T02:00:00Z');
    await createApplication({ ...s.deps, clock: at }, systemActor(), citizen(centre.id));
    // The supervisor's reach is read when the actor is built (per request), after the centre exists.
    supervisor = await s.actor('zfb.supervisor');
    dir = mkdtempSync(join(tmpdir(), 'gk-aggregate-'));
    process.env.GONGKAI_DATABASE_URL = t.url;
    process.env.GONGKAI_DATA_DIR = dir;
  });
  afterAll(async () => {
    if (saved.url === undefined) delete process.env.GONGKAI_DATABASE_URL;
    else process.env.GONGKAI_DATABASE_URL = saved.url;
    if (saved.dataDir === undefined) delete process.env.GONGKAI_DATA_DIR;
    else process.env.GONGKAI_DATA_DIR = saved.dataDir;
    rmSync(dir, { recursive: true, force: true });
    await t.destroy();
  });

  for (const year of [2020, 2024]) {
    it(`${year}: equals the sum of the agencies' own reports cell by cell, and lists them`, async () => {
      const a = await aggregateOfSubtree(t.db, supervisor, { rootId: lj, year }, clock);
      const ids = await subtreeIds(t.db, [lj]);
      expect(ids.length).toBe(7);
      const own = await Promise.all(
        ids.map(async (id) => (await reportView(t.db, systemActor(), id, year, clock, moduleFigureSources)).report),
      );
      expect(own.every((r) => r.format === a.report.format)).toBe(true);
      const sum = sumTables(own);
      expect(a.report.table2).toEqual(sum.table2);
      expect(a.report.table3).toEqual(sum.table3);
      expect(a.report.table4).toEqual(sum.table4);
      expect(a.report.schema).toBe('gongkai.annual-report/1');
      expect(a.report.includedAgencies!.map((x) => x.name).sort()).toEqual(own.map((r) => r.agency.name).sort());
      expect(a.report.includedAgencies!.map((x) => x.name)).toContain('泉州市洛江区工业和信息化服务中心');
      expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
      if (year === 2024) expect(a.report.table3.received![0]).toBeGreaterThanOrEqual(1);
    });
  }

  it('`gongkai report --aggregate` writes JSON on stdout and DOCX, XLSX and PDF files', async () => {
    const json = await runCli(['report', '--agency', 'luojiang', '--year', '2024', '--aggregate']);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as AnnualReport;
    const direct = await aggregateOfSubtree(t.db, supervisor, { rootId: lj, year: 2024 }, clock);
    expect(report.table3).toEqual(direct.report.table3);
    expect(report.includedAgencies).toHaveLength(direct.report.includedAgencies!.length);
    for (const [format, magic] of [
      ['docx', 'PK'],
      ['xlsx', 'PK'],
      ['pdf', '%PDF'],
    ] as const) {
      const out = join(dir, `aggregate.${format}`);
      const r = await runCli([
        'report',
        '--agency',
        '泉州市洛江区人民政府',
        '--year',
        '2024',
        '--aggregate',
        '--format',
        format,
        '--out',
        out,
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(out).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
    const bad = await runCli(['report', '--agency', 'luojiang', '--year', '2024', '--aggregate', '--format', 'html']);
    expect(bad.code).toBe(2);
  });
});
