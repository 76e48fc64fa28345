/**
 * Working-day arithmetic for one clock computation: the calendar, the start-day setting
 * (民法典 第二百零一条) and the record of years that were needed but not loaded.
 */
import { Calendar } from '../calendar/calendar.ts';
import type { Needs } from '../calendar/calendar.ts';

/** A pause of the reply clock: working days x with start < x ≤ end do not count (第三十三条第三款). */
export interface Pause {
  readonly start: number;
  readonly end: number;
}

/** Merges pauses into disjoint ones, so that a day paused twice is excluded once. */
export function unionOfPauses(pauses: readonly Pause[]): Pause[] {
  const sorted = pauses.filter((p) => p.end > p.start).sort((a, b) => a.start - b.start);
  const merged: Pause[] = [];
  for (const p of sorted) {
    const last = merged[merged.length - 1];
    if (last && p.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, p.end) };
    else merged.push(p);
  }
  return merged;
}

export class WorkingDays {
  readonly needs: Needs;

  constructor(
    readonly calendar: Calendar,
    provisional: boolean,
    private readonly startDayCounted: boolean,
  ) {
    this.needs = Calendar.needs(provisional);
  }

  /** The last day not counted: the base itself, or the day before when the start day counts. */
  private origin(base: number): number {
    return this.startDayCounted ? base - 1 : base;
  }

  /** The n-th working day of a period that starts on `base` (自…之日起n个工作日). */
  add(base: number, n: number): number {
    return this.calendar.addWorkingDaysN(this.origin(base), n, false, this.needs);
  }

  /** Working days x with a < x ≤ b. */
  between(a: number, b: number): number {
    return b <= a ? 0 : this.calendar.workingDaysBetweenN(a, b, false, this.needs);
  }

  /** Paused working days inside the period counted from `base` up to `day`. */
  pausedWithin(base: number, day: number, pauses: readonly Pause[]): number {
    const from = this.origin(base);
    let paused = 0;
    for (const p of pauses) paused += this.between(Math.max(p.start, from), Math.min(p.end, day));
    return paused;
  }

  /**
   * The earliest day D such that the working days of the period from `base` to D that are
   * not paused number n (lifecycle.md "Reply due date"). Found by fixed point: each round
   * adds the paused days found so far; it stops when no new paused day is reached, and the
   * day it stops on is itself an unpaused working day.
   */
  addExcluding(base: number, n: number, pauses: readonly Pause[]): number {
    const merged = unionOfPauses(pauses);
    let paused = 0;
    let due = this.add(base, n);
    for (;;) {
      const found = this.pausedWithin(base, due, merged);
      if (found === paused) return due;
      paused = found;
      due = this.add(base, n + paused);
    }
  }
}
