/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 (lifecycle.md "Provisional years"): the
 * days off every year has whatever the State Council's yearly notice adds (bridging days, 补假 for
 * a holiday on a weekend, make-up working days). Before a year's notice is imported its deadlines
 * are computed with these days off — never "weekends only" — and flagged 暂定.
 *
 * The version of the 办法 in force for the year:
 * - 1999 (国务院令第270号, until 2007): 元旦 1 day, 春节 初一至初三, 劳动节 5月1日至3日, 国庆节 10月1日至3日;
 * - 2007 revision (国务院令第513号, from 2008): 春节 除夕至初二, 劳动节 5月1日, 清明节, 端午节, 中秋节 added;
 * - 2013 revision (国务院令第644号, from 2014): 春节 初一至初三;
 * - 2024 revision (国务院令第795号, from 2025): 春节 除夕至初三, 劳动节 5月1日至2日.
 * 除夕 is the day before 正月初一, whatever the length of 腊月; 清明节 is the day of the 清明 solar
 * term, not a lunar date. Lunar dates and 清明 come from data/lunar.ts (generated from
 * chinese-days by tools/calendar/generate-lunar.ts, 2000–2100).
 */
import { LUNAR_FIRST_YEAR, LUNAR_HOLIDAY_DATES, LUNAR_LAST_YEAR } from './data/lunar.ts';
import { dayNumberOf, formatIsoDate } from './dates.ts';
import type { CalendarDay } from './types.ts';

/** The statutory holidays by the names the notices use. */
export const STATUTORY_HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
export type StatutoryHolidayName = (typeof STATUTORY_HOLIDAY_NAMES)[number];

/** Which text of the 办法 applies to a year. */
export function statutoryVersionOf(year: number): '1999' | '2007' | '2013' | '2024' {
  if (year >= 2025) return '2024';
  if (year >= 2014) return '2013';
  if (year >= 2008) return '2007';
  return '1999';
}

/** Whether the statutory holidays of `year` can be computed (the lunar data covers it). */
export function hasStatutoryData(year: number): boolean {
  return year >= LUNAR_FIRST_YEAR && year <= LUNAR_LAST_YEAR;
}

const md = (year: number, monthDay: string): number =>
  dayNumberOf(year, Number(monthDay.slice(0, 2)), Number(monthDay.slice(3, 5)));

/**
 * The statutory days off of `year` by the 办法 in force for it, as calendar days (`kind: 'off'`),
 * ascending; [] for a year outside the lunar data (then only weekends are known).
 */
export function statutoryHolidays(year: number): CalendarDay[] {
  const lunar = LUNAR_HOLIDAY_DATES[year];
  if (!lunar) return [];
  const [springFestival, qingming, duanwu, midAutumn] = lunar;
  const version = statutoryVersionOf(year);
  const days: Array<{ day: number; name: StatutoryHolidayName }> = [];
  const add = (day: number, name: StatutoryHolidayName, count = 1) => {
    for (let i = 0; i < count; i++) days.push({ day: day + i, name });
  };
  add(dayNumberOf(year, 1, 1), '元旦');
  const chuyi = md(year, springFestival);
  // 除夕 = the day before 正月初一.
  if (version === '1999' || version === '2013') add(chuyi, '春节', 3);
  else if (version === '2007') add(chuyi - 1, '春节', 3);
  else add(chuyi - 1, '春节', 4);
  if (version !== '1999') add(md(year, qingming), '清明节');
  add(dayNumberOf(year, 5, 1), '劳动节', version === '1999' ? 3 : version === '2024' ? 2 : 1);
  if (version !== '1999') {
    add(md(year, duanwu), '端午节');
    add(md(year, midAutumn), '中秋节');
  }
  add(dayNumberOf(year, 10, 1), '国庆节', 3);
  // 中秋 can fall on 10月1日–3日 (2001, 2020, 2025 …): one day off, both names kept once.
  const byDay = new Map<number, CalendarDay>();
  for (const d of days.sort((a, b) => a.day - b.day)) {
    const prev = byDay.get(d.day);
    byDay.set(d.day, { date: formatIsoDate(d.day), kind: 'off', name: prev ? `${prev.name}、${d.name}` : d.name });
  }
  return [...byDay.values()];
}

/**
 * The statutory holidays a year's file does not list as days off (a file for 2027 with only 元旦
 * lacks 春节, 清明节 …): name and date of each, in date order. A day the file lists as a make-up
 * working day counts as lacking too — the 办法 does not allow working on a statutory holiday.
 */
export function missingStatutoryHolidays(
  year: number,
  days: readonly CalendarDay[],
): Array<{ name: string; date: string }> {
  const off = new Set(days.filter((d) => d.kind === 'off').map((d) => d.date));
  return statutoryHolidays(year)
    .filter((d) => !off.has(d.date))
    .map((d) => ({ name: d.name ?? '', date: d.date }));
}

const offDaysCache = new Map<number, ReadonlySet<number>>();

/** The statutory days off of `year` as day numbers (cached; the provisional calendar reads it per day). */
export function statutoryOffDays(year: number): ReadonlySet<number> {
  let set = offDaysCache.get(year);
  if (!set) {
    set = new Set(statutoryHolidays(year).map((d) => dayNumberOfIso(d.date)));
    offDaysCache.set(year, set);
  }
  return set;
}

function dayNumberOfIso(iso: string): number {
  return dayNumberOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}
