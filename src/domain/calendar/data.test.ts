import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { Calendar } from './calendar.ts';
import { loadBundledYears } from './bundled.ts';
import { dayNumberOf, formatIsoDate } from './dates.ts';
import { validateCalendarYear } from './validate.ts';

const years = loadBundledYears();

describe('bundled calendar data 2007–2026', () => {
  it('has one file per year, 2007 to 2026, in order', () => {
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
  });

  it('every year passes the import validation (make-up days on weekends, no duplicates, dates in range)', () => {
    for (const year of years) {
      const raw = { ...year, days: year.days.map((d, i) => ({ ...d, where: `第${i + 1}项` })) };
      expect(validateCalendarYear(raw)).toEqual(year);
    }
  });

  it('every year names its notice; 文号 and 成文日期 are either confirmed or null', () => {
    for (const year of years) {
      expect(year.notice.title).toBe(`国务院办公厅关于${year.year}年部分节假日安排的通知`);
      if (year.notice.documentNo !== null) expect(year.notice.documentNo).toMatch(/^国办发明电〔\d{4}〕\d+号$/);
      if (year.notice.date !== null) expect(Number(year.notice.date.slice(0, 4))).toBe(year.year - 1);
    }
    expect(years.find((y) => y.year === 2025)?.notice).toEqual({
      title: '国务院办公厅关于2025年部分节假日安排的通知',
      documentNo: '国办发明电〔2024〕12号',
      date: '2024-11-12',
    });
  });

  it('files the days around New Year under the notice that moved them', () => {
    const datesOf = (y: number): string[] => years.find((x) => x.year === y)?.days.map((d) => d.date) ?? [];
    expect(datesOf(2008)).toContain('2007-12-29');
    expect(datesOf(2012)).toContain('2011-12-31');
    expect(datesOf(2019)).toEqual(expect.arrayContaining(['2018-12-29', '2018-12-30', '2018-12-31']));
    expect(datesOf(2023)).toContain('2022-12-31');
    expect(datesOf(2015)).toContain('2015-01-04');
    expect(datesOf(2018)).not.toContain('2018-12-29');
  });

  it('agrees with chinese-days on whether each day of 2007–2026 is a working day', () => {
    const calendar = Calendar.fromYears(years);
    const disagreements: string[] = [];
    for (let d = dayNumberOf(2007, 1, 1); d <= dayNumberOf(2026, 12, 31); d++) {
      const iso = formatIsoDate(d);
      if (calendar.isWorkingDay(iso) !== chineseDays.isWorkday(iso)) disagreements.push(iso);
    }
    expect(disagreements).toEqual([]);
  });
});
