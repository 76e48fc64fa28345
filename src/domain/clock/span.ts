/**
 * Names the official days off and make-up working days a period crosses, for explanations:
 * 「10月1日至7日国庆节休息，9月29日、10月12日调休上班」. Dates carry their year only when it
 * differs from the year the period ends in.
 */
import type { Calendar } from '../calendar/calendar.ts';
import { civilOf, formatChineseDate, formatChineseMonthDay } from '../calendar/dates.ts';

function dateLabel(day: number, referenceYear: number): string {
  return civilOf(day).year === referenceYear ? formatChineseMonthDay(day) : formatChineseDate(day);
}

/** 10月1日至7日, 1月28日至2月4日, 2024年12月30日至2025年1月1日. */
function rangeLabel(from: number, to: number, referenceYear: number): string {
  const start = dateLabel(from, referenceYear);
  if (from === to) return start;
  const a = civilOf(from);
  const b = civilOf(to);
  if (a.year !== b.year) return `${start}至${formatChineseDate(to)}`;
  if (a.month === b.month) return `${start}至${b.day}日`;
  return `${start}至${formatChineseMonthDay(to)}`;
}

/** A period in full, the end shortened where it shares the year: 2025年9月23日至10月16日. */
export function formatDateRange(from: number, to: number, endPrefix = ''): string {
  const a = civilOf(from);
  const b = civilOf(to);
  const end = a.year !== b.year ? formatChineseDate(to) : formatChineseMonthDay(to);
  return from === to && endPrefix === '' ? formatChineseDate(from) : `${formatChineseDate(from)}至${endPrefix}${end}`;
}

/**
 * The listed days x with from < x ≤ to, in words; '' when the period crosses none.
 * Consecutive days off form one run, named by the holidays they belong to.
 */
export function describeSpecialDays(calendar: Calendar, from: number, to: number): string {
  const listed = calendar.listedDaysBetween(from, to);
  const referenceYear = civilOf(to).year;
  const runs: Array<{ from: number; to: number; names: string[] }> = [];
  const makeUp: number[] = [];
  for (const d of listed) {
    if (d.kind === 'work') {
      makeUp.push(d.day);
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && last.to === d.day - 1) last.to = d.day;
    else runs.push({ from: d.day, to: d.day, names: [] });
    const run = runs[runs.length - 1] as { names: string[] };
    if (d.name && !run.names.includes(d.name)) run.names.push(d.name);
  }
  const parts = runs.map((r) => `${rangeLabel(r.from, r.to, referenceYear)}${r.names.join('、')}休息`);
  if (makeUp.length > 0) parts.push(`${makeUp.map((d) => dateLabel(d, referenceYear)).join('、')}调休上班`);
  return parts.join('，');
}

/** 「（…）」 around `describeSpecialDays`, or '' when there is nothing to say. */
export function specialDaysNote(calendar: Calendar, from: number, to: number): string {
  const text = describeSpecialDays(calendar, from, to);
  return text === '' ? '' : `（${text}）`;
}
