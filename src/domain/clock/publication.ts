/**
 * 第二十六条: information within the scope of proactive disclosure shall be published within
 * 20 working days of the day it was formed or changed, unless a law or regulation sets
 * another period (「法律、法规对政府信息公开的期限另有规定的，从其规定」).
 */
import type { Calendar } from '../calendar/calendar.ts';
import { parseDate } from '../calendar/calendar.ts';
import { formatChineseDate as cn, formatIsoDate } from '../calendar/dates.ts';
import { resolveClockSettings } from './settings.ts';
import { specialDaysNote } from './span.ts';
import { WorkingDays } from './work.ts';

/** The statutory publication period (第二十六条). */
export const PUBLICATION_WORKING_DAYS = 20;

export interface PublicationDueOptions {
  /** 民法典 第二百零一条 default: the start day is not counted. */
  readonly startDayCounted?: boolean;
  /** Count missing calendar years as weekends only and flag the result. */
  readonly provisional?: boolean;
  /** A shorter or longer period set by a law or regulation, with its basis (e.g. 《……法》第X条). */
  readonly special?: { readonly workingDays: number; readonly basis: string };
}

export interface PublicationDue {
  readonly due: string;
  readonly provisional: boolean;
  readonly missingYears: readonly number[];
  /** 「2025年3月3日形成；依据第二十六条，20个工作日内公开，至2025年3月31日」. */
  readonly explanation: string;
}

/** The date by which information formed or changed on `formedOrChangedDate` must be published. */
export function publicationDue(
  calendar: Calendar,
  formedOrChangedDate: string,
  options: PublicationDueOptions = {},
): PublicationDue {
  const formed = parseDate(formedOrChangedDate);
  const settings = resolveClockSettings({ startDayCounted: options.startDayCounted ?? false });
  const wd = new WorkingDays(calendar, options.provisional === true, settings.startDayCounted);
  const workingDays = options.special?.workingDays ?? PUBLICATION_WORKING_DAYS;
  const due = wd.add(formed, workingDays);
  const basis = options.special
    ? `依据${options.special.basis}（第二十六条：法律、法规另有规定的，从其规定）`
    : '依据第二十六条';
  const missingYears = [...wd.needs.missing].sort((a, b) => a - b);
  const provisional =
    missingYears.length > 0 ? `；${missingYears.map((y) => `${y}年`).join('、')}的节假日安排尚未载入，期限为暂定` : '';
  return {
    due: formatIsoDate(due),
    provisional: missingYears.length > 0,
    missingYears,
    explanation: `${cn(formed)}形成或变更；${basis}，${workingDays}个工作日内公开，至${cn(due)}${specialDaysNote(calendar, formed, due)}${provisional}`,
  };
}
