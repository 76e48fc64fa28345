/**
 * The precomputed day table behind `Calendar`: for every day from 1 January of the first
 * loaded year to 31 December of the last, whether it is a working day, and the cumulative
 * number of working days. With it, "the n-th working day after d" is two array reads.
 */
import { dayNumberOf, formatIsoDate, isWeekend, tryParseIsoDate } from './dates.ts';
import { statutoryOffDays } from './statutory.ts';
import type { CalendarDay, CalendarYear, DayKind } from './types.ts';

/** A day a loaded notice lists, as it takes effect in the table. */
export interface EffectiveDay {
  readonly day: number;
  readonly kind: DayKind;
  readonly name: string | null;
  /** The notice year whose file listed it. */
  readonly noticeYear: number;
}

export interface DayTable {
  /** Day number of index 0 (1 January of `firstYear`). */
  readonly start: number;
  /** Day number of the last index (31 December of `lastYear`). */
  readonly end: number;
  readonly firstYear: number;
  readonly lastYear: number;
  /** 1 if year `firstYear + i` is loaded. */
  readonly loaded: Uint8Array;
  /** Day number of 1 January of `firstYear + i`, one extra entry for the year after. */
  readonly yearStarts: Int32Array;
  /** 1 if the day at index i is a working day. */
  readonly working: Uint8Array;
  /** cumulative[i] = working days among indexes 0..i. */
  readonly cumulative: Int32Array;
  /** workingDays[k] = day number of the (k+1)-th working day of the table. */
  readonly workingDays: Int32Array;
  /** ISO strings of every day, so that results need no formatting. */
  readonly iso: readonly string[];
  /** Listed days in loaded years, sorted by day. */
  readonly listed: readonly EffectiveDay[];
}

/** The day table of no years at all: every query goes to the provisional path. */
export const EMPTY_TABLE: DayTable = {
  start: 0,
  end: -1,
  firstYear: 0,
  lastYear: -1,
  loaded: new Uint8Array(0),
  yearStarts: new Int32Array(0),
  working: new Uint8Array(0),
  cumulative: new Int32Array(0),
  workingDays: new Int32Array(0),
  iso: [],
  listed: [],
};

/**
 * Builds the table. Each year's own days come from its file; a day of the adjacent
 * December or January listed in a neighbour's file applies when that neighbour is loaded
 * too, and where two notices list the same date the later notice wins (it was issued
 * later and knew the earlier one). Years inside the span that are not loaded count
 * weekends and the statutory holidays of 《全国年节及纪念日放假办法》 as days off (statutory.ts,
 * lifecycle.md "Provisional years"); the Calendar flags or refuses any computation that touches them.
 */
export function buildDayTable(years: ReadonlyMap<number, CalendarYear>): DayTable {
  if (years.size === 0) return EMPTY_TABLE;
  const yearNumbers = [...years.keys()].sort((a, b) => a - b);
  const firstYear = yearNumbers[0] as number;
  const lastYear = yearNumbers[yearNumbers.length - 1] as number;
  const start = dayNumberOf(firstYear, 1, 1);
  const end = dayNumberOf(lastYear, 12, 31);
  const size = end - start + 1;

  const loaded = new Uint8Array(lastYear - firstYear + 1);
  const yearStarts = new Int32Array(lastYear - firstYear + 2);
  for (let y = firstYear; y <= lastYear + 1; y++) yearStarts[y - firstYear] = dayNumberOf(y, 1, 1);
  for (const y of yearNumbers) loaded[y - firstYear] = 1;
  const isLoadedDay = (day: number): boolean => {
    if (day < start || day > end) return false;
    let i = 0;
    while ((yearStarts[i + 1] as number) <= day) i++;
    return loaded[i] === 1;
  };

  const effective = new Map<number, EffectiveDay>();
  for (const y of yearNumbers) {
    const calendarYear = years.get(y) as CalendarYear;
    for (const listedDay of calendarYear.days) applyListedDay(effective, listedDay, y, isLoadedDay);
  }

  const working = new Uint8Array(size);
  const cumulative = new Int32Array(size);
  const iso: string[] = new Array<string>(size);
  let count = 0;
  const provisionalOff = new Set<number>();
  for (let y = firstYear; y <= lastYear; y++)
    if (loaded[y - firstYear] !== 1) for (const d of statutoryOffDays(y)) provisionalOff.add(d);
  for (let i = 0; i < size; i++) {
    const day = start + i;
    const listed = effective.get(day);
    const isWorking = listed ? listed.kind === 'work' : !isWeekend(day) && !provisionalOff.has(day);
    working[i] = isWorking ? 1 : 0;
    if (isWorking) count++;
    cumulative[i] = count;
    iso[i] = formatIsoDate(day);
  }
  const workingDays = new Int32Array(count);
  for (let i = 0, k = 0; i < size; i++) if (working[i] === 1) workingDays[k++] = start + i;

  const listed = [...effective.values()].sort((a, b) => a.day - b.day);
  return { start, end, firstYear, lastYear, loaded, yearStarts, working, cumulative, workingDays, iso, listed };
}

function applyListedDay(
  effective: Map<number, EffectiveDay>,
  listedDay: CalendarDay,
  noticeYear: number,
  isLoadedDay: (day: number) => boolean,
): void {
  const day = tryParseIsoDate(listedDay.date);
  // Files are validated before they get here (validate.ts); a bad date is a programming error.
  if (day === undefined) throw new Error(`invalid date ${listedDay.date} in calendar ${noticeYear}`);
  if (!isLoadedDay(day)) return;
  const previous = effective.get(day);
  if (previous && previous.noticeYear > noticeYear) return;
  effective.set(day, { day, kind: listedDay.kind, name: listedDay.name, noticeYear });
}
