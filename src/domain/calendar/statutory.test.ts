import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBundledYears } from './bundled.ts';
import { Calendar } from './calendar.ts';
import { dayNumberOf, formatIsoDate } from './dates.ts';
import { missingStatutoryHolidays, statutoryHolidays, statutoryVersionOf } from './statutory.ts';

const years = loadBundledYears();
const names = (year: number) => statutoryHolidays(year).map((d) => `${d.date.slice(5)}${d.name}`);

describe('statutory holidays of 《全国年节及纪念日放假办法》', () => {
  it('every published notice in the bundled calendar (2007–2026) lists every statutory holiday of its year as a day off', () => {
    for (const y of years) expect([y.year, missingStatutoryHolidays(y.year, y.days)]).toEqual([y.year, []]);
  });

  it('follows the text in force for the year: 1999, 2007 (from 2008), 2013 (from 2014), 2024 (from 2025)', () => {
    expect([2007, 2008, 2013, 2014, 2024, 2025].map(statutoryVersionOf)).toEqual([
      '1999',
      '2007',
      '2007',
      '2013',
      '2013',
      '2024',
    ]);
    // 2007: 春节 初一至初三, 劳动节 3 days, no 清明/端午/中秋.
    expect(names(2007)).toEqual([
      '01-01元旦',
      '02-18春节',
      '02-19春节',
      '02-20春节',
      '05-01劳动节',
      '05-02劳动节',
      '05-03劳动节',
      '10-01国庆节',
      '10-02国庆节',
      '10-03国庆节',
    ]);
    // 2008: 除夕至初二 (除夕 2008-02-06), 清明 4月4日, one day 劳动节.
    expect(names(2008).slice(0, 6)).toEqual([
      '01-01元旦',
      '02-06春节',
      '02-07春节',
      '02-08春节',
      '04-04清明节',
      '05-01劳动节',
    ]);
    // 2024 (2013 text): 初一至初三; 2025 (2024 text): 除夕至初三, 劳动节 two days.
    expect(names(2024).slice(1, 4)).toEqual(['02-10春节', '02-11春节', '02-12春节']);
    expect(names(2025).slice(1, 8)).toEqual([
      '01-28春节',
      '01-29春节',
      '01-30春节',
      '01-31春节',
      '04-04清明节',
      '05-01劳动节',
      '05-02劳动节',
    ]);
  });

  it('2027: 元旦, 春节 除夕 (2月5日) 至初三, 清明 4月5日, 劳动节, 端午 6月9日, 中秋 9月15日, 国庆', () => {
    expect(names(2027)).toEqual([
      '01-01元旦',
      '02-05春节',
      '02-06春节',
      '02-07春节',
      '02-08春节',
      '04-05清明节',
      '05-01劳动节',
      '05-02劳动节',
      '06-09端午节',
      '09-15中秋节',
      '10-01国庆节',
      '10-02国庆节',
      '10-03国庆节',
    ]);
  });

  it('中秋 on 国庆 is one day off named after both (2020)', () => {
    expect(names(2020)).toContain('10-01中秋节、国庆节');
  });

  it('a file for a year lacking a statutory holiday is found out (a 2027 file with only 元旦)', () => {
    const missing = missingStatutoryHolidays(2027, [{ date: '2027-01-01', kind: 'off', name: '元旦' }]);
    expect(missing.map((m) => m.name)).toEqual([
      '春节',
      '春节',
      '春节',
      '春节',
      '清明节',
      '劳动节',
      '劳动节',
      '端午节',
      '中秋节',
      '国庆节',
      '国庆节',
      '国庆节',
    ]);
  });
});

describe('the provisional calendar of a year not loaded', () => {
  it('never puts a provisional deadline on a statutory holiday', () => {
    const loaded = Calendar.fromYears(years);
    for (let year = 2027; year <= 2040; year++)
      for (const d of statutoryHolidays(year))
        expect([d.date, loaded.isWorkingDay(d.date, { provisional: true }).value]).toEqual([d.date, false]);
  });

  it('the final date is never earlier than the provisional one, unless a make-up working day falls inside the period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2008, max: 2025 }),
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 1, max: 45 }),
        (year, offset, n) => {
          const without = Calendar.fromYears(years.filter((y) => y.year !== year));
          const full = Calendar.fromYears(years);
          const start = formatIsoDate(dayNumberOf(year, 1, 1) + offset - 10);
          const provisional = without.addWorkingDays(start, n, { provisional: true }).value;
          const final = full.addWorkingDays(start, n);
          if (final >= provisional) return true;
          // (a make-up day of a December may be listed by the next year's notice: 2011-12-31 by 2012's)
          const makeUp = years.some((y) =>
            y.days.some((d) => d.kind === 'work' && d.date > start && d.date <= provisional),
          );
          return makeUp;
        },
      ),
      { numRuns: 400 },
    );
  });
});
