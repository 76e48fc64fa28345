import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { TestClock } from '../../../test/support/clock.ts';
import type { CalendarYear } from '../../domain/calendar/types.ts';
import { DomainError } from '../../domain/errors.ts';
import { systemActor, type Actor } from '../../policies/actor.ts';
import { importCalendarYear, listCalendarYears, loadCalendar } from './calendar.service.ts';

/** These fixtures list a few days only: the import is told so (a real notice lists every statutory holiday). */
const PARTIAL = { confirmMissingHolidays: true };

const year2027: CalendarYear = {
  year: 2027,
  notice: { title: '国务院办公厅关于2027年部分节假日安排的通知', documentNo: null, date: null },
  days: [
    { date: '2026-12-31', kind: 'off', name: '元旦' },
    { date: '2027-01-01', kind: 'off', name: '元旦' },
    { date: '2027-02-14', kind: 'work', name: '春节' },
  ],
};

function handler(): Actor {
  return { ...systemActor(), kind: 'user', id: 'u1', name: '李办事员', roles: ['handler'] };
}

async function refused(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describeEachDialect('calendar years in the database', (dialect) => {
  let t: TestDb;
  const clock = new TestClock('2026-11-20T02:00:00Z');
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t.destroy());

  it('without imports, the calendar is the bundled one and 2027 is missing', async () => {
    const calendar = await loadCalendar(t.db);
    expect(calendar.loadedYears).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
    expect(() => calendar.addWorkingDays('2026-12-20', 20)).toThrow('未载入2027年');
    expect((await listCalendarYears(t.db)).every((y) => y.source === 'bundled')).toBe(true);
  });

  it('an imported year extends the calendar, also moving a day of the previous December, and is audited', async () => {
    const result = await importCalendarYear(t.db, systemActor('命令行'), year2027, clock, PARTIAL);
    expect(result).toEqual({ year: 2027, days: 3, replacedImport: false, overridesBundled: false });
    const calendar = await loadCalendar(t.db);
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-14')).toBe(true);
    expect(calendar.addWorkingDays('2026-12-20', 20)).toBe('2027-01-19');
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'subject_id', 'summary', 'actor_name'])
      .where('action', '=', 'calendar.import')
      .execute();
    expect(audit).toEqual([
      {
        action: 'calendar.import',
        subject_id: '2027',
        summary:
          '导入2027年节假日安排（国务院办公厅关于2027年部分节假日安排的通知），共3天；经确认，文件缺少法定节假日春节（2027年2月5日）、春节（2027年2月6日）、春节（2027年2月7日）、春节（2027年2月8日）、清明节（2027年4月5日）、劳动节（2027年5月1日）、劳动节（2027年5月2日）、端午节（2027年6月9日）、中秋节（2027年9月15日）、国庆节（2027年10月1日）、国庆节（2027年10月2日）、国庆节（2027年10月3日）',
        actor_name: '命令行',
      },
    ]);
    const listed = (await listCalendarYears(t.db)).find((y) => y.year === 2027);
    expect(listed).toMatchObject({
      source: 'import',
      days: 3,
      overridesBundled: false,
      importedAt: '2026-11-20T02:00:00.000Z',
      importedBy: '命令行',
    });
  });

  it('re-importing replaces the earlier import; importing a bundled year overrides it', async () => {
    const fewer: CalendarYear = { ...year2027, days: [{ date: '2027-01-01', kind: 'off', name: '元旦' }] };
    expect((await importCalendarYear(t.db, systemActor(), fewer, clock, PARTIAL)).replacedImport).toBe(true);
    expect((await loadCalendar(t.db)).isWorkingDay('2026-12-31')).toBe(true);

    const changed2026: CalendarYear = {
      year: 2026,
      notice: {
        title: '国务院办公厅关于2026年部分节假日安排的通知',
        documentNo: '国办发明电〔2025〕7号',
        date: '2025-11-04',
      },
      supplements: [{ title: '补充通知（测试）', documentNo: null, date: '2026-03-01' }],
      days: [{ date: '2026-03-02', kind: 'off', name: '测试' }],
    };
    expect((await importCalendarYear(t.db, systemActor(), changed2026, clock, PARTIAL)).overridesBundled).toBe(true);
    const calendar = await loadCalendar(t.db);
    expect(calendar.isWorkingDay('2026-03-02')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-16')).toBe(true);
    expect(calendar.yearData(2026)?.supplements).toEqual(changed2026.supplements);
  });

  it('a date already listed by another imported year is refused, and nothing changes', async () => {
    const clash: CalendarYear = {
      year: 2028,
      notice: { title: '2028年测试通知', documentNo: null, date: null },
      days: [{ date: '2027-01-01', kind: 'off', name: '元旦' }],
    };
    const err = await refused(importCalendarYear(t.db, systemActor(), clash, clock, PARTIAL));
    expect([err.code, err.message]).toEqual([
      'DATA_INVALID',
      '日历文件与已导入的其他年份冲突：2027年1月1日已列入2027年的日历',
    ]);
    expect((await listCalendarYears(t.db)).some((y) => y.year === 2028)).toBe(false);
  });

  it('only the system administrator may import a calendar', async () => {
    const err = await refused(importCalendarYear(t.db, handler(), year2027, clock, PARTIAL));
    expect(err.code).toBe('FORBIDDEN');
    const admin: Actor = { ...handler(), roles: ['system_admin'] };
    expect((await importCalendarYear(t.db, admin, year2027, clock, PARTIAL)).year).toBe(2027);
  });
});
