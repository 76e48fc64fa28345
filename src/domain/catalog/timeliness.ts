/**
 * 第二十六条 timeliness: information is published within 20 working days of the day it was
 * formed or changed (unless a law sets another period). The due date comes from the clock
 * engine (src/domain/clock `publicationDue`) and is stored with the item together with its
 * explanation; "late" and "soon due" are derived when read (STYLE.md rule 13).
 */
import type { Calendar } from '../calendar/calendar.ts';
import { publicationDue, type PublicationDue } from '../clock/publication.ts';

/** Working days before the due date at which an unpublished item is flagged 「即将到期」. */
export const SOON_DUE_WORKING_DAYS = 5;

export interface TimelinessInput {
  readonly formedOn: string;
  /** A period set by a special law, with its basis. */
  readonly special: { readonly workingDays: number; readonly basis: string } | null;
}

/** The due date of an item (第二十六条), provisional when a calendar year is missing. */
export function catalogDue(calendar: Calendar, input: TimelinessInput): PublicationDue {
  return publicationDue(calendar, input.formedOn, {
    provisional: true,
    ...(input.special ? { special: input.special } : {}),
  });
}

export type Timeliness = 'on_time' | 'late' | 'soon_due' | 'pending' | 'overdue';

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: '按时公开',
  late: '逾期公开',
  soon_due: '即将到期',
  pending: '未到期',
  overdue: '已逾期未公开',
};

/**
 * Where an item stands against its due date: published on or before it (按时) or after it
 * (逾期公开); not yet published and past it (已逾期未公开), within five working days of it
 * (即将到期), or earlier (未到期).
 */
export function timeliness(calendar: Calendar, due: string, publishedOn: string | null, today: string): Timeliness {
  if (publishedOn !== null) return publishedOn <= due ? 'on_time' : 'late';
  if (today > due) return 'overdue';
  const left = calendar.workingDaysBetween(today, due, { provisional: true }).value;
  return left <= SOON_DUE_WORKING_DAYS ? 'soon_due' : 'pending';
}
