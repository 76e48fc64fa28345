import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { runCli } from '../../../test/support/cli.ts';

const CSV_2027 = [
  '# year: 2027',
  '# notice: 国务院办公厅关于2027年部分节假日安排的通知',
  'date,kind,name',
  '2027-01-01,休,元旦',
  '2027-02-06,休,春节',
  '2027-02-14,班,春节',
  '',
].join('\n');

const ICS_2027 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'SUMMARY:元旦(休)',
  'DTSTART;VALUE=DATE:20270101',
  'DTEND;VALUE=DATE:20270104',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describeEachDialect('gongkai calendar import, then workdays', (dialect) => {
  let t: TestDb;
  let dir: string;
  const saved = { url: process.env.GONGKAI_DATABASE_URL, dataDir: process.env.GONGKAI_DATA_DIR };
  beforeAll(async () => {
    t = await createTestDb(dialect, { migrate: false });
    dir = mkdtempSync(join(tmpdir(), 'gk-calendar-cli-'));
    process.env.GONGKAI_DATABASE_URL = t.url;
    process.env.GONGKAI_DATA_DIR = dir;
    writeFileSync(join(dir, '2027.csv'), CSV_2027);
    writeFileSync(join(dir, '2027.ics'), ICS_2027);
    writeFileSync(join(dir, 'bad.csv'), 'date,kind,name\n2027-02-10,班,春节\n2027-02-10,休,春节\n');
  });
  afterAll(async () => {
    if (saved.url === undefined) delete process.env.GONGKAI_DATABASE_URL;
    else process.env.GONGKAI_DATABASE_URL = saved.url;
    if (saved.dataDir === undefined) delete process.env.GONGKAI_DATA_DIR;
    else process.env.GONGKAI_DATA_DIR = saved.dataDir;
    rmSync(dir, { recursive: true, force: true });
    await t.destroy();
  });

  it('workdays add 2026-12-20 20 exits 3 naming 2027 until 2027 is imported, and works after', async () => {
    const before = await runCli(['workdays', 'add', '2026-12-20', '20']);
    expect([before.code, before.stdout]).toEqual([3, '']);
    expect(before.stderr).toContain('未载入2027年的节假日安排');

    // The file lists only a few days: without confirmation it is refused, naming what it lacks.
    const refused = await runCli(['calendar', 'import', join(dir, '2027.csv')]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      '2027年的日历文件缺少《全国年节及纪念日放假办法》规定的法定节假日：春节（2027年2月5日）',
    );
    const imported = await runCli(['calendar', 'import', join(dir, '2027.csv'), '--confirm-missing-holidays']);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe('');
    expect(imported.stdout.split('\n').slice(0, 2)).toEqual([
      '已导入2027年节假日安排（国务院办公厅关于2027年部分节假日安排的通知）：放假2天，调休上班1天',
      '经确认，文件缺少法定节假日春节（2027年2月5日）、春节（2027年2月7日）、春节（2027年2月8日）、清明节（2027年4月5日）、劳动节（2027年5月1日）、劳动节（2027年5月2日）、端午节（2027年6月9日）、中秋节（2027年9月15日）、国庆节（2027年10月1日）、国庆节（2027年10月2日）、国庆节（2027年10月3日）',
    ]);
    expect(imported.stdout).toContain('已重新计算0件申请的期限');
    expect(await runCli(['workdays', 'add', '2026-12-20', '20'])).toEqual({
      code: 0,
      stdout: '2027-01-18\n',
      stderr: '',
    });
    expect((await runCli(['workdays', 'is', '2027-02-14'])).stdout).toBe('workday\n');
    const audit = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'calendar.import')
      .execute();
    expect(audit.map((a) => a.summary)).toEqual([
      expect.stringMatching(
        /^导入2027年节假日安排（国务院办公厅关于2027年部分节假日安排的通知），共3天；经确认，文件缺少法定节假日春节/,
      ),
    ]);
    expect((await runCli(['calendar', 'list'])).stdout).toContain(
      '2027\t导入\t3天\t国务院办公厅关于2027年部分节假日安排的通知（文号不详，成文日期不详）',
    );
  });

  it('an .ics file with the year and notice given on the command line replaces the earlier import', async () => {
    const args = [
      'calendar',
      'import',
      join(dir, '2027.ics'),
      '--year',
      '2027',
      '--notice',
      '国务院办公厅关于2027年部分节假日安排的通知',
      '--document-no',
      '国办发明电〔2026〕1号',
      '--confirm-missing-holidays',
    ];
    const r = await runCli(args);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('放假3天，调休上班0天（替换了此前导入的同年日历）');
    expect((await runCli(['workdays', 'is', '2027-02-14'])).stdout).toBe('offday\n');
  });

  it('an invalid file exits 3 listing every problem with its line; --dry-run writes nothing', async () => {
    const bad = await runCli(['calendar', 'import', join(dir, 'bad.csv'), '--year', '2027', '--notice', '测试']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('第2行：2027年2月10日是星期三，本来就是工作日，不能列为调休上班日');
    expect(bad.stderr).toContain('第3行：2027年2月10日重复出现（已见于第2行）');
    const dry = await runCli(['calendar', 'import', join(dir, '2027.csv'), '--dry-run']);
    expect(dry.stdout.split('\n')[0]).toBe(
      '文件有效，未导入：2027年节假日安排（国务院办公厅关于2027年部分节假日安排的通知）：放假2天，调休上班1天',
    );
    expect(dry.stdout).toContain('导入时须加 --confirm-missing-holidays');
    expect((await runCli(['workdays', 'is', '2027-02-14'])).stdout).toBe('offday\n');
    expect((await runCli(['calendar', 'import', join(dir, 'missing.csv')])).code).toBe(2);
    expect((await runCli(['calendar', 'import', join(dir, '2027.csv'), '--year', '27'])).code).toBe(2);
  });
});
