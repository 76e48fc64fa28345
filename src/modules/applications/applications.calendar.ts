/**
 * The calendar in force for deadline computations, cached per database handle and rebuilt only
 * when the imported calendar years change (building it from every year costs about 10 ms, and
 * every workflow step needs it). Importing a year changes the fingerprint, so the next step and
 * the next sweep use the new calendar (lifecycle.md: deadlines are recomputed after an import).
 */
import type { DbOrTx } from '../../db/database.ts';
import type { Calendar } from '../../domain/calendar/calendar.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { calendarStamp } from './applications.repository.ts';

const cache = new WeakMap<object, { stamp: string; calendar: Calendar }>();

/** The calendar of `db` (bundled years overridden by imported ones). */
export async function calendarFor(db: DbOrTx): Promise<Calendar> {
  const stamp = await calendarStamp(db);
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit.calendar;
  const calendar = await loadCalendar(db as Parameters<typeof loadCalendar>[0]);
  cache.set(db, { stamp, calendar });
  return calendar;
}
