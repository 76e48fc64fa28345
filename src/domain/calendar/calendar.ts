/**
 * The working-day calendar (lifecycle.md "Dates"): a working day is a make-up working day
 * (调休上班) or a Monday–Friday that is not an official day off, per the loaded notices.
 *
 * - `addWorkingDays(d, n)`: the n-th working day strictly after d. The start day is not
 *   counted (民法典 第二百零一条「开始的当日不计入，自下一日开始计算」); with
 *   `startDayCounted` it is: the n-th working day on or after d.
 * - `workingDaysBetween(a, b)`: the number of working days x with a < x ≤ b.
 *
 * A computation that needs a year that is not loaded throws CALENDAR_NOT_LOADED naming the
 * year; with `{ provisional: true }` it instead counts such a year on its provisional calendar —
 * weekends and the statutory holidays of 《全国年节及纪念日放假办法》 off (statutory.ts; bridging
 * days, 补假 and make-up working days unknown) — and says so in the result (DESIGN.md
 * non-negotiable 3: never a silent guess; lifecycle.md "Provisional years").
 */
import { DomainError } from '../errors.ts';
import { isWeekend, tryParseIsoDate, formatIsoDate, yearOf } from './dates.ts';
import { LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR } from './data/lunar.ts';
import { statutoryOffDays } from './statutory.ts';
import { buildDayTable, type DayTable, type EffectiveDay } from './table.ts';
import type { CalendarYear } from './types.ts';

/** Options of every counting function. */
export interface CountOptions {
  /** Count the start day itself when it is a working day (default false, 民法典 第二百零一条). */
  readonly startDayCounted?: boolean;
  /** Return a result flagged provisional instead of failing on a year that is not loaded. */
  readonly provisional?: boolean;
}

/** A value computed with `{ provisional: true }`. */
export interface Provisional<T> {
  readonly value: T;
  /** True when a year that is not loaded was needed and counted on its provisional calendar (weekends and statutory holidays). */
  readonly provisional: boolean;
  /** The years that were needed but not loaded, ascending. */
  readonly missingYears: readonly number[];
}

type WithProvisional = CountOptions & { readonly provisional: true };

/** Why a day is or is not a working day. */
export interface DayStatus {
  readonly date: string;
  readonly working: boolean;
  /** weekday/weekend: ordinary; holiday: a listed day off; makeup: a listed make-up working day. */
  readonly reason: 'weekday' | 'weekend' | 'holiday' | 'makeup';
  readonly name: string | null;
}

/** The error for a year that is not loaded. */
export function calendarNotLoaded(year: number): DomainError {
  return new DomainError(
    'CALENDAR_NOT_LOADED',
    `未载入${year}年的节假日安排（国务院办公厅关于${year}年部分节假日安排的通知），无法按工作日计算；请系统管理员用 gongkai calendar import 导入${year}年的日历`,
    { year },
  );
}

function invalidDate(value: string): DomainError {
  return new DomainError('INVALID_DATE', `日期格式不正确：${String(value)}（应为YYYY-MM-DD，如2024-09-27）`, { value });
}

/** Parses an API date or throws INVALID_DATE. */
export function parseDate(value: string): number {
  const day = tryParseIsoDate(value);
  if (day === undefined) throw invalidDate(value);
  return day;
}

/** Tracks which missing years a computation touched. */
class Needs {
  readonly missing: number[] = [];
  constructor(private readonly provisional: boolean) {}
  miss(year: number): void {
    if (!this.provisional) throw calendarNotLoaded(year);
    if (!this.missing.includes(year)) this.missing.push(year);
  }
  wrap<T>(value: T): Provisional<T> {
    return { value, provisional: this.missing.length > 0, missingYears: [...this.missing].sort((a, b) => a - b) };
  }
}

/** An immutable working-day calendar built from calendar years. */
export class Calendar {
  private readonly table: DayTable;

  private constructor(private readonly years: ReadonlyMap<number, CalendarYear>) {
    this.table = buildDayTable(years);
  }

  /** A calendar of these years; when a year appears twice, the later entry wins (imports override bundled data). */
  static fromYears(years: readonly CalendarYear[]): Calendar {
    const map = new Map<number, CalendarYear>();
    for (const year of years) map.set(year.year, year);
    return new Calendar(map);
  }

  /** The loaded years, ascending. */
  get loadedYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** Whether the year's notice is loaded. */
  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** The loaded arrangement of a year. */
  yearData(year: number): CalendarYear | undefined {
    return this.years.get(year);
  }

  /** Whether `date` is a working day. */
  isWorkingDay(date: string): boolean;
  isWorkingDay(date: string, options: WithProvisional): Provisional<boolean>;
  isWorkingDay(date: string, options?: CountOptions): boolean | Provisional<boolean> {
    const needs = new Needs(options?.provisional === true);
    const value = this.isWorkingDayN(parseDate(date), needs);
    return options?.provisional === true ? needs.wrap(value) : value;
  }

  /** The n-th working day strictly after `date` (n ≥ 0; n = 0 gives `date` itself). */
  addWorkingDays(date: string, n: number, options?: Omit<CountOptions, 'provisional'>): string;
  addWorkingDays(date: string, n: number, options: WithProvisional): Provisional<string>;
  addWorkingDays(date: string, n: number, options?: CountOptions): string | Provisional<string> {
    const base = parseDate(date);
    if (options?.provisional !== true) {
      // Hot path (bench/clock.bench.ts): no allocation when every day is in a loaded year.
      const fast = this.fastAdd(base, n, options?.startDayCounted === true);
      if (fast >= 0) return this.table.iso[fast - this.table.start] as string;
    }
    const needs = new Needs(options?.provisional === true);
    const result = this.addWorkingDaysN(base, n, options?.startDayCounted === true, needs);
    return options?.provisional === true ? needs.wrap(formatIsoDate(result)) : formatIsoDate(result);
  }

  /** The number of working days x with a < x ≤ b (negative when b < a). */
  workingDaysBetween(a: string, b: string, options?: Omit<CountOptions, 'provisional'>): number;
  workingDaysBetween(a: string, b: string, options: WithProvisional): Provisional<number>;
  workingDaysBetween(a: string, b: string, options?: CountOptions): number | Provisional<number> {
    const needs = new Needs(options?.provisional === true);
    const value = this.workingDaysBetweenN(parseDate(a), parseDate(b), options?.startDayCounted === true, needs);
    return options?.provisional === true ? needs.wrap(value) : value;
  }

  /** Why `date` is or is not a working day (throws when its year is not loaded). */
  dayStatus(date: string): DayStatus {
    const day = parseDate(date);
    this.require(day, new Needs(false));
    const listed = this.listedDay(day);
    if (listed)
      return {
        date,
        working: listed.kind === 'work',
        reason: listed.kind === 'work' ? 'makeup' : 'holiday',
        name: listed.name,
      };
    const weekend = isWeekend(day);
    return { date, working: !weekend, reason: weekend ? 'weekend' : 'weekday', name: null };
  }

  /** Listed days off and make-up working days x with a < x ≤ b, in loaded years (for explanations). */
  listedDaysBetween(a: number, b: number): EffectiveDay[] {
    const listed = this.table.listed;
    let lo = 0;
    let hi = listed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((listed[mid] as EffectiveDay).day <= a) lo = mid + 1;
      else hi = mid;
    }
    const result: EffectiveDay[] = [];
    for (let i = lo; i < listed.length && (listed[i] as EffectiveDay).day <= b; i++)
      result.push(listed[i] as EffectiveDay);
    return result;
  }

  // ---- day-number API, used by the clock engine ----

  /** Whether the day is a working day; records or throws on a missing year. */
  isWorkingDayN(day: number, needs: Needs): boolean {
    const t = this.table;
    if (!this.require(day, needs)) {
      // A missing year inside the table was built on its provisional calendar; beyond it, the same rule.
      if (day >= t.start && day <= t.end) return t.working[day - t.start] === 1;
      return provisionalWorking(day);
    }
    return t.working[day - t.start] === 1;
  }

  /** The n-th working day after `base` (on or after, with startDayCounted). */
  addWorkingDaysN(base: number, n: number, startDayCounted: boolean, needs: Needs): number {
    if (!Number.isInteger(n) || n < 0) {
      throw new DomainError('INVALID_WORKING_DAYS', `工作日数应为非负整数，收到：${String(n)}`, { value: n });
    }
    if (n === 0) {
      this.require(base, needs);
      return base;
    }
    const fast = this.fastAdd(base, n, startDayCounted);
    if (fast >= 0) return fast;
    // Slow path: a year outside or missing from the table is involved. Only the days
    // counted matter, so the base day's own year is not required.
    let day = startDayCounted ? base - 1 : base;
    for (let counted = 0; counted < n;) {
      day++;
      if (this.isWorkingDayN(day, needs)) counted++;
    }
    return day;
  }

  /** Working days x with a < x ≤ b (a ≤ x ≤ b with startDayCounted); negative when b < a. */
  workingDaysBetweenN(a: number, b: number, startDayCounted: boolean, needs: Needs): number {
    if (b < a) return -this.workingDaysBetweenN(b, a, startDayCounted, needs);
    const from = startDayCounted ? a - 1 : a;
    this.requireRange(from + 1, b, needs);
    return this.cumulativeAt(b) - this.cumulativeAt(from);
  }

  /** A `Needs` tracker for a computation (provisional or strict). */
  static needs(provisional: boolean): Needs {
    return new Needs(provisional);
  }

  // ---- internals ----

  /** The fast path of add: -1 when a missing year is involved or the result leaves the table. */
  private fastAdd(base: number, n: number, startDayCounted: boolean): number {
    const t = this.table;
    const from = startDayCounted ? base - 1 : base;
    if (!Number.isInteger(n) || n <= 0 || from < t.start - 1 || from >= t.end) return -1;
    const index = (from < t.start ? 0 : (t.cumulative[from - t.start] as number)) + n - 1;
    if (index >= t.workingDays.length) return -1;
    const result = t.workingDays[index] as number;
    // Every year of the counted days (from + 1 … result) must be loaded.
    let y = this.yearIndex(from + 1);
    const last = this.yearIndex(result);
    for (; y <= last; y++) if (t.loaded[y] !== 1) return -1;
    return result;
  }

  /** Working days in [table start, day]; outside the table, counted on the provisional calendar. */
  private cumulativeAt(day: number): number {
    const t = this.table;
    if (t.end < t.start) return provisionalUpTo(day);
    if (day < t.start) return provisionalUpTo(day) - provisionalUpTo(t.start - 1);
    if (day > t.end) return (t.cumulative[t.end - t.start] as number) + provisionalUpTo(day) - provisionalUpTo(t.end);
    return t.cumulative[day - t.start] as number;
  }

  /** Index of the day's year in the table; the day must be inside the table. */
  private yearIndex(day: number): number {
    const starts = this.table.yearStarts;
    let i = 0;
    while ((starts[i + 1] as number) <= day) i++;
    return i;
  }

  /** True if the day's year is loaded; otherwise records the miss (or throws). */
  private require(day: number, needs: Needs): boolean {
    const t = this.table;
    if (day >= t.start && day <= t.end && t.loaded[this.yearIndex(day)] === 1) return true;
    needs.miss(yearOf(day));
    return false;
  }

  private requireRange(from: number, to: number, needs: Needs): void {
    for (let year = yearOf(from); year <= yearOf(to); year++) {
      if (!this.years.has(year)) needs.miss(year);
    }
  }

  private listedDay(day: number): EffectiveDay | undefined {
    const found = this.listedDaysBetween(day - 1, day);
    return found[0];
  }
}

/** A day of a year not loaded: a Monday–Friday that is not a statutory holiday (lifecycle.md "Provisional years"). */
function provisionalWorking(day: number): boolean {
  return !isWeekend(day) && !statutoryOffDays(yearOf(day)).has(day);
}

/**
 * Provisional working days up to `day` (only differences matter): weekdays, less the statutory
 * holidays on weekdays from 2000 (the lunar data's first year) through `day`'s year.
 */
function provisionalUpTo(day: number): number {
  let count = weekdaysUpTo(day);
  const last = yearOf(day);
  for (let y = LUNAR_FIRST_YEAR; y <= Math.min(last, LUNAR_LAST_YEAR); y++)
    for (const d of statutoryOffDays(y)) if (d <= day && !isWeekend(d)) count--;
  return count;
}

/** Monday–Friday days from day 0 of the epoch to `day` (offset-free difference is what matters). */
function weekdaysUpTo(day: number): number {
  // Count weekdays in [0, day] for day ≥ 0 and the mirrored count below 0, via whole weeks.
  const weeks = Math.floor(day / 7);
  let count = weeks * 5;
  for (let d = weeks * 7; d <= day; d++) if (!isWeekend(d)) count++;
  return count;
}

export type { Needs };
