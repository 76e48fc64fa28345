/** Storing imports on SQLite (and PostgreSQL when GONGKAI_TEST_PG_URL is set), through the service and the CLI. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { TestClock } from '../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { main } from '../../cli/main.ts';
import { systemActor, type Actor } from '../../policies/actor.ts';
import { importFiles } from './import-batch.ts';
import { findLatestForYear, listImportedReports } from './report-import.repository.ts';
import { saveImportedReports } from './report-import.service.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures/reports');

describeEachDialect('imported reports', (dialect) => {
  let t: TestDb;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => {
    await t.destroy();
  });
  afterEach(() => vi.restoreAllMocks());

  it('stores each report once with its findings and an audit event; non-reports are skipped', async () => {
    const entries = await importFiles([`${FIXTURES}/planted/r4-appeals.txt`, `${FIXTURES}/bad/notice.txt`]);
    const first = await saveImportedReports(t.db, systemActor('命令行'), entries, clock);
    expect(first.map((o) => o.status)).toEqual(['inserted', 'skipped']);
    const again = await saveImportedReports(t.db, systemActor('命令行'), entries, clock);
    expect(again).toEqual([
      { file: entries[0]!.file, status: 'duplicate', id: first[0]!.id },
      { file: entries[1]!.file, status: 'skipped', id: null },
    ]);
    const stored = await listImportedReports(t.db);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      agencyName: '泉州市某某区示例局',
      agencyId: null,
      year: 2020,
      format: 'V2019',
      importedBy: '命令行',
      importedAt: clock.now().toISOString(),
    });
    expect(stored[0]!.report).toEqual(entries[0]!.report);
    expect(stored[0]!.findings.map((f) => `${f.rule} ${f.where}`)).toEqual(['R4 table4.reconsideration[4]']);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['summary', 'subject_id'])
      .where('action', '=', 'report_import.save')
      .execute();
    expect(audit).toEqual([
      {
        summary: '导入泉州市某某区示例局2020年度政府信息公开工作年度报告（V2019，错误1条，共1条检查结果）',
        subject_id: first[0]!.id,
      },
    ]);
  });

  it('checks a new year against the previous year stored in an earlier run (R5, R6)', async () => {
    const entries = await importFiles([`${FIXTURES}/chain/2021.txt`, `${FIXTURES}/chain/2022.html`]);
    const y2021 = entries[0]!;
    const y2022 = entries[1]!;
    await saveImportedReports(t.db, systemActor(), [y2021], clock);
    y2022.findings = y2022.findings.filter((f) => !/^R[567]$/.test(f.rule));
    await saveImportedReports(t.db, systemActor(), [y2022], clock);
    const stored = await findLatestForYear(t.db, '某某市示例区人民政府', 2022);
    expect(stored?.findings.map((f) => `${f.rule} ${f.where}`)).toEqual([
      'R5 table3.carried_in[0]',
      'R5 table3.carried_in[6]',
      'R6 table2.normative_docs[2]',
    ]);
  });

  it('refuses a user without a role that may import', async () => {
    const clerk: Actor = { ...systemActor(), kind: 'user', id: 'u1', name: '李登记员', roles: ['clerk'] };
    await expect(saveImportedReports(t.db, clerk, [], clock)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describeEachDialect('gongkai import-report --save', (dialect) => {
  let t: TestDb;
  let dir: string;
  const saved = { url: process.env.GONGKAI_DATABASE_URL, dataDir: process.env.GONGKAI_DATA_DIR };
  beforeAll(async () => {
    t = await createTestDb(dialect, { migrate: false });
    dir = mkdtempSync(join(tmpdir(), 'gk-import-report-'));
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

  it('stores the reports, keeps stdout for JSON only, and still exits 3 for a file that is not a report', async () => {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    const code = await main(['import-report', `${FIXTURES}/chain`, `${FIXTURES}/bad/empty.txt`, '--json', '--save']);
    vi.restoreAllMocks();
    expect(code).toBe(3);
    expect(
      out
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { error: string | null }).error),
    ).toEqual([null, null, '文件为空。']);
    expect(err).toBe('已保存到数据库：新增 2 份。\n');
    expect((await listImportedReports(t.db)).map((r) => r.year)).toEqual([2021, 2022]);
  });
});
