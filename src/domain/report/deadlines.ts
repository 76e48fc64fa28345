/**
 * When an annual report is due (第四十九条): 县级以上人民政府部门 by 31 January, 县级以上地方
 * 人民政府 (published by its 主管部门) by 31 March, of the following year. The statute does not
 * name townships (乡镇人民政府、街道办事处): that is a setting, by default 31 January, because a
 * township reports to the county's 主管部门 as a department does and its figures go into the
 * county's report, due by 31 March. Reminders start in mid-January (setting, default 15 January).
 */
import type { AgencyLevel } from '../agency.ts';

export interface ReportDeadlineSettings {
  /** Townships' deadline: 'january' (31 January, default) or 'march' (31 March). */
  township: 'january' | 'march';
  /** First day of reminders, as MM-DD of the year after the report year. */
  remindFrom: string;
}

export const DEFAULT_REPORT_DEADLINE_SETTINGS: ReportDeadlineSettings = { township: 'january', remindFrom: '01-15' };

/** The last day (ISO) on which the `year` report of an agency of `level` may be published. */
export function reportDeadline(
  level: AgencyLevel,
  year: number,
  settings: ReportDeadlineSettings = DEFAULT_REPORT_DEADLINE_SETTINGS,
): string {
  const march =
    level === 'province' ||
    level === 'city' ||
    level === 'county' ||
    (level === 'township' && settings.township === 'march');
  return `${year + 1}-${march ? '03-31' : '01-31'}`;
}

export type ReportDueState = 'published' | 'not_due' | 'due_soon' | 'overdue';

/**
 * Where an agency stands with its `year` report on `today` (ISO): published (on time or not
 * is shown by the dates), not yet due (before the reminder window), due soon, or overdue.
 */
export function reportDueState(
  level: AgencyLevel,
  year: number,
  today: string,
  publishedOn: string | null,
  settings: ReportDeadlineSettings = DEFAULT_REPORT_DEADLINE_SETTINGS,
): ReportDueState {
  if (publishedOn) return 'published';
  const deadline = reportDeadline(level, year, settings);
  if (today > deadline) return 'overdue';
  return today >= `${year + 1}-${settings.remindFrom}` ? 'due_soon' : 'not_due';
}
