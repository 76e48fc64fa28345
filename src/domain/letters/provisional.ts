/**
 * Provisional (暂定) notices: a notice states dates of the clock engine; when the working days
 * between a date's starting point and the date run through a year whose holiday arrangement
 * (国务院办公厅关于××××年部分节假日安排的通知) is not loaded, the engine counted that year as
 * weekends only (DESIGN.md non-negotiable 3: an explicit flag, never a silent guess). Such a
 * notice may not leave the office until the year is loaded and its dates are checked again.
 * Pure.
 */
import type { Calendar } from '../calendar/calendar.ts';

/** A date a notice states and the day its working days are counted from (both YYYY-MM-DD). */
export interface DateSpan {
  readonly from: string;
  readonly to: string;
}

/**
 * The years not loaded that the notice's dates depend on, ascending: those the engine reports
 * as missing for the working days x with from < x ≤ to, and the year of the stated date itself.
 */
export function missingYearsOf(calendar: Calendar, spans: readonly DateSpan[]): number[] {
  const years = new Set<number>();
  for (const s of spans) {
    if (s.to > s.from)
      for (const y of calendar.workingDaysBetween(s.from, s.to, { provisional: true }).missingYears) years.add(y);
    const own = Number(s.to.slice(0, 4));
    if (!calendar.hasYear(own)) years.add(own);
  }
  return [...years].sort((a, b) => a - b);
}

const yearsText = (years: readonly number[]) => years.map((y) => `${y}年`).join('、');

/** Why a provisional notice cannot be sent (the console shows it beside 发送; the API refuses with it). */
export function provisionalBlocker(years: readonly number[]): string {
  return `文书所述日期涉及尚未导入节假日安排的${yearsText(years)}，是按周末推算的暂定日期，不能发送；请系统管理员在“节假日安排”中导入${yearsText(years)}的安排（国务院办公厅关于部分节假日安排的通知）后再发送，届时系统按正式安排重新核定文书中的日期`;
}

/** The line at the head of a provisional notice's DOCX or PDF, so a printed copy cannot pass for the real one. */
export function provisionalBanner(years: readonly number[]): string {
  return `【暂定稿，不得送达】本文书所述日期涉及尚未导入节假日安排的${yearsText(years)}，系按周末推算，导入后将重新核定。`;
}
