/**
 * When an annual report is due (第四十九条): 县级以上人民政府部门 by 31 January, 县级以上地方
 * 人民政府 (published by its 主管部门) by 31 March, of the following year. The statute does not
 * name townships (乡镇人民政府、街道办事处): that is a setting, by default 31 January, because a
 * township reports to the county's 主管部门 as a department does and its figures go into the
 * county's report, due by 31 March. Reminders start in mid-January (setting, default 15 January).
 *
 * A report is about a whole calendar year: before the year has ended it can only be previewed
 * (「截至×月×日，未到发布时间」), never published.
 */
import type { AgencyLevel } from '../agency.ts';

export interface ReportDeadlineSettings {
  /** Townships' deadline: 'january' (31 January, default) or 'march' (31 March). */
  township: 'january' | 'march';
  /** First day of reminders, as MM-DD of the year after the report year. */
  remindFrom: string;
}

export const DEFAULT_REPORT_DEADLINE_SETTINGS: ReportDeadlineSettings = { township: 'january', remindFrom: '01-15' };

/**
 * Which paragraph of 第四十九条 an agency's report falls under: a department of a government at
 * county level or above (first paragraph, 31 January), a government at county level or above
 * (second paragraph, 31 March), or a township / 街道 and the offices under it (not named by the
 * statute: the setting).
 */
export type ReportDeadlineKind = 'department' | 'government' | 'township';

export const REPORT_DEADLINE_KIND_LABELS: Record<ReportDeadlineKind, string> = {
  department: '县级以上人民政府部门（第四十九条第一款）',
  government: '县级以上地方人民政府（第四十九条第二款）',
  township: '乡镇人民政府、街道办事处（条例未规定，按本平台设置）',
};

/**
 * The kind of an agency from its level and the levels above it in the tree (nearest first): a
 * department belongs to the nearest government above it, so one under a township is a township's
 * office, and one with no government above it is taken as 县级以上.
 */
export function reportDeadlineKind(
  level: AgencyLevel | ReportDeadlineKind,
  ancestorLevels: readonly AgencyLevel[] = [],
): ReportDeadlineKind {
  if (level === 'township') return 'township';
  if (level !== 'department') return 'government';
  return ancestorLevels.find((l) => l !== 'department') === 'township' ? 'township' : 'department';
}

/** The last day (ISO) on which the `year` report of an agency of that level or kind may be published. */
export function reportDeadline(
  level: AgencyLevel | ReportDeadlineKind,
  year: number,
  settings: ReportDeadlineSettings = DEFAULT_REPORT_DEADLINE_SETTINGS,
): string {
  const kind = reportDeadlineKind(level);
  const march = kind === 'government' || (kind === 'township' && settings.township === 'march');
  return `${year + 1}-${march ? '03-31' : '01-31'}`;
}

export type ReportDueState = 'published' | 'year_not_ended' | 'not_due' | 'due_soon' | 'overdue';

/**
 * Where an agency stands with its `year` report on `today` (ISO): published (on time or not
 * is shown by the dates), the year not yet ended (only a preview), not yet due (before the
 * reminder window), due soon, or overdue.
 */
export function reportDueState(
  level: AgencyLevel | ReportDeadlineKind,
  year: number,
  today: string,
  publishedOn: string | null,
  settings: ReportDeadlineSettings = DEFAULT_REPORT_DEADLINE_SETTINGS,
): ReportDueState {
  if (publishedOn) return 'published';
  if (!reportYearEnded(year, today)) return 'year_not_ended';
  const deadline = reportDeadline(level, year, settings);
  if (today > deadline) return 'overdue';
  return today >= `${year + 1}-${settings.remindFrom}` ? 'due_soon' : 'not_due';
}

/** Whether the report year has ended on `today` (Beijing date, ISO): only then may the report be published. */
export function reportYearEnded(year: number, today: string): boolean {
  return today > `${year}-12-31`;
}

/** The mark of a report of a year not yet ended: 「截至12月7日，未到发布时间」 (Beijing date). */
export function previewMark(today: string): string {
  return `截至${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日，未到发布时间`;
}
