import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { Calendar } from './calendar.ts';
import { loadBundledYears } from './bundled.ts';
import { formatIsoDate, isWeekend, tryParseIsoDate } from './dates.ts';
import type { CalendarYear } from './types.ts';

const calendar = Calendar.fromYears(loadBundledYears());

function day(iso: string): number {
  const n = tryParseIsoDate(iso);
  if (n === undefined) throw new Error(iso);
  return n;
}

function catchError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('Calendar: hand-checked dates', () => {
  it('National Day 2024: 20 working days after 2024-09-27 is 2024-10-30 (09-29 and 10-12 are make-up days)', () => {
    expect(calendar.addWorkingDays('2024-09-27', 20)).toBe('2024-10-30');
    expect(calendar.isWorkingDay('2024-09-29')).toBe(true);
    expect(calendar.isWorkingDay('2024-10-07')).toBe(false);
    expect(calendar.isWorkingDay('2024-10-12')).toBe(true);
  });

  it('Spring Festival 2025: 15 working days after 2025-01-24 is 2025-02-20', () => {
    expect(calendar.addWorkingDays('2025-01-24', 15)).toBe('2025-02-20');
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-04')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
  });

  it('a deadline that lands on a make-up Sunday: 2024-12-27 + 20 = 2025-01-26, across 元旦', () => {
    expect(calendar.addWorkingDays('2024-12-27', 20)).toBe('2025-01-26');
    expect(calendar.addWorkingDays('2024-01-08', 20)).toBe('2024-02-04');
  });

  it('received on a make-up Saturday: 2026-02-14 is a working day and +20 crosses Spring Festival 2026', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.addWorkingDays('2026-02-14', 20)).toBe('2026-03-20');
  });

  it('year end 2018/2019: the 2019 notice made Saturday 2018-12-29 a working day and Monday 2018-12-31 a day off', () => {
    expect(calendar.isWorkingDay('2018-12-29')).toBe(true);
    expect(calendar.isWorkingDay('2018-12-31')).toBe(false);
    expect(calendar.addWorkingDays('2018-12-28', 1)).toBe('2018-12-29');
    expect(calendar.addWorkingDays('2018-12-29', 1)).toBe('2019-01-02');
  });

  it('year ends 2007/2008, 2011/2012 and 2022/2023 follow the next year’s notice', () => {
    expect(calendar.isWorkingDay('2007-12-29')).toBe(true);
    expect(calendar.isWorkingDay('2007-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2011-12-31')).toBe(true);
    expect(calendar.isWorkingDay('2023-01-02')).toBe(false);
    expect(calendar.addWorkingDays('2022-12-30', 1)).toBe('2023-01-03');
  });

  it('supplementary notices: 2015 抗战胜利纪念日, 2019 劳动节, 2020 春节延长', () => {
    expect(calendar.isWorkingDay('2015-09-03')).toBe(false);
    expect(calendar.isWorkingDay('2015-09-04')).toBe(false);
    expect(calendar.isWorkingDay('2015-09-06')).toBe(true);
    expect(calendar.isWorkingDay('2019-05-02')).toBe(false);
    expect(calendar.isWorkingDay('2019-05-05')).toBe(true);
    // 2020-02-01 was a make-up Saturday until 国办发明电〔2020〕1号 extended the holiday to 2月2日.
    expect(calendar.isWorkingDay('2020-02-01')).toBe(false);
    expect(calendar.addWorkingDays('2020-01-23', 1)).toBe('2020-02-03');
  });

  it('workingDaysBetween counts a < x ≤ b', () => {
    expect(calendar.workingDaysBetween('2024-09-27', '2024-10-30')).toBe(20);
    expect(calendar.workingDaysBetween('2024-09-27', '2024-09-27')).toBe(0);
    expect(calendar.workingDaysBetween('2024-09-27', '2024-09-28')).toBe(0);
    expect(calendar.workingDaysBetween('2024-09-28', '2024-09-29')).toBe(1);
    expect(calendar.workingDaysBetween('2024-10-30', '2024-09-27')).toBe(-20);
  });

  it('民法典 第二百零一条: the start day is not counted unless startDayCounted is set', () => {
    expect(calendar.addWorkingDays('2024-09-27', 20, { startDayCounted: true })).toBe('2024-10-29');
    // A start day that is not a working day changes nothing.
    expect(calendar.addWorkingDays('2024-10-01', 3, { startDayCounted: true })).toBe(
      calendar.addWorkingDays('2024-10-01', 3),
    );
    expect(calendar.workingDaysBetween('2024-09-27', '2024-10-30', { startDayCounted: true })).toBe(21);
  });

  it('n = 0 is the date itself; a negative or fractional n is refused', () => {
    expect(calendar.addWorkingDays('2024-10-01', 0)).toBe('2024-10-01');
    expect(catchError(() => calendar.addWorkingDays('2024-10-01', -1)).code).toBe('INVALID_WORKING_DAYS');
    expect(catchError(() => calendar.addWorkingDays('2024-10-01', 1.5)).code).toBe('INVALID_WORKING_DAYS');
  });

  it('rejects dates that are not real YYYY-MM-DD dates', () => {
    for (const bad of ['2025-02-29', '2024-13-01', '2024-9-27', '20240927', '']) {
      expect(catchError(() => calendar.isWorkingDay(bad)).code).toBe('INVALID_DATE');
    }
  });

  it('dayStatus explains a day', () => {
    expect(calendar.dayStatus('2024-10-12')).toEqual({
      date: '2024-10-12',
      working: true,
      reason: 'makeup',
      name: '国庆节',
    });
    expect(calendar.dayStatus('2024-10-01')).toEqual({
      date: '2024-10-01',
      working: false,
      reason: 'holiday',
      name: '国庆节',
    });
    expect(calendar.dayStatus('2024-10-19').reason).toBe('weekend');
    expect(calendar.dayStatus('2024-10-21').reason).toBe('weekday');
  });
});

describe('Calendar: years that are not loaded', () => {
  it('CALENDAR_NOT_LOADED names the missing year', () => {
    const err = catchError(() => calendar.addWorkingDays('2026-12-20', 20));
    expect(err.code).toBe('CALENDAR_NOT_LOADED');
    expect(err.details).toEqual({ year: 2027 });
    expect(err.message).toContain('2027年');
    expect(catchError(() => calendar.isWorkingDay('2006-06-01')).details).toEqual({ year: 2006 });
    expect(catchError(() => calendar.workingDaysBetween('2026-12-01', '2027-01-10')).details).toEqual({ year: 2027 });
  });

  it('with provisional: true the result counts weekends and statutory holidays off, and is flagged', () => {
    // 2027-01-01 (元旦, a Friday) is off on the provisional calendar: not "weekends only" (2027-01-15).
    expect(calendar.addWorkingDays('2026-12-20', 20, { provisional: true })).toEqual({
      value: '2027-01-18',
      provisional: true,
      missingYears: [2027],
    });
    expect(calendar.addWorkingDays('2024-09-27', 20, { provisional: true })).toEqual({
      value: '2024-10-30',
      provisional: false,
      missingYears: [],
    });
    expect(calendar.isWorkingDay('2030-01-01', { provisional: true })).toEqual({
      value: false,
      provisional: true,
      missingYears: [2030],
    });
    expect(calendar.isWorkingDay('2030-01-02', { provisional: true }).value).toBe(true);
  });

  it('a hole between loaded years is refused too', () => {
    const withHole = Calendar.fromYears(loadBundledYears().filter((y) => y.year !== 2020));
    expect(catchError(() => withHole.addWorkingDays('2019-12-20', 20)).details).toEqual({ year: 2020 });
    expect(withHole.addWorkingDays('2019-12-20', 20, { provisional: true }).missingYears).toEqual([2020]);
  });

  it('a year’s December days listed by the next notice apply only when that year is loaded', () => {
    const only2018 = Calendar.fromYears(loadBundledYears().filter((y) => y.year === 2018));
    expect(only2018.isWorkingDay('2018-12-29')).toBe(false);
    const both = Calendar.fromYears(loadBundledYears().filter((y) => y.year === 2018 || y.year === 2019));
    expect(both.isWorkingDay('2018-12-29')).toBe(true);
  });

  it('an imported year replaces the bundled one', () => {
    const changed: CalendarYear = {
      year: 2026,
      notice: { title: '测试通知', documentNo: null, date: null },
      days: [{ date: '2026-03-02', kind: 'off', name: '测试' }],
    };
    const overridden = Calendar.fromYears([...loadBundledYears(), changed]);
    expect(overridden.isWorkingDay('2026-03-02')).toBe(false);
    expect(overridden.isWorkingDay('2026-02-16')).toBe(true);
    expect(overridden.yearData(2026)?.notice.title).toBe('测试通知');
  });
});

describe('Calendar: properties', () => {
  const first = day('2007-01-01');
  const last = day('2026-10-01');
  const dates = fc.integer({ min: first, max: last }).map(formatIsoDate);
  const counts = fc.integer({ min: 1, max: 40 });

  /** The definition itself, day by day, as the reference model. */
  function naiveAdd(date: string, n: number): string {
    let d = day(date);
    for (let counted = 0; counted < n;) {
      d++;
      if (calendar.isWorkingDay(formatIsoDate(d))) counted++;
    }
    return formatIsoDate(d);
  }

  it('the result is always a working day', () => {
    fc.assert(fc.property(dates, counts, (d, n) => calendar.isWorkingDay(calendar.addWorkingDays(d, n))));
  });

  it('is strictly monotonic in n', () => {
    fc.assert(fc.property(dates, counts, (d, n) => calendar.addWorkingDays(d, n) < calendar.addWorkingDays(d, n + 1)));
  });

  it('workingDaysBetween(d, add(d, n)) = n', () => {
    fc.assert(
      fc.property(dates, counts, (d, n) => calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n)) === n),
    );
  });

  it('agrees with the day-by-day definition', () => {
    fc.assert(fc.property(dates, counts, (d, n) => calendar.addWorkingDays(d, n) === naiveAdd(d, n)));
  });

  it('weekdays are working days and weekends are not, except the listed days', () => {
    fc.assert(
      fc.property(fc.integer({ min: first, max: day('2026-12-31') }), (n) => {
        const status = calendar.dayStatus(formatIsoDate(n));
        if (status.reason === 'weekday') return !isWeekend(n) && status.working;
        if (status.reason === 'weekend') return isWeekend(n) && !status.working;
        return status.reason === 'makeup' ? status.working && isWeekend(n) : !status.working;
      }),
    );
  });
});
