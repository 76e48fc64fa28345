/**
 * Provisional (暂定) notices: a notice states dates of the clock engine; when the working days
 * between a date's starting point and the date run through a year whose holiday arrangement
 * (国务院办公厅关于××××年部分节假日安排的通知) is not loaded, the engine counted that year on its
 * provisional calendar — weekends and the statutory holidays off (DESIGN.md non-negotiable 3: an
 * explicit flag, never a silent guess). Such a notice may be sent: each provisional date it states
 * carries 「（暂定，以国务院办公厅公布的节假日安排为准）」, and when the year is imported its dates
 * are settled and an applicant whose date moved is told (lifecycle.md "Provisional years"). Pure.
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

/**
 * What follows every provisional date a notice states (lifecycle.md "Provisional years"): the
 * notice may go out, and says that the date may still move.
 */
export const PROVISIONAL_DATE_NOTE = '（暂定，以国务院办公厅公布的节假日安排为准）';

/** A date as a provisional notice states it: 2027年1月18日（暂定，以国务院办公厅公布的节假日安排为准）. */
export function provisionalDateText(date: string): string {
  return date.endsWith(PROVISIONAL_DATE_NOTE) ? date : `${date}${PROVISIONAL_DATE_NOTE}`;
}

/** The date without the provisional note (to compare a provisional date with the settled one). */
export function withoutProvisionalNote(text: string): string {
  return text.endsWith(PROVISIONAL_DATE_NOTE) ? text.slice(0, -PROVISIONAL_DATE_NOTE.length) : text;
}
